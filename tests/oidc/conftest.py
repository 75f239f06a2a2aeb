"""Fixtures for the sign-in browser tests: the provider and the app (one pair per module),
headless Debian chromium, and a fresh browser context per test that reaches nothing but
this machine."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Route, sync_playwright

from tests.oidc.harness import CHROMIUM, need

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "oidc"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
_LOCAL = re.compile(r"^(https?|wss?)://(localhost|127\.0\.0\.1)(:\d+)?/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = need(CHROMIUM)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, timeout=30_000)
        try:
            yield chromium
        finally:
            chromium.close()


def _only_this_machine(route: Route) -> None:
    if _LOCAL.match(route.request.url) or route.request.url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 860}, locale="fi-FI")
    ctx.set_default_timeout(45_000)  # bounded, with room for a busy 2-core machine
    ctx.route("**/*", _only_this_machine)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
