"""The real worker (access.upload_worker) with the real pipelines: the hostile workbook
still kills a reader (so the test means something), yet through the worker it is an answer
or a bilingual refusal while this process, standing in for the server, lives on; clean
folders check and load; nothing is left in the upload folder, the database only changes
on a clean load."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from access.upload_protocol import Loaded, WorkerLimits
from access.upload_runner import check_upload, load_upload
from access.upload_safety import UploadRefused
from common.settings import PROJECT_ROOT
from tests.access.hostile_xlsx import huge_dimension_xlsx
from tests.pipelines.fixtures import GOOD, write_folder

LIMITS = WorkerLimits(memory_mib=4096, seconds=120)


def folder_files(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_hostile_workbook_really_aborts_fastexcel(tmp_path: Path) -> None:
    """Checked once, in a throwaway process with the worker's own limits."""
    book = tmp_path / "asiakkaat.xlsx"
    book.write_bytes(huge_dimension_xlsx())
    code = (
        "import sys, fastexcel; from access.upload_worker import limit_self; "
        "limit_self(4096, 60); fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=None)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(book)], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert done.returncode == -6, done.stderr[-500:]  # SIGABRT
    assert "memory allocation of 549755813888 bytes failed" in done.stderr


def test_the_hostile_workbook_is_answered_without_harm(uploads: Path) -> None:
    try:
        outcome = check_upload([("asiakkaat.xlsx", huge_dimension_xlsx())], limits=LIMITS)
    except UploadRefused as exc:  # the reader aborted in the worker
        assert exc.file == "asiakkaat.xlsx"
        assert exc.message_fi.startswith("Tiedostojen tarkistus keskeytyi: ")
        assert exc.message_en.startswith("The check of the files stopped: ")
    else:  # a reader that checks a sheet's size first reports it as bad input instead
        assert not outcome.ok
        assert {i.file for i in outcome.errors} >= {"asiakkaat.xlsx"}
    assert list(uploads.iterdir()) == []


def test_a_clean_folder_checks_and_loads_and_leaves_nothing(uploads: Path, tmp_path: Path) -> None:
    files = folder_files(write_folder(tmp_path / "export"))
    seen: list[str] = []
    report = check_upload(files, lambda f, m: seen.append(m), limits=LIMITS)
    assert report.ok, report.render()
    assert seen[0] == "puretaan / unpacking"
    db = tmp_path / "kpi.duckdb"
    loaded = load_upload(files, str(db), on_progress=lambda f, m: seen.append(m), limits=LIMITS)
    assert isinstance(loaded, Loaded)
    assert loaded.rows["asiakkaat"] == GOOD["asiakkaat"].count("\n") - 1
    assert seen[-1] == "valmis / done"
    assert db.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export", "kpi.duckdb", "uploads"]
    assert list(uploads.iterdir()) == []


def test_a_bad_load_reports_and_keeps_the_database(uploads: Path, tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    good = folder_files(write_folder(tmp_path / "good"))
    assert isinstance(load_upload(good, str(db), limits=LIMITS), Loaded)
    before = sha(db)
    bad = folder_files(write_folder(tmp_path / "bad", asiakkaat="asiakas_id;kunta\nA1;Tampere\n"))
    outcome = load_upload(bad, str(db), limits=LIMITS)
    assert not isinstance(outcome, Loaded)
    assert not outcome.ok
    assert any(i.file == "asiakkaat.csv" for i in outcome.errors)
    assert sha(db) == before
    assert list(uploads.iterdir()) == []


@pytest.mark.parametrize("command", ["check", "load"])
def test_a_refused_zip_is_refused_by_the_worker(
    uploads: Path, tmp_path: Path, command: str
) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("../../asiakkaat.csv", GOOD["asiakkaat"])
    files = [("vienti.zip", buf.getvalue())]
    with pytest.raises(UploadRefused) as err:
        if command == "check":
            check_upload(files, limits=LIMITS)
        else:
            load_upload(files, str(tmp_path / "kpi.duckdb"), limits=LIMITS)
    assert err.value.file == "vienti.zip: ../../asiakkaat.csv"
    assert "../" in err.value.message_en
    assert not (tmp_path / "kpi.duckdb").exists()
    assert list(uploads.iterdir()) == []


def test_an_upload_that_would_empty_an_export_loads_only_when_allowed(
    uploads: Path, tmp_path: Path
) -> None:
    """The real worker and loader: header-only files over a database with rows are refused
    with the rule the Data page asks about, and load once the analyst confirms."""
    from access.upload_protocol import EMPTY_EXPORT_RULE
    from pipelines.backups import list_backups

    db = tmp_path / "kpi.duckdb"
    assert isinstance(load_upload(folder_files(write_folder(tmp_path / "good")), str(db),
                                  limits=LIMITS), Loaded)  # fmt: skip
    before = sha(db)
    header = GOOD["koulutukset"].splitlines()[0] + "\n"
    files = folder_files(write_folder(tmp_path / "empty", koulutukset=header))
    refused = load_upload(files, str(db), limits=LIMITS)
    assert not isinstance(refused, Loaded)
    assert [(i.file, i.rule) for i in refused.errors] == [("koulutukset", EMPTY_EXPORT_RULE)]
    assert sha(db) == before and list_backups(db) == []
    loaded = load_upload(files, str(db), allow_empty=True, limits=LIMITS)
    assert isinstance(loaded, Loaded) and loaded.rows["koulutukset"] == 0
    assert [b.rows["koulutukset"] for b in list_backups(db)] == [2]
    assert list(uploads.iterdir()) == []


def test_an_upload_with_its_mapping_toml_checks_and_loads(uploads: Path, tmp_path: Path) -> None:
    """The folder that loads only through its mapping.toml, uploaded as a zip: the worker
    unpacks mapping.toml with the tables and the pipelines apply it."""
    from tests.pipelines.mapping_helpers import MAPPED_SOURCE, MAPPING

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for path in sorted(MAPPED_SOURCE.iterdir()):
            archive.writestr(f"vienti/{path.name}", path.read_bytes())
    files = [("vienti.zip", buf.getvalue())]
    report = check_upload(files, limits=LIMITS)
    assert report.ok, report.render()
    db = tmp_path / "kpi.duckdb"
    loaded = load_upload(files, str(db), limits=LIMITS)
    assert isinstance(loaded, Loaded) and loaded.rows["tilajaksot"] == 3
    before = sha(db)
    bad = [(p.name, p.read_bytes()) for p in sorted(MAPPED_SOURCE.iterdir())]
    bad = [(n, MAPPING.replace('"tyoton"', '"tyottomana"').encode() if n == "mapping.toml"
            else data) for n, data in bad]  # fmt: skip
    refused = load_upload(bad, str(db), limits=LIMITS)
    assert not isinstance(refused, Loaded)
    assert [(i.file, i.rule) for i in refused.errors] == [("mapping.toml", "mapping_unknown_code")]
    assert sha(db) == before
    assert list(uploads.iterdir()) == []
