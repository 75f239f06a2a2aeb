"""Server capacity: what this machine must carry when every viewer's browser runs on their own
computer. Sessions speak Streamlit's own WebSocket protocol (bench/protocol.py, no browser):
each opens the overview by its URL and the two goal pages (/lahipalvelut, /kohtaanto, with
their charts) by their sidebar links, under the meeting model of bench/load_model.py: people
arrive within ``--arrival`` seconds and read each page ``--think`` seconds. The herd is the
worst case beside it: everybody at one instant, no reading. The server is warmed by one
unmeasured visit first, as a running service would be.

    .venv/bin/python -m bench.capacity [--sessions 25,100] [--herd 100] [--profile 20]

Prints a markdown table (p95 and failures per run, the server's CPU a page from /proc) and
writes bench/results/capacity-<time>.json with every page's time. ``--profile N`` then runs N
visits one after another against a server profiled inside (bench/server_profile.py) and
prints where a page's CPU goes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.child import PYTHON, ROOT
from bench.load_model import LoadModel, Plan, schedule, summarize
from bench.protocol import ProtocolSession
from bench.protocol_meeting import PAGE_NAMES, PAGES, meet

RESULTS = ROOT / "bench" / "results"
GOAL_P95_S = 1.0  # people arriving as in a meeting
HERD_GOAL_P95_S = 3.0  # everybody at one instant


def _ints(text: str) -> list[int]:
    return [int(v) for v in text.split(",") if v.strip()]


def parse(argv: list[str] | None) -> argparse.Namespace:
    d = LoadModel()
    p = argparse.ArgumentParser(
        prog="python -m bench.capacity", description=__doc__.split("\n\n")[0]
    )
    p.add_argument("--sessions", type=_ints, default=[25, 100], help="people per run (25,100)")
    p.add_argument("--herd", type=int, default=100, help="people in the herd, 0 = none (100)")
    p.add_argument("--arrival", type=float, default=d.arrival_s, help="arrival window, s (60)")
    p.add_argument(
        "--think", type=float, nargs=2, default=d.think_s, metavar=("LOW", "HIGH"),
        help="reading time per page, uniform, s (5 15)",
    )  # fmt: skip
    p.add_argument("--seed", type=int, default=d.seed)
    p.add_argument("--clients", type=int, default=20_000, help="dataset size (20000)")
    p.add_argument("--db", type=Path, help="a loaded database instead of the generated dataset")
    p.add_argument("--timeout", type=float, default=60.0, help="a page's limit, s (60)")
    p.add_argument("--profile", type=int, default=0, help="profiled visits after the runs (0)")
    p.add_argument("--results", type=Path, default=RESULTS, help="folder of the JSON")
    p.add_argument("--out", type=Path, help="also write the summary (without rows) here")
    return p.parse_args(argv)


def models(args: argparse.Namespace) -> list[tuple[str, LoadModel, float]]:
    """(key, model, goal p95) of each run: the meetings, then the herd."""
    think = (args.think[0], args.think[1])
    runs = [
        (f"meeting_{n}", LoadModel(n, args.arrival, think, seed=args.seed), GOAL_P95_S)
        for n in args.sessions
    ]
    if args.herd:
        runs.append((f"herd_{args.herd}", LoadModel(args.herd, herd=True), HERD_GOAL_P95_S))
    return runs


def one_run(url: str, key: str, model: LoadModel, goal: float, timeout: float) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    result = asyncio.run(meet(url, schedule(model, len(PAGES)), timeout))
    pages = len(result.rows)
    return {
        "key": key,
        "model": model.describe(),
        "sessions": model.sessions,
        "herd": model.herd,
        **summarize(result.rows, PAGE_NAMES, goal),
        "server_cpu_s": result.server_cpu_s,
        "server_cpu_ms_per_page": result.server_cpu_s / pages * 1000 if pages else None,
        "server_peak_rss_bytes": result.server_peak_rss_bytes,
        "client_cpu_s": result.client_cpu_s,
        "others_cpu_s": result.others_cpu_s,
        "wall_s": result.wall_s,
        "peak_open_sessions": result.peak_open,
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg()[0],
        "rows": sorted(result.rows, key=lambda r: r["start_s"]),
    }


def warm_up(url: str, timeout: float) -> None:
    """One unmeasured visit; a server that cannot serve it is not measured."""
    result = asyncio.run(meet(url, [Plan(-1, 0.0, (0.0,) * (len(PAGES) - 1))], timeout))
    failed = [r for r in result.rows if not r["ok"]]
    if failed:
        raise SystemExit(f"the warm-up visit failed: {failed[0].get('error')}")


def profiled(db: Path, visits: int, timeout: float, results: Path) -> dict[str, Any]:
    """``visits`` visits one after another against a server profiled inside; where a page's
    CPU goes (bench/profile_report.py); the pstats files stay in bench/results/."""
    from bench.profile_report import read
    from common.app_server import dashboard

    results.mkdir(parents=True, exist_ok=True)
    prefix = results / f"profile-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    launcher = [PYTHON, "-m", "bench.server_profile", str(prefix)]
    with dashboard(db, command=launcher) as url:
        warm_up(url, timeout)
        asyncio.run(_one_after_another(url, visits, timeout, Path(f"{prefix}.start")))
    return {**read(prefix), "files": f"{prefix}.script.prof, {prefix}.loop.prof"}


async def _one_after_another(url: str, visits: int, timeout: float, start: Path) -> None:
    """The visits with one more session open meanwhile, as in a meeting: when its last session
    closes, Streamlit forgets the compiled scripts, and a lone visit would compile them."""
    keeper = ProtocolSession(url)
    await keeper.open(PAGES[0].path, timeout)
    start.touch()
    try:
        for i in range(visits):
            await meet(url, [Plan(i, 0.0, (0.0,) * (len(PAGES) - 1))], timeout)
    finally:
        await keeper.close()


def table(runs: list[dict[str, Any]]) -> str:
    lines = [
        "| run | pages | failed | median | p95 | max | server CPU a page | goal | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        fig = [_s(r["median_s"]), _s(r["p95_s"]), _s(r["max_s"])]
        cpu = r["server_cpu_ms_per_page"]
        lines.append(
            f"| {r['model']} | {r['pages']} | {r['failed']} | {' | '.join(fig)} | "
            f"{'–' if cpu is None else f'{cpu:.0f} ms'} | p95 < {r['goal_p95_s']:g} s, none "
            f"failed | {'met' if r['goal_holds'] else 'NOT MET'} |"
        )
    return "\n".join(lines)


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def machine_line(runs: list[dict[str, Any]]) -> str:
    others = sum(r["others_cpu_s"] for r in runs)
    wall = sum(r["wall_s"] for r in runs)
    peak = max((r["server_peak_rss_bytes"] for r in runs), default=0)
    before = min((r["loadavg_before"] for r in runs), default=0.0)
    after = max((r["loadavg_after"] for r in runs), default=0.0)
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average "
        f"{before:.1f}–{after:.1f}; the other processes of the machine used {others:.0f} s of "
        f"CPU in the {wall:.0f} s of the runs ({others / wall if wall else 0:.1f} cores); "
        f"server peak memory {peak / 1024**2:.0f} MiB"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    from bench.datasets import loaded_db
    from common.app_server import dashboard

    db = args.db or loaded_db(args.clients)
    runs: list[dict[str, Any]] = []
    with dashboard(db) as url:
        warm_up(url, args.timeout)
        for key, model, goal in models(args):
            print(f"{key}: {model.describe()}", file=sys.stderr, flush=True)
            runs.append(one_run(url, key, model, goal, args.timeout))
    profile = profiled(db, args.profile, args.timeout, args.results) if args.profile else None
    meta = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "argv": sys.argv[1:] if argv is None else argv,
        "db": str(db),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "summary": machine_line(runs),
    }
    brief: dict[str, Any] = {
        "meta": meta,
        "runs": [{k: v for k, v in r.items() if k != "rows"} for r in runs],
        "profile": profile,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"capacity-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps({**brief, "runs": runs}, indent=1, default=str), encoding="utf-8")
    if args.out is not None:
        args.out.write_text(json.dumps(brief, indent=1, default=str), encoding="utf-8")
    print(table(runs))
    print(f"\n{meta['summary']}")
    for r in runs:
        for row in r["rows"]:
            if not row["ok"]:
                print(
                    f"failed ({r['key']}): session {row['session']} {row['page']}: {row['error']}"
                )
    if profile is not None:
        from bench.profile_report import tables

        print("\n" + tables(profile))
    print(f"\nresults: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
