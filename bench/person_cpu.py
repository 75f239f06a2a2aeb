"""What one returning person costs the browser: chromium's CPU time for the overview opened in
a new tab, then the two goal pages by their sidebar links (bench/meeting.py's pages), each
from the navigation or click until 1.5 s after the page is done. Medians of ``--rounds``
rounds, one browser context that has seen the pages before (its scripts cached).

    .venv/bin/python -m bench.person_cpu [--rounds 5] [--script app.py]

The 25-session benchmark (bench/sessions.py) shows what 25 people do to each other on two
cores; this shows what one of them costs, which is what a change to a page changes."""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

from bench import procstat
from bench.meeting import PAGES
from bench.session_clients import DONE, VIEWPORT

SETTLE_S = 1.5


def chromium_cpu() -> float:
    tree = procstat.children_map()
    mine = procstat.descendants(os.getpid(), tree)
    return procstat.cpu_seconds(p for p in mine if "chromium" in procstat.command_line(p))


def medians(rounds: list[dict[str, float]]) -> dict[str, float]:
    """Per page, the median of the rounds; ``person`` is the sum of the pages' medians."""
    out = {k: round(statistics.median(r[k] for r in rounds), 2) for k in rounds[0]}
    out["person"] = round(sum(out[name] for name, _, _ in PAGES), 2)
    return out


def _settle(tab: Any) -> None:
    tab.wait_for_selector(DONE, state="attached", timeout=60_000)
    time.sleep(SETTLE_S)


def one_round(context: Any, url: str) -> dict[str, float]:
    tab = context.new_page()
    time.sleep(0.5)
    used: dict[str, float] = {}
    for i, (name, path, ready) in enumerate(PAGES):
        before = chromium_cpu()
        if i == 0:
            tab.goto(url + path)
        else:
            tab.locator(f'[data-testid="stSidebarNavLink"][href$="{path}"]').first.click()
            time.sleep(0.3)
        tab.wait_for_selector(ready, timeout=60_000)
        _settle(tab)
        used[name] = chromium_cpu() - before  # an idle tab uses next to no CPU
    tab.close()
    return used


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--script", default="app.py", help="the app to serve (default app.py)")
    p.add_argument("--clients", type=int, default=20_000, help="dataset size (default 20000)")
    args = p.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from bench.browser import streamlit_server
    from bench.datasets import loaded_db
    from common.chromium import CHROMIUM, CHROMIUM_ARGS

    db = loaded_db(args.clients)
    with streamlit_server(db, script=args.script) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        context = browser.new_context(
            viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]}
        )
        for _ in range(2):  # a returning visitor: the app's scripts are in the cache
            one_round(context, url)
        rounds = [one_round(context, url) for _ in range(args.rounds)]
        browser.close()
    print({"rounds": args.rounds, "script": args.script, **medians(rounds)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
