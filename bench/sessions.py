"""A board meeting plus staff: N sessions open at once on one dashboard server.

Each session (a person with their own browser context) opens the overview and then two goal
pages in the same tab, under the load model of bench/load_model.py: people arrive within the
first ``--arrival`` seconds and read each page ``--think`` seconds before the next; every
session stays open until all have seen their pages. ``--herd`` is the worst case (all at the
same instant, no reading). A page's time runs from the navigation (or the click) until its
key content is on screen and Streamlit has finished the script run; a page showing an
error, or not ready within ``--timeout``, is a failure.

Clients (``--client``):
  browser   headless chromium, one context per session, on the same two cores as the server
            (the browsers' own rendering competes with the server for the CPU). By default
            returning visitors: each context has opened a goal page before the meeting, so
            the app's scripts are in its cache, as for people who use the dashboard weekly;
            ``--first-visit``: browsers that never saw the app (nothing cached);
  protocol  Streamlit's WebSocket protocol without a browser (bench/protocol.py): the
            server's side alone, truly simultaneous sessions and no rendering.
Navigation (``--navigation``) to the two goal pages:
  link      a click on the page's link in the sidebar (st.navigation): the same session and
            WebSocket, no new download of the app's JavaScript, as a person moves around;
  goto      the page's URL opened in the same tab: a full reload and a new session.
The first page is always opened by its URL. Reports every time, the median, the 95th
percentile and the maximum, the load average before and during the run and the CPU time the
server and the clients used, as JSON under bench/results/:

    .venv/bin/python -m bench.sessions [--client browser] [--navigation link] [--herd]

The server runs ``app.py`` in local mode (sign-in adds one redirect per new browser, not
page work); it is warmed by one unmeasured session first, as a running service would be.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.child import ROOT
from bench.load_model import GOAL_P95_S, LoadModel, schedule, summarize

RESULTS = ROOT / "bench" / "results"


def parse(argv: list[str] | None) -> argparse.Namespace:
    d = LoadModel()
    p = argparse.ArgumentParser(
        prog="python -m bench.sessions",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--sessions", type=int, default=d.sessions, help="people (default %(default)s)")
    p.add_argument("--clients", type=int, default=20_000, help="dataset size (default 20000)")
    p.add_argument("--client", choices=("browser", "protocol"), default="browser")
    p.add_argument("--navigation", choices=("link", "goto"), default="link")
    p.add_argument(
        "--arrival", type=float, default=d.arrival_s, help="arrival window, s (default %(default)s)"
    )
    p.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=d.think_s,
        metavar=("LOW", "HIGH"),
        help="reading time per page, uniform, s (default 5 15)",
    )
    p.add_argument("--spacing", choices=("random", "even"), default=d.spacing)
    p.add_argument("--seed", type=int, default=d.seed)
    p.add_argument("--herd", action="store_true", help="worst case: all at once, no reading")
    p.add_argument(
        "--first-visit",
        action="store_true",
        help="browsers that never saw the app (default: returning visitors, scripts cached)",
    )
    p.add_argument("--timeout", type=float, default=120.0, help="a page's limit, s")
    p.add_argument(
        "--script",
        default="app.py",
        help="the app to serve (default app.py; bench/floor_meeting_app.py: Streamlit's floor)",
    )
    p.add_argument("--out", type=Path, help="also write the summary (without rows) here")
    p.add_argument(
        "--check", action="store_true", help="exit 1 unless every page succeeded and p95 < 3 s"
    )
    return p.parse_args(argv)


def variant(args: argparse.Namespace) -> str:
    """A short name of the run's mode, e.g. browser-link, protocol-goto-herd or
    browser-link-floor_meeting_app (another app than the dashboard)."""
    first = args.first_visit and args.client == "browser"
    return (
        f"{args.client}-{args.navigation}"
        + ("-first" if first else "")
        + ("-herd" if args.herd else "")
        + ("" if args.script == "app.py" else f"-{Path(args.script).stem}")
    )


def measure(args: argparse.Namespace) -> dict[str, Any]:
    from bench.browser import streamlit_server
    from bench.datasets import loaded_db
    from bench.meeting import PAGE_NAMES
    from bench.session_clients import run_clients

    model = LoadModel(
        sessions=args.sessions,
        arrival_s=args.arrival,
        think_s=(args.think[0], args.think[1]),
        spacing=args.spacing,
        seed=args.seed,
        herd=args.herd,
    )
    db = loaded_db(args.clients)
    plans = schedule(model, len(PAGE_NAMES))
    load_before = os.getloadavg()[0]
    with streamlit_server(db, script=args.script) as url:
        meeting = asyncio.run(
            run_clients(url, args.client, args.navigation, plans, args.timeout, args.first_visit)
        )
    samples = meeting.load_samples or [os.getloadavg()[0]]
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "variant": variant(args),
        "model": model.describe(),
        "client": args.client,
        "navigation": args.navigation,
        "herd": args.herd,
        "first_visit": args.first_visit,
        "sessions": args.sessions,
        "arrival_s": args.arrival,
        "think_s": list(args.think),
        "spacing": args.spacing,
        "seed": args.seed,
        "clients": args.clients,
        "script": args.script,
        **summarize(meeting.rows, PAGE_NAMES),
        "peak_open_sessions": meeting.peak_open,
        **meeting.used,
        "loadavg_before": load_before,
        "loadavg_max": max(samples),
        "loadavg_mean": statistics.fmean(samples),
        "cpus": os.cpu_count(),
        "goal": f"every page succeeds, p95 < {GOAL_P95_S:g} s",
        "rows": sorted(meeting.rows, key=lambda r: r["start_s"]),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    summary = measure(args)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"sessions-{summary['variant']}-{args.sessions}-c{args.clients}.json"
    out.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    brief = {k: v for k, v in summary.items() if k != "rows"}
    if args.out is not None:
        args.out.write_text(json.dumps(brief, indent=1), encoding="utf-8")
    print(json.dumps(brief, indent=1))
    for row in summary["rows"]:
        if not row["ok"]:
            print(f"failed: session {row['session']} {row['page']}: {row.get('error')}")
    print(f"written: {out}")
    return 0 if summary["goal_holds"] or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
