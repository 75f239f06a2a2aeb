"""The hostile workbook (1.6 KB that makes the Excel reader ask for 512 GiB and abort)
uploaded in the browser while a second person keeps reading pages: the second person's
pages keep loading and the server answers its health check throughout, the uploader gets
a bilingual message, and the database and the upload folder are as they were."""

from __future__ import annotations

import hashlib
import shutil
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.access.hostile_xlsx import huge_dimension_xlsx
from tests.app.conftest import sample_db  # noqa: F401  (the session fixture, shared)
from tests.browser.conftest import dashboard_server
from tests.browser.test_dashboard import settle

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]

READER_PAGES = ("", "kohtaanto", "resurssit", "palveluprosessi", "lahipalvelut")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The uploader's outcome: the check stopped (the reader aborted in the worker), or, once the
# reader checks a sheet's size first, the file refused as bad input; bilingual either way.
STOPPED = ("Tiedostojen tarkistus keskeytyi", "The check of the files stopped")
BAD_INPUT = ("Aineistossa on", "asiakkaat.xlsx")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def healthy(url: str) -> bool:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as answer:
        return bool(answer.status == 200)


def read_page(tab: Any, url: str, path: str) -> int:
    """Opens a page as a reader does; the number of error boxes on it."""
    tab.goto(f"{url}/{path}")
    settle(tab)
    return int(tab.locator('[data-testid="stException"]').count())


def test_a_hostile_upload_leaves_the_dashboard_up_for_everyone(
    browser: Any,
    sample_db: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "kpi.duckdb"
    shutil.copy(sample_db, db)
    uploads = tmp_path / "uploads"
    monkeypatch.setenv("KPI_UPLOAD_DIR", str(uploads))
    before = sha(db)
    with dashboard_server(db, tmp_path / "streamlit.log") as url:
        uploader_ctx = browser.new_context(viewport={"width": 1400, "height": 1600})
        reader_ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            uploader, reader = uploader_ctx.new_page(), reader_ctx.new_page()
            uploader.goto(f"{url}/aineisto")
            settle(uploader)
            assert read_page(reader, url, "") == 0
            book = {"name": "asiakkaat.xlsx", "mimeType": XLSX, "buffer": huge_dimension_xlsx()}
            dropzone = uploader.locator('[data-testid="stFileUploaderDropzoneInput"]')
            dropzone.set_input_files(files=[book])
            uploader.get_by_text("asiakkaat.xlsx").first.wait_for(timeout=30_000)
            uploader.get_by_role("button", name="Tarkista").click()
            answer = uploader.locator('[data-testid="stAlertContentError"]')
            errors, reads, deadline = 0, 0, time.monotonic() + 180
            while answer.count() == 0 or reads < 2:  # reading goes on during and after
                assert time.monotonic() < deadline, "no answer to the upload"
                errors += read_page(reader, url, READER_PAGES[reads % len(READER_PAGES)])
                assert healthy(url)
                reads += 1
            assert errors == 0
            # Stopped in the worker, or refused as bad input by the XLSX guard: then the file
            # is named in the issues table under the error.
            shown = answer.first.inner_text() + "\n" + uploader.locator("main").inner_text()
            assert all(w in shown for w in STOPPED) or all(w in shown for w in BAD_INPUT), shown
            assert "Traceback" not in shown
            assert uploader.locator('[data-testid="stException"]').count() == 0
            assert read_page(reader, url, "aineisto") == 0 and healthy(url)
        finally:
            uploader_ctx.close()
            reader_ctx.close()
    assert sha(db) == before
    assert list(uploads.iterdir()) == []
