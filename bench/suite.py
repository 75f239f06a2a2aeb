"""The benchmark suite behind bench/run: every measurement of issue 6 in one run.

For each size: generate the exports once (cached), load them, time the KPI table for a
year at all levels and the weekly series of every metric, the overview and a goal page
cold and warm in headless chromium, and the pandas way; print the table with the goals
and write everything as JSON under bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, date, datetime
from typing import Any

from bench import goals
from bench.browser import Page, page_loads
from bench.child import ROOT, BenchError, run_child
from bench.datasets import Dataset, dataset
from bench.loading import load

RESULTS = ROOT / "bench" / "results"
YEAR = (date(2025, 1, 1), date(2025, 12, 31))
CURVE_SIZES = (20_000, 100_000, 300_000, 600_000)
PAGES = (
    Page("overview", "/", '[data-testid="stMetric"]'),
    Page("goal", "/lahipalvelut", '[data-testid="stPlotlyChart"]'),
)


def _log(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _timed(kind: str, ds: Dataset, runs: int, r: dict[str, Any]) -> None:
    """Runs bench.measure in a child; stores the median wall time, every run and peak RSS."""
    where = ["--folder", str(ds.folder)] if kind == "pandas" else ["--db", str(ds.db)]
    period = ["--from", YEAR[0].isoformat(), "--to", YEAR[1].isoformat()]
    load_before = os.getloadavg()[0]
    run = run_child(
        ["-m", "bench.measure", kind, *where, *period, "--repeat", str(runs), "--out", "{json}"]
    )
    r[f"{kind}_s"] = goals.med(run.result["times"])
    r[f"{kind}_peak_bytes"] = run.peak_rss_bytes
    r[f"{kind}_runs"] = run.result["times"]
    r[f"{kind}_cpu_s"] = goals.med(run.result["cpu"])
    r[f"{kind}_first_s"] = run.result["times"][0]
    r[f"{kind}_loadavg"] = [load_before, os.getloadavg()[0]]


def measure(clients: int, args: argparse.Namespace, *, curve: bool = False) -> dict[str, Any]:
    national = clients >= 300_000
    fast, slow = (args.slow_runs, args.slow_runs) if national else (args.fast_runs, args.slow_runs)
    ds = dataset(clients, args.seed, args.years)
    r: dict[str, Any] = {"clients": clients, "dataset": ds.key}
    _log(f"{clients} clients: exports ({ds.folder})")
    r["generate_s"] = ds.ensure()
    _log(f"{clients} clients: load x{slow}")
    r.update(load(ds, runs=1 if national and not args.all_runs else slow))
    _log(f"{clients} clients: KPI table x{fast}, weekly series x{fast}")
    _timed("kpi", ds, fast, r)
    _timed("series", ds, fast, r)
    r["kpi_and_series_s"] = r["kpi_s"] + r["series_s"]
    if not args.no_browser and not curve and (clients == goals.AREA or args.browser_all):
        _log(f"{clients} clients: pages in chromium (cold x{slow}, warm x{fast})")
        shots = RESULTS / "screenshots" / str(clients)
        loads = page_loads(ds.db, PAGES, cold_runs=slow, warm_runs=fast, screenshot_dir=shots)
        for name, t in loads.items():
            r[f"page_{name}_cold_s"] = goals.med(t["cold"])
            r[f"page_{name}_warm_s"] = goals.med(t["warm"])
            r[f"page_{name}_exceptions"] = int(t["exceptions"][0])
        r["page_runs"] = loads
    if not args.no_pandas:
        runs = 1 if national and not args.all_runs else slow
        _log(f"{clients} clients: the pandas way x{runs}")
        _timed("pandas", ds, runs, r)
        r["pandas_ratio"] = r["pandas_s"] / r["kpi_s"]
        r["pandas_vs_load_ratio"] = r["pandas_s"] / (r["load_s"] + r["kpi_s"])
    return r


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="bench/run",
        description="Measure load, KPI table, weekly series, page loads and the pandas way "
        "at the area's size and at national scale; print the table with the goals of issue 6.",
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
    p.add_argument("--fast-runs", type=int, default=5, help="runs of fast steps (median)")
    p.add_argument("--slow-runs", type=int, default=3, help="runs of slow steps (median)")
    p.add_argument(
        "--all-runs",
        action="store_true",
        help="repeat national-scale load and pandas too (default: once)",
    )
    p.add_argument("--no-browser", action="store_true", help="skip the page loads")
    p.add_argument("--browser-all", action="store_true", help="page loads at every size")
    p.add_argument("--no-pandas", action="store_true", help="skip the pandas way")
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
    try:
        for clients in sizes:
            results[clients] = measure(clients, args, curve=args.curve)
    except BenchError as exc:
        print(f"bench/run: {exc}", file=sys.stderr)
        return 1
    print(goals.render(results))
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
