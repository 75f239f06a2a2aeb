"""Page-load times of the dashboard in headless chromium (Playwright + Debian's chromium).

A *cold* load is the first visit after the server started (no cached connection, no cached
results, nothing imported yet) from a browser that has never seen the app; a *warm* load is
a later visit in a new tab (a new session) of the same browser, with the server's caches
filled. The time runs from navigation until the page's key content is on
screen and Streamlit has finished running the script.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench.child import BenchError
from common.app_server import AppServerError, dashboard
from common.chromium import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

# Streamlit marks its root element with the script's state; "notRunning" = the run finished.
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
EXCEPTION = '[data-testid="stException"]'


@dataclass(frozen=True)
class Page:
    """A page to time: its URL path and a selector that only matches once it has rendered."""

    name: str
    path: str
    ready: str
    script: str = "app.py"  # the entry script, relative to the repository


@contextmanager
def streamlit_server(
    db: Path, pycache: Path | None = None, script: str = "app.py"
) -> Iterator[str]:
    """The dashboard (or ``script``) on a free port with KPI_DB=db (common.app_server); a
    server that does not start is a BenchError."""
    try:
        with dashboard(db, script=script, pycache=pycache) as url:
            yield url
    except AppServerError as exc:
        raise BenchError(str(exc)) from exc


def _load_once(context: BrowserContext, url: str, page: Page) -> float:
    """Seconds from navigation until the key content is shown and the script run is done.

    Each call opens a new tab, hence a new Streamlit session; the browser context (its HTTP
    cache of the app's scripts) is the caller's."""
    from playwright.sync_api import Error as PlaywrightError

    tab = context.new_page()
    try:
        t0 = time.perf_counter()
        tab.goto(url + page.path)
        tab.wait_for_selector(f"{page.ready}, {EXCEPTION}", state="attached", timeout=120_000)
        tab.wait_for_selector(DONE, state="attached", timeout=120_000)
        seconds = time.perf_counter() - t0
        shown = tab.locator(EXCEPTION)
        if shown.count():
            raise BenchError(f"page {page.path} shows an error: {shown.first.inner_text()[:600]}")
        return seconds
    except PlaywrightError as exc:
        raise BenchError(f"page {page.path}: {exc}") from exc
    finally:
        tab.close()


def page_loads(
    db: Path,
    pages: tuple[Page, ...],
    cold_runs: int,
    warm_runs: int,
    screenshot_dir: Path | None = None,
    pycache: Path | None = None,
) -> dict[str, dict[str, list[float]]]:
    """Cold and warm load times per page.

    Cold: a fresh server (nothing cached, nothing imported) and a fresh browser profile
    (nothing in its HTTP cache): the first visit ever. Warm: later visits in new tabs (new
    sessions) of the same browser to the same server: the server's caches are filled and
    the browser has the app's scripts, as for a user who opens the dashboard again.
    With ``pycache`` the servers reuse compiled bytecode kept there; it is filled by one
    unmeasured visit first.
    """
    from playwright.sync_api import sync_playwright

    times: dict[str, dict[str, list[float]]] = {p.name: {"cold": [], "warm": []} for p in pages}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            for page in pages if pycache is not None else ():
                with (
                    streamlit_server(db, pycache, page.script) as url,
                    _context(browser) as context,
                ):
                    _load_once(context, url, page)
            for page in pages:
                for i in range(cold_runs):
                    with (
                        streamlit_server(db, pycache, page.script) as url,
                        _context(browser) as context,
                    ):
                        times[page.name]["cold"].append(_load_once(context, url, page))
                        if i == 0:
                            for _ in range(warm_runs):
                                times[page.name]["warm"].append(_load_once(context, url, page))
                            if screenshot_dir is not None:
                                _screenshot(context, url, page, screenshot_dir)
        finally:
            browser.close()
    return times


@contextmanager
def _context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        yield context
    finally:
        context.close()


def _screenshot(context: BrowserContext, url: str, page: Page, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tab = context.new_page()
    try:
        tab.goto(url + page.path)
        tab.wait_for_selector(page.ready, state="attached", timeout=120_000)
        tab.wait_for_selector(DONE, state="attached", timeout=120_000)
        tab.screenshot(path=str(folder / f"{page.name}.png"), full_page=True)
    finally:
        tab.close()
