"""The benchmark suite behind bench/run: every measurement of issues 6, 13 and 14 in one run.

For each size: generate the exports once (cached), load them, time the KPI table for a
year at all levels, the weekly series of every metric, the Finances page's computation
(issue 14) and the pandas way; at the area's
size also the server's capacity (bench/capacity.py: 25 and 100 sessions, the herd) and one
browser against Streamlit's empty app (bench/one_browser.py); print the table with the goals
and write everything as JSON under bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from bench import goals
from bench.child import ROOT, BenchError, run_child
from bench.crosscheck import differences
from bench.datasets import Dataset, dataset
from bench.load_step import load
from bench.one_browser import CASES
from common.duckdb_files import open_read_only

RESULTS = ROOT / "bench" / "results"
YEAR = (date(2025, 1, 1), date(2025, 12, 31))
CURVE_SIZES = (20_000, 100_000, 300_000, 600_000)


def _log(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _table_file(ds: Dataset, kind: str) -> Path:
    return ds.db.with_name(f"{ds.key}-{kind}-table.parquet")


def _timed(kind: str, ds: Dataset, runs: int, r: dict[str, Any]) -> None:
    """Runs bench.measure in a child; stores the median wall time, every run and peak RSS."""
    where = ["--folder", str(ds.folder)] if kind == "pandas" else ["--db", str(ds.db)]
    period = ["--from", YEAR[0].isoformat(), "--to", YEAR[1].isoformat()]
    load_before = os.getloadavg()[0]
    outputs = ["--table", str(_table_file(ds, kind)), "--out", "{json}"]
    run = run_child(["-m", "bench.measure", kind, *where, *period, "--repeat", str(runs), *outputs])
    r[f"{kind}_s"] = goals.med(run.result["times"])
    r[f"{kind}_peak_bytes"] = run.peak_rss_bytes
    r[f"{kind}_runs"] = run.result["times"]
    r[f"{kind}_cpu_s"] = goals.med(run.result["cpu"])
    r[f"{kind}_first_s"] = run.result["times"][0]
    r[f"{kind}_loadavg"] = [load_before, os.getloadavg()[0]]


def _finance(ds: Dataset, runs: int, r: dict[str, Any]) -> None:
    """The Finances page's computation (bench.measure finance) and the ledger's size."""
    _timed("finance", ds, runs, r)
    con = open_read_only(ds.db)
    try:
        row = con.execute("SELECT count(*) FROM kustannukset").fetchone()
    finally:
        con.close()
    r["ledger_rows"] = int(row[0]) if row else None


def _capacity(ds: Dataset, r: dict[str, Any]) -> None:
    """bench/capacity.py with its defaults (25 and 100 sessions, the herd of 100)."""
    run = run_child(["-m", "bench.capacity", "--db", str(ds.db), "--out", "{json}"])
    for one in run.result["runs"]:
        key = f"capacity_{one['key']}"
        r[f"{key}_p95_s"] = one["p95_s"]
        r[f"{key}_failed"] = one["failed"]
        r[f"{key}_cpu_ms"] = one["server_cpu_ms_per_page"]
    r["capacity"] = run.result


def _one_browser(ds: Dataset, r: dict[str, Any], rounds: int) -> None:
    """bench/one_browser.py: medians of ``rounds`` rounds, dashboard and empty app."""
    args = ["-m", "bench.one_browser", "--db", str(ds.db), "--rounds", str(rounds)]
    run = run_child([*args, "--out", "{json}"])
    for key, _, _ in CASES:
        r[f"browser_{key}_s"] = run.result["medians"]["dashboard"][key]["seconds"]
        r[f"browser_{key}_floor_s"] = run.result["medians"]["floor"][key]["seconds"]
        r[f"browser_{key}_ratio"] = run.result["ratios"][key]["ratio"]
    r["one_browser"] = run.result


def _step(r: dict[str, Any], what: str, action: Callable[[], None]) -> bool:
    """Runs one step; a failure is recorded (and printed) and the other steps go on."""
    _log(what)
    try:
        action()
        return True
    except BenchError as exc:
        _log(f"FAILED: {exc}")
        r.setdefault("errors", []).append(f"{what}: {exc}")
        return False


def measure(clients: int, args: argparse.Namespace) -> dict[str, Any]:
    national = clients >= 300_000
    fast, slow = (args.slow_runs, args.slow_runs) if national else (args.fast_runs, args.slow_runs)
    once = 1 if national and not args.all_runs else slow
    ds = dataset(clients, args.seed, args.years)
    r: dict[str, Any] = {"clients": clients, "dataset": ds.key}
    name = f"{clients} clients:"

    def generate() -> None:
        r["generate_s"] = ds.ensure()

    if not _step(r, f"{name} exports ({ds.folder})", generate):
        return r
    steps = set(args.steps.split(","))
    if ("load" in steps or not ds.db.exists()) and not _step(
        r, f"{name} load x{once}", lambda: r.update(load(ds, runs=once))
    ):
        return r
    if "kpi" in steps:
        _step(r, f"{name} KPI table x{fast}", lambda: _timed("kpi", ds, fast, r))
    if "series" in steps:
        _step(r, f"{name} weekly series x{fast}", lambda: _timed("series", ds, fast, r))
    if "kpi_s" in r and "series_s" in r:
        r["kpi_and_series_s"] = r["kpi_s"] + r["series_s"]
    if "finance" in steps:
        _step(r, f"{name} Finances page x{fast} (issue 14)", lambda: _finance(ds, fast, r))
    area_size = clients == goals.AREA or args.browser_all
    if "capacity" in steps and area_size:
        _step(r, f"{name} server capacity (bench.capacity)", lambda: _capacity(ds, r))
    if "one_browser" in steps and area_size and not args.no_browser:
        what = f"{name} one browser, {fast} rounds (bench.one_browser)"
        _step(r, what, lambda: _one_browser(ds, r, fast))
    if "pandas" in steps and not args.no_pandas:
        _step(r, f"{name} the pandas way x{once}", lambda: _timed("pandas", ds, once, r))
        if "pandas_s" in r and "kpi_s" in r:
            found = differences(
                pd.read_parquet(_table_file(ds, "kpi")), pd.read_parquet(_table_file(ds, "pandas"))
            )
            r["crosscheck_differences"] = len(found)
            r["crosscheck_examples"] = found[:20]
            r["pandas_ratio"] = r["pandas_s"] / r["kpi_s"]
            if "load_s" in r:
                r["pandas_vs_load_ratio"] = r["pandas_s"] / (r["load_s"] + r["kpi_s"])
    return r


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="bench/run",
        description="Measure load, KPI table, weekly series and the pandas way at the area's "
        "size and at national scale, and the server's capacity and one browser at the area's "
        "size; print the table with the goals of issues 6 and 11.",
    )
    p.add_argument("--sizes", default="20000,600000", help="clients, comma-separated")
    p.add_argument("--quick", action="store_true", help="the area's size only (20 000 clients)")
    p.add_argument(
        "--years",
        type=int,
        default=1,
        help="calendar years of data: 1 = 2025-01-01.., 3 = 2024-01-01.. to 2026-10-31",
    )
    p.add_argument(
        "--curve",
        action="store_true",
        help="time and memory against 20k, 100k, 300k, 600k clients (docs/scaling.md)",
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--fast-runs", type=int, default=5, help="runs of fast steps, one-browser rounds (median)"
    )
    p.add_argument("--slow-runs", type=int, default=3, help="runs of slow steps (median)")
    p.add_argument(
        "--all-runs",
        action="store_true",
        help="repeat national-scale load and pandas too (default: once)",
    )
    p.add_argument("--no-browser", action="store_true", help="skip the one-browser step")
    p.add_argument(
        "--browser-all", action="store_true", help="capacity and one browser at every size"
    )
    p.add_argument("--no-pandas", action="store_true", help="skip the pandas way")
    p.add_argument(
        "--steps",
        default="load,kpi,series,finance,capacity,one_browser,pandas",
        help="which steps to measure, comma-separated (default: all; the load runs anyway "
        "when the size has no database yet); finance = the Finances page's computation "
        "(issue 14); capacity = bench.capacity (25 and 100 sessions "
        "and the herd, no browser), one_browser = bench.one_browser (first visit, return "
        "visit and page switch against Streamlit's empty app), both at the area's size",
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    sizes = (
        CURVE_SIZES
        if args.curve
        else ((goals.AREA,) if args.quick else tuple(int(s) for s in args.sizes.split(",")))
    )
    started = time.time()
    results: dict[int, dict[str, Any]] = {}
    for clients in sizes:
        results[clients] = measure(clients, args)
    print(goals.render(results))
    failed = [e for r in results.values() for e in r.get("errors", [])]
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"{'curve' if args.curve else 'bench'}-{stamp}.json"
    meta = {
        "argv": sys.argv[1:],
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "loadavg_at_end": os.getloadavg(),
        "seconds": time.time() - started,
        "year": [d.isoformat() for d in YEAR],
        "years_of_data": args.years,
    }
    out.write_text(json.dumps({"meta": meta, "results": results}, indent=2, default=str))
    print(f"\nresults: {out.relative_to(ROOT)}")
    for error in failed:
        print(f"bench/run: FAILED {error.splitlines()[0]}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
