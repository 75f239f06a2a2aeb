"""The real app in headless chromium: a Streamlit server on a free port against the sample.

Debian's chromium (``/usr/bin/chromium``) is driven by Playwright; ``playwright install`` is
never needed. Under ``CI=true`` a missing browser fails the tests; elsewhere they skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from common.app_server import dashboard
from common.chromium import CHROMIUM, CHROMIUM_ARGS
from common.settings import PROJECT_ROOT
from tests.app.conftest import sample_db  # noqa: F401  (the session fixture, shared)

ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"


def chromium_path() -> str | None:
    for candidate in (CHROMIUM, shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextmanager
def dashboard_server(db: Path, log_path: Path) -> Iterator[str]:
    """``streamlit run app.py`` against ``db`` (common.app_server), its output in
    ``log_path``; yields its base URL once it answers, and stops it afterwards."""
    with log_path.open("wb") as log, dashboard(db, log=log) as url:
        yield url


@pytest.fixture(scope="session")
def app_url(sample_db: Path, chromium: str) -> Iterator[str]:  # noqa: F811
    with dashboard_server(sample_db, sample_db.parent / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[object]:
    """One chromium per test module, closed after it: a sync Playwright instance occupies
    its thread's event loop, and other modules start their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        yield instance
        instance.close()
