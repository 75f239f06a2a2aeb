"""A board meeting plus staff: N simultaneous browser sessions on one dashboard server.

Each session (its own browser context, as a separate person) opens the overview and then
two goal pages, all sessions at once. A page's time runs from navigation until its key
content is on screen and Streamlit has finished the script run; a page showing an error,
or not ready within the timeout, is a failure. Reports every time, the median, the 95th
percentile and the maximum, and the machine's load average, as JSON under bench/results/.

    .venv/bin/python -m bench.sessions [--sessions 25] [--clients 20000]

The server runs ``app.py`` in local mode (sign-in adds one redirect per new browser, not
page work); it is warmed by one unmeasured session first, as a running service would be.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from typing import Any

from bench.browser import DONE, EXCEPTION, streamlit_server
from bench.child import ROOT
from bench.datasets import dataset
from common.chromium import CHROMIUM, CHROMIUM_ARGS

RESULTS = ROOT / "bench" / "results"
# (name, URL path, selector that matches once the page has rendered)
PAGES = (
    ("overview", "/", "h1"),
    ("goal_lahipalvelut", "/lahipalvelut", '[data-testid="stPlotlyChart"]'),
    ("goal_kohtaanto", "/kohtaanto", '[data-testid="stPlotlyChart"]'),
)
TIMEOUT_MS = 120_000


async def _session(browser: Any, url: str, who: int, out: list[dict[str, Any]]) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        tab = await context.new_page()
        for name, path, ready in PAGES:
            row: dict[str, Any] = {"session": who, "page": name, "ok": False}
            t0 = time.perf_counter()
            try:
                await tab.goto(url + path)
                await tab.wait_for_selector(f"{ready}, {EXCEPTION}", timeout=TIMEOUT_MS)
                await tab.wait_for_selector(DONE, state="attached", timeout=TIMEOUT_MS)
                row["seconds"] = time.perf_counter() - t0
                row["ok"] = await tab.locator(EXCEPTION).count() == 0
            except Exception as exc:  # a timeout or a crash is a failed page, not a crash here
                row["seconds"] = time.perf_counter() - t0
                row["error"] = str(exc)[:300]
            out.append(row)
    finally:
        await context.close()


async def _run(url: str, sessions: int) -> tuple[list[dict[str, Any]], float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            await _session(browser, url, -1, [])  # warm-up: caches filled, not measured
            rows: list[dict[str, Any]] = []
            t0 = time.perf_counter()
            await asyncio.gather(*(_session(browser, url, i, rows) for i in range(sessions)))
            return rows, time.perf_counter() - t0
        finally:
            await browser.close()


def p95(values: list[float]) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sessions", description=__doc__)
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--clients", type=int, default=20_000)
    args = parser.parse_args(argv)
    ds = dataset(args.clients)
    ds.ensure()
    if not ds.db.exists():
        subprocess.run(
            [sys.executable, "-m", "pipelines", "load", str(ds.folder), "--db", str(ds.db)],
            cwd=ROOT,
            check=True,
        )
    with streamlit_server(ds.db) as url:
        rows, wall = asyncio.run(_run(url, args.sessions))
    times = [r["seconds"] for r in rows if r["ok"]]
    failed = [r for r in rows if not r["ok"]]
    summary = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "clients": args.clients,
        "sessions": args.sessions,
        "pages": len(rows),
        "failed": len(failed),
        "median_s": statistics.median(times) if times else None,
        "p95_s": p95(times) if times else None,
        "max_s": max(times) if times else None,
        "wall_s": wall,
        "loadavg_1m_after": os.getloadavg()[0],
        "cpus": os.cpu_count(),
        "per_page_p95_s": {
            name: p95([r["seconds"] for r in rows if r["ok"] and r["page"] == name] or [0.0])
            for name, _, _ in PAGES
        },
        "rows": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"sessions-{args.sessions}-c{args.clients}.json"
    out.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    brief = {k: v for k, v in summary.items() if k != "rows"}
    print(json.dumps(brief, indent=1))
    print(f"written: {out}")
    return 0 if not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
