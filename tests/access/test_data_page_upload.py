"""The Data page's upload in the running app (AppTest): the hostile workbook is a bilingual
message and the database stays as it was (before, the check ran in this very process and
the abort ended it); no upload is left on disk after a check or a load; a load that would
empty an export asks first and loads only when confirmed."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.access.conftest import FakeWorker
from tests.access.hostile_xlsx import huge_dimension_xlsx
from tests.app.conftest import APP, SAMPLE, sample_db  # noqa: F401  (the session fixture)
from ui.i18n import Lang
from ui.sidebar import LANG_KEY

DATA_PAGE = "app_pages/data_page.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def db(sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    copy = tmp_path / "kpi.duckdb"
    shutil.copy(sample_db, copy)
    monkeypatch.setenv("KPI_DB", str(copy))
    return copy


@pytest.fixture
def system_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Python's temporary folder for this test, to see that no upload is left there either."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def data_page(lang: Lang = "fi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params[LANG_KEY] = lang
    at.run()
    at.switch_page(DATA_PAGE).run()
    assert not at.exception, at.exception
    return at


def choose(at: AppTest, files: list[tuple[str, bytes, str]]) -> AppTest:
    at.file_uploader(key="upload_files").set_value(files)
    return at.run()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def left_behind(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("kpi-upload-*")]


def test_the_hostile_workbook_is_a_message_and_the_database_stays(
    db: Path, uploads: Path, system_tmp: Path
) -> None:
    before = sha(db)
    at = choose(data_page(), [("asiakkaat.xlsx", huge_dimension_xlsx(), XLSX)])
    at.button(key="validate_upload").click().run()
    assert not at.exception, at.exception
    shown = "\n".join(e.value for e in at.error)
    # Stopped (the worker died) names the file in the message; refused as bad input (the
    # XLSX guard measured the sheet) names it in the issues table.
    tables = "\n".join(str(tb.value) for tb in [*at.table, *at.dataframe])
    assert "asiakkaat.xlsx" in shown + tables
    assert "keskeytyi" in shown or "virhettä" in shown
    assert "Traceback" not in shown
    assert [b for b in at.button if b.key == "load_upload"] == []
    assert sha(db) == before
    assert left_behind(uploads, system_tmp) == []


def test_a_clean_check_and_load_leave_no_upload_on_disk(
    db: Path, uploads: Path, system_tmp: Path
) -> None:
    # the table files, as the uploader offers them (the folder also has its LUEMINUT.md note)
    tables = [p for p in sorted(SAMPLE.iterdir()) if p.suffix == ".csv"]
    files = [(p.name, p.read_bytes(), "text/csv") for p in tables]
    at = choose(data_page("en"), files)
    at.button(key="validate_upload").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["The data is clean: ✔ files, no errors."]
    assert left_behind(uploads, system_tmp) == []
    before = sha(db)
    at.button(key="load_upload").click().run()
    assert not at.exception, at.exception
    assert "Loaded: data up to 31 Oct 2026. The views refresh." in [s.value for s in at.success]
    assert sha(db) != before
    assert left_behind(uploads, system_tmp) == []
    assert list(uploads.iterdir()) == []


def test_other_files_chosen_after_a_check_need_their_own_check(
    db: Path, uploads: Path, fake_worker: FakeWorker
) -> None:
    fake_worker.use("report_ok")
    at = choose(data_page(), [("asiakkaat.csv", b"asiakas_id\nA1\n", "text/csv")])
    at.button(key="validate_upload").click().run()
    assert [b.key for b in at.button if b.key == "load_upload"] == ["load_upload"]
    at = choose(at, [("tapahtumat.csv", b"tapahtuma_id\nT1\n", "text/csv")])
    assert [b for b in at.button if b.key == "load_upload"] == []
    assert at.success.len == 0


def test_a_load_that_would_empty_an_export_asks_first(
    db: Path, uploads: Path, fake_worker: FakeWorker
) -> None:
    fake_worker.use("empty_then_load")
    at = choose(data_page(), [("asiakkaat.csv", b"asiakas_id\nA1\n", "text/csv")])
    at.button(key="validate_upload").click().run()
    at.button(key="load_upload").click().run()
    assert not at.exception, at.exception
    warning = "\n".join(w.value for w in at.warning)
    assert "ei ole yhtään riviä" in warning
    listed = "\n".join(m.value for m in at.markdown)
    assert "**tapahtumat**: Vienti tapahtumat tyhjenisi (nyt 3613 riviä)." in listed
    assert [r["allow_empty"] for r in fake_worker.requests()] == [False, False]
    at.button(key="cancel_empty_upload").click().run()  # cancelled: nothing more is asked
    assert [b.key for b in at.button if b.key == "load_upload"] == ["load_upload"]
    assert len(fake_worker.requests()) == 2
    at.button(key="load_upload").click().run()
    at.button(key="load_empty_upload").click().run()  # confirmed: loaded, empty allowed
    assert not at.exception, at.exception
    assert [r["allow_empty"] for r in fake_worker.requests()] == [False, False, False, True]
    assert "Ladattu: tiedot 15.11.2026 asti. Näkymät päivittyvät." in [s.value for s in at.success]
    assert list(uploads.iterdir()) == []


def test_a_stopped_load_is_a_message_not_a_traceback(
    db: Path, uploads: Path, fake_worker: FakeWorker
) -> None:
    fake_worker.use("report_ok")
    at = choose(data_page("en"), [("asiakkaat.csv", b"asiakas_id\nA1\n", "text/csv")])
    at.button(key="validate_upload").click().run()
    fake_worker.use("abort")
    at.button(key="load_upload").click().run()
    assert not at.exception, at.exception
    shown = "\n".join(e.value for e in at.error)
    assert "The load of the data stopped" in shown and "Aineiston lataus keskeytyi" in shown
    assert "The files were refused or could not be checked to the end." in shown
    assert [b for b in at.button if b.key == "load_upload"] == []


def test_mapping_toml_is_accepted_among_the_uploaded_files(
    db: Path, uploads: Path, system_tmp: Path
) -> None:
    from tests.pipelines.mapping_helpers import MAPPED_SOURCE

    files = [(p.name, p.read_bytes(), "text/plain") for p in sorted(MAPPED_SOURCE.iterdir())]
    assert "mapping.toml" in [name for name, _, _ in files]
    at = choose(data_page("en"), files)
    assert "add mapping.toml" in "\n".join(c.value for c in at.caption)
    before = sha(db)
    at.button(key="validate_upload").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == []
    assert [s.value for s in at.success] == ["The data is clean: ✔ files, no errors."]
    assert [b.key for b in at.button if b.key == "load_upload"] == ["load_upload"]
    assert sha(db) == before
    assert left_behind(uploads, system_tmp) == []
