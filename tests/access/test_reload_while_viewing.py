"""A load while people are looking: browser sessions refresh the overview before, during
and after a load (held midway by the pipelines' pause hook); every refresh shows the old
data or the new, never an error page, and after the swap every session shows the new."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from pipelines.staging import PAUSE_ENV, PAUSE_SECONDS_ENV
from tests.app.conftest import SAMPLE, sample_db  # noqa: F401  (the session fixture, shared)
from tests.oidc.conftest import ARTIFACTS, new_context, run_in_browser
from tests.oidc.harness import REPO, free_port, streamlit_app

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]

OLD, NEW = "31.10.2026", "15.11.2026"
FRESHNESS = re.compile(r"Tiedot (\d{1,2}\.\d{1,2}\.\d{4}) asti")
SESSIONS = 3
VIEWPORT = {"width": 1280, "height": 860}
PAUSE_S = 20  # the load waits this long between building the new file and the swap


def shown_as_of(page: Page) -> str:
    """Reload; wait for the freshness line and the end of the script run; its date."""
    page.reload()
    line = page.get_by_text(FRESHNESS).first
    expect(line).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    match = FRESHNESS.search(line.inner_text())
    assert match is not None
    return match.group(1)


def test_readers_keep_old_data_until_the_swap_then_see_the_new(
    sample_db: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    artifacts = ARTIFACTS
    artifacts.mkdir(parents=True, exist_ok=True)

    def steps(browser: Browser) -> None:
        db = tmp_path / "kpi.duckdb"
        shutil.copy(sample_db, db)
        no_secrets = tmp_path / "no-secrets.toml"
        with streamlit_app(
            REPO / "app.py", free_port(), no_secrets, tmp_path, {"KPI_DB": str(db)}
        ) as url:
            contexts = [new_context(browser) for _ in range(SESSIONS)]
            try:
                pages = [ctx.new_page() for ctx in contexts]
                for page in pages:
                    page.goto(url)
                assert [shown_as_of(p) for p in pages] == [OLD] * SESSIONS
                pause = {PAUSE_ENV: "staged", PAUSE_SECONDS_ENV: str(PAUSE_S)}
                during_pause = 0
                load = subprocess.Popen(
                    [sys.executable, "-m", "pipelines", "load", str(SAMPLE), "--db", str(db),
                     "--as-of", "2026-11-15"],
                    cwd=REPO, env={**os.environ, **pause},
                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                )  # fmt: skip
                try:
                    assert load.stderr is not None
                    assert "paused at staged" in load.stderr.readline()
                    swap_not_before = time.monotonic() + PAUSE_S
                    # The new database is complete beside the old one: readers still see the old.
                    for page in pages:
                        as_of = shown_as_of(page)
                        if time.monotonic() < swap_not_before:
                            assert as_of == OLD
                            during_pause += 1
                    seen: list[str] = []
                    deadline = time.monotonic() + 120
                    while load.poll() is None and time.monotonic() < deadline:
                        seen += [shown_as_of(p) for p in pages]  # across the swap: old or new
                    assert load.wait(timeout=60) == 0
                finally:
                    if load.poll() is None:
                        load.kill()
                        load.wait(timeout=10)
                    if load.stderr is not None:
                        load.stderr.close()
                assert during_pause >= 1, "no refresh happened while the load was held"
                assert set(seen) <= {OLD, NEW}
                assert [shown_as_of(p) for p in pages] == [NEW] * SESSIONS
                pages[0].screenshot(path=str(artifacts / "after_reload_while_viewing.png"))
            finally:
                for ctx in contexts:
                    ctx.close()

    run_in_browser(steps)
