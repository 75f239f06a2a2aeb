"""One browser: what one viewer meets, beside Streamlit's floor measured in the same run.

The dashboard (app.py) and Streamlit's empty app with the same navigation (bench/floor_app.py)
are each served once and warmed by one unmeasured round, then measured alternately, ``--rounds``
rounds, in headless chromium (bench/browser_tab.py). A round, for each app:

  first visit   a new browser context (an empty cache): the overview's URL; later, in another
                new context, the goal page's (/lahipalvelut);
  page switch   in the overview's tab, a click on the goal page's sidebar link (the first in
                the browser: it may fetch scripts the goal page's elements need);
  return visit  the first context again (its cache warm), a new tab: the goal page's URL, then
                the overview's, and in that tab the page switch again (scripts cached);
  after reading another new tab of it: the overview, READ_S seconds on it (the shortest reading
                of bench/load_model.py), then the page switch: what a person who looked at the
                overview before clicking meets.

A time runs from the navigation or the click until the page is shown with its charts drawn
and its script run finished. Prints the medians and the dashboard's ratio to the floor, with
where the browser's time goes (main thread, script, layout and style, bytes downloaded), and
writes bench/results/one-browser-<time>.json with every round:

    .venv/bin/python -m bench.one_browser [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.browser_tab import VIEWPORT, Tab, Target
from bench.child import ROOT

RESULTS = ROOT / "bench" / "results"
APPS = {"dashboard": "app.py", "floor": "bench/floor_app.py"}
OVERVIEW = Target("overview", "/", charts=False)
GOAL = Target("goal", "/lahipalvelut", charts=True)
FLOOR_GOAL = Target("goal", "/lahipalvelut", charts=False)
# (key, what, aim of the ratio dashboard / floor or None)
CASES: tuple[tuple[str, str, float | None], ...] = (
    ("first_overview", "first visit, overview", 2.0),
    ("first_goal", "first visit, goal page", 2.0),
    ("switch_goal", "page switch, overview → goal page", 1.5),
    ("return_goal", "return visit, goal page", None),
    ("return_overview", "return visit, overview", None),
    ("switch_goal_return", "return visit, page switch, overview → goal page", 1.5),
    ("switch_goal_read", "page switch after reading the overview 5 s", 1.5),
)
READ_S = 5.0  # seconds on the overview before the last switch (bench/load_model.py: 5-15 s)
FIGURES = ("seconds", "main_thread_s", "script_s", "layout_s", "style_s")
BYTES = ("downloaded_bytes", "script_bytes", "largest_script_bytes", "socket_bytes")


def one_round(browser: Any, url: str, goal: Target, timeout_s: float) -> dict[str, Any]:
    """The six measurements of one app, in the order the module's docstring gives."""
    out: dict[str, Any] = {}
    first = browser.new_context(viewport=VIEWPORT)
    try:
        tab = Tab(first)
        out["first_overview"] = tab.open(url, OVERVIEW, timeout_s)
        out["switch_goal"] = tab.switch(goal, timeout_s)
        tab.close()
        for key, target in (("return_goal", goal), ("return_overview", OVERVIEW)):
            tab = Tab(first)
            out[key] = tab.open(url, target, timeout_s)
            if target is OVERVIEW:
                out["switch_goal_return"] = tab.switch(goal, timeout_s)
            tab.close()
        tab = Tab(first)
        tab.open(url, OVERVIEW, timeout_s)
        tab.page.wait_for_timeout(READ_S * 1000)  # a person reads the overview first
        out["switch_goal_read"] = tab.switch(goal, timeout_s)
        tab.close()
    finally:
        first.close()
    fresh = browser.new_context(viewport=VIEWPORT)
    try:
        out["first_goal"] = Tab(fresh).open(url, goal, timeout_s)
    finally:
        fresh.close()
    return out


def medians(rounds: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per case, the median of every figure over the rounds (the largest script: the last's)."""
    out: dict[str, dict[str, Any]] = {}
    for key, _, _ in CASES:
        runs = [r[key] for r in rounds]
        own = {f: statistics.median(run[f] for run in runs) for f in (*FIGURES, *BYTES)}
        own["largest_script"] = runs[-1]["largest_script"] if own["largest_script_bytes"] else ""
        own["charts"] = runs[-1]["charts"]
        out[key] = own
    return out


def compare(result: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Per case, the dashboard's median time over the floor's and whether the aim is met."""
    out: dict[str, dict[str, Any]] = {}
    for key, _, aim in CASES:
        ratio = result["dashboard"][key]["seconds"] / result["floor"][key]["seconds"]
        out[key] = {"ratio": ratio, "aim": aim, "met": None if aim is None else ratio < aim}
    return out


def table(result: dict[str, Any]) -> str:
    med, ratios = result["medians"], result["ratios"]
    lines = [
        "| page | dashboard | empty app | ratio | aim | met |",
        "|---|---|---|---|---|---|",
    ]
    for key, what, aim in CASES:
        q = ratios[key]
        verdict = "–" if q["met"] is None else ("met" if q["met"] else "NOT MET")
        lines.append(
            f"| {what} | {med['dashboard'][key]['seconds']:.2f} s | "
            f"{med['floor'][key]['seconds']:.2f} s | {q['ratio']:.2f} | "
            f"{'–' if aim is None else f'< {aim:g}'} | {verdict} |"
        )
    lines += [
        "",
        "| where the time goes (medians) | main thread | script | layout + style | downloaded "
        "| of it scripts | largest script | over the WebSocket |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, what, _ in CASES:
        for app in ("dashboard", "floor"):
            m = med[app][key]
            big = f"{m['largest_script']} {m['largest_script_bytes'] / 1024:.0f} kB"
            lines.append(
                f"| {what}: {app} | {m['main_thread_s']:.2f} s | {m['script_s']:.2f} s | "
                f"{m['layout_s'] + m['style_s']:.2f} s | {m['downloaded_bytes'] / 1024:.0f} kB | "
                f"{m['script_bytes'] / 1024:.0f} kB | {big if m['largest_script'] else '–'} | "
                f"{m['socket_bytes'] / 1024:.0f} kB |"
            )
    return "\n".join(lines)


def measure(db: Path, rounds: int, timeout_s: float) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from common.app_server import dashboard
    from common.chromium import CHROMIUM, CHROMIUM_ARGS

    loads = [os.getloadavg()[0]]
    runs: dict[str, list[dict[str, Any]]] = {app: [] for app in APPS}
    goals = {"dashboard": GOAL, "floor": FLOOR_GOAL}
    with (
        dashboard(db, script=APPS["dashboard"]) as dash_url,
        dashboard(db, script=APPS["floor"]) as floor_url,
        sync_playwright() as pw,
    ):
        urls = {"dashboard": dash_url, "floor": floor_url}
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            for app in APPS:  # warm-up: the servers' caches, the browser's own start
                one_round(browser, urls[app], goals[app], timeout_s)
            for i in range(rounds):
                order = list(APPS) if i % 2 == 0 else list(reversed(APPS))
                for app in order:
                    runs[app].append(one_round(browser, urls[app], goals[app], timeout_s))
                    loads.append(os.getloadavg()[0])
                print(f"round {i + 1} of {rounds}", file=sys.stderr, flush=True)
        finally:
            browser.close()
    result: dict[str, Any] = {"medians": {app: medians(runs[app]) for app in APPS}}
    result["ratios"] = compare(result["medians"])
    result["rounds"] = runs
    result["loadavg"] = {"min": min(loads), "max": max(loads)}
    return result


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m bench.one_browser", description=__doc__.split("\n\n")[0]
    )
    p.add_argument("--rounds", type=int, default=5, help="measured rounds of each app (5)")
    p.add_argument("--clients", type=int, default=20_000, help="dataset size (20000)")
    p.add_argument("--db", type=Path, help="a loaded database instead of the generated dataset")
    p.add_argument("--timeout", type=float, default=60.0, help="a page's limit, s (60)")
    p.add_argument("--results", type=Path, default=RESULTS, help="folder of the JSON")
    p.add_argument("--out", type=Path, help="also write the summary (without rounds) here")
    args = p.parse_args(argv)
    if args.rounds < 1:
        p.error("--rounds must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    from bench.datasets import loaded_db

    db = args.db or loaded_db(args.clients)
    result = measure(db, args.rounds, args.timeout)
    load = result["loadavg"]
    result["meta"] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "argv": sys.argv[1:] if argv is None else argv,
        "db": str(db),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "summary": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load "
        f"average {load['min']:.1f}–{load['max']:.1f}, medians of {args.rounds} rounds",
    }
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"one-browser-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if args.out is not None:
        brief = {k: v for k, v in result.items() if k != "rounds"}
        args.out.write_text(json.dumps(brief, indent=1), encoding="utf-8")
    print(table(result))
    print(f"\n{result['meta']['summary']}")
    print(f"\nresults: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
