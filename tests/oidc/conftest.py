"""Browser fixtures for the sign-in and reload tests: headless Debian chromium driven by
Playwright, in a thread of its own for each test, with contexts that reach nothing but
this machine.

Each test's browser runs in its own thread because Playwright's sync API allows one
instance per thread: the dashboard's browser tests keep a session-wide instance in the
main thread, and this way neither can disturb the other.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Route, expect, sync_playwright

from common.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.oidc.harness import need

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "oidc"
EXPECT_TIMEOUT_MS = 45_000  # bounded, with room for a busy 2-core machine
BROWSER_BUDGET_S = 280  # a test's whole browser part; pytest-timeout bounds the rest
_LOCAL = re.compile(r"^(https?|wss?)://(localhost|127\.0\.0\.1)(:\d+)?/")

Steps = Callable[[Browser], None]


def _only_this_machine(route: Route) -> None:
    if _LOCAL.match(route.request.url) or route.request.url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def new_context(browser: Browser) -> BrowserContext:
    """A fresh browser profile (a new person): bounded waits, only local addresses."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 860}, locale="fi-FI")
    ctx.set_default_timeout(45_000)  # bounded, with room for a busy 2-core machine
    ctx.route("**/*", _only_this_machine)
    return ctx


def run_in_browser(steps: Steps) -> None:
    """Launch chromium in a new thread, run ``steps`` with it there, close it, re-raise."""
    executable = need(CHROMIUM)
    failure: list[BaseException] = []

    def target() -> None:
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=executable, args=list(CHROMIUM_ARGS), timeout=60_000
                )
                expect.set_options(timeout=EXPECT_TIMEOUT_MS)
                try:
                    steps(browser)
                finally:
                    expect.set_options(timeout=5_000)  # Playwright's default, for other tests
                    browser.close()
        except BaseException as exc:  # assertion, pytest outcome or error: the test's own
            failure.append(exc)

    thread = threading.Thread(target=target, name="chromium", daemon=True)
    thread.start()
    thread.join(BROWSER_BUDGET_S)
    if thread.is_alive():
        pytest.fail(f"the browser steps did not finish within {BROWSER_BUDGET_S} s")
    if failure:
        raise failure[0]


@pytest.fixture
def browse() -> Callable[[Steps], None]:
    need(CHROMIUM)
    return run_in_browser


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
