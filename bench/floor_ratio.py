"""The 25-session meeting (bench/sessions.py) against the dashboard and against Streamlit's
floor, alternating in one run: ``--rounds`` meetings of each, dashboard first, then the
medians and the dashboard's ratio to the floor.

The floor is bench/floor_meeting_app.py: the meeting's three pages as an empty Streamlit app
(a title; one small chart on each goal page), served with the same configuration. What it
costs the co-located browsers is what any Streamlit app costs them under the load model; the
ratio is the dashboard's own share. On this shared 2-core machine a single meeting's p95
varies by half between runs of the same code, so a figure is only compared with the floor
measured in the same run (alternating, so both see the same neighbours):

    .venv/bin/python -m bench.floor_ratio [--rounds 3] [any option of bench.sessions]

Writes bench/results/sessions-floor-ratio-<sessions>-c<clients>.json (every meeting's
summary and rows, and the medians) and prints a table.
"""

from __future__ import annotations

import argparse
import json
import statistics
from typing import Any

from bench.sessions import RESULTS, measure, parse

FLOOR = "bench/floor_meeting_app.py"
DASHBOARD = "app.py"
FIGURES = ("p95_s", "median_s", "overview_p95_s", "browsers_cpu_s", "server_cpu_s")


def figures(summary: dict[str, Any]) -> dict[str, float]:
    """The figures of one meeting that the comparison uses."""
    return {
        "p95_s": summary["p95_s"],
        "median_s": summary["median_s"],
        "overview_p95_s": summary["per_page"]["overview"]["p95_s"],
        "browsers_cpu_s": summary["browsers_cpu_s"],
        "server_cpu_s": summary["server_cpu_s"],
    }


def compare(meetings: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians per app of ``FIGURES`` over its meetings, and the dashboard's median divided by
    the floor's for each; whether every meeting of the dashboard held the goal. Meetings are
    bench.sessions summaries with their ``script``."""
    out: dict[str, Any] = {}
    for name, script in (("dashboard", DASHBOARD), ("floor", FLOOR)):
        runs = [m for m in meetings if m["script"] == script]
        if not runs:
            raise ValueError(f"no meeting of {script}")
        own = [figures(m) for m in runs]
        out[name] = {k: statistics.median(f[k] for f in own) for k in FIGURES}
        out[name]["meetings"] = len(runs)
        out[name]["goal_held"] = sum(1 for m in runs if m["goal_holds"])
    out["ratio"] = {k: out["dashboard"][k] / out["floor"][k] for k in FIGURES}
    return out


def table(result: dict[str, Any]) -> str:
    head = "| | p95 | median | overview p95 | browsers' CPU | server CPU | goal held |"
    lines = [head, "|---|---|---|---|---|---|---|"]
    for name in ("dashboard", "floor"):
        r = result[name]
        lines.append(
            f"| {name} (median of {r['meetings']}) | {r['p95_s']:.2f} s | {r['median_s']:.2f} s"
            f" | {r['overview_p95_s']:.2f} s | {r['browsers_cpu_s']:.0f} s"
            f" | {r['server_cpu_s']:.1f} s | {r['goal_held']} of {r['meetings']} |"
        )
    q = result["ratio"]
    lines.append(
        f"| dashboard / floor | {q['p95_s']:.2f} | {q['median_s']:.2f} | {q['overview_p95_s']:.2f}"
        f" | {q['browsers_cpu_s']:.2f} | {q['server_cpu_s']:.1f} | |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--rounds", type=int, default=3, help="meetings of each app (default 3)")
    known, rest = own.parse_known_args(argv)
    if "-h" in rest or "--help" in rest:
        print(__doc__)
        print("--rounds N    meetings of each app (default 3)\n")
    args = parse(rest)
    meetings: list[dict[str, Any]] = []
    for i in range(known.rounds):
        for script in (DASHBOARD, FLOOR):
            args.script = script
            meeting = measure(args)
            meetings.append(meeting)
            print(f"round {i + 1} {script}: p95 {meeting['p95_s']:.2f} s", flush=True)
    result = compare(meetings)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"sessions-floor-ratio-{args.sessions}-c{args.clients}.json"
    out.write_text(json.dumps({**result, "meetings": meetings}, indent=1), encoding="utf-8")
    print(table(result))
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
