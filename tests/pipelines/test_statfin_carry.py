"""The stored statistics and the loads of exports: neither loses the other's data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from common.settings import get_settings
from pipelines import PipelineError, load_folder
from pipelines.database import loaded_exports, open_readonly
from pipelines.statfin import update_statistics
from tests.pipelines.fixtures import GOOD, write_folder
from tests.pipelines.statfin_helpers import digest, loaded_db, run, stored
from tests.pipelines.statfin_server import DATA

FILE = DATA / "statfin_12r5.json"
SEP = date(2025, 9, 1)


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_later_load_of_exports_keeps_the_statistics(tmp_path: Path) -> None:
    db = loaded_db(tmp_path)
    update_statistics(db, FILE, SEP)
    before = stored(db)
    meta_before = open_readonly(db).execute("SELECT * FROM statfin_meta").fetchall()
    more = GOOD["asiakkaat"] + "A4;Nurmes;1980;ei\n"
    load_folder(write_folder(tmp_path / "next", asiakkaat=more), db, as_of=date(2026, 10, 31))
    con = open_readonly(db)
    assert loaded_exports(con)["asiakkaat"] == 4  # the new load is in
    assert stored(db) == before and len(before) == 112
    assert con.execute("SELECT * FROM statfin_meta").fetchall() == meta_before


def test_a_load_without_earlier_statistics_has_none(tmp_path: Path) -> None:
    db = loaded_db(tmp_path)
    tables = open_readonly(db).execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'statfin%'"
    )
    assert tables.fetchall() == []


def test_statistics_need_a_loaded_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "none.duckdb"
    code, _out, err = run(capsys, "--db", str(db), "--file", str(FILE), "--from", "2025-09")
    assert code == 1 and "Load the exports first" in err and "Lataa ensin viennit" in err
    assert not db.exists()


def test_a_file_that_is_not_a_loaded_database_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    db.write_bytes(b"not a database at all")
    with pytest.raises(PipelineError, match="not a database of this application"):
        update_statistics(db, FILE, SEP)
    assert db.read_bytes() == b"not a database at all"
    assert not list(tmp_path.glob("*.tmp-*"))


def test_a_load_that_swaps_in_meanwhile_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A load finishing while the statistics are being written: the statistics' copy (of the
    older file) is thrown away, so the load's new data is not overwritten."""
    db = loaded_db(tmp_path)
    more = GOOD["asiakkaat"] + "A4;Nurmes;1980;ei\n"

    def load_now(stage: str) -> None:
        if stage == "statfin_complete":
            load_folder(write_folder(tmp_path / "next", asiakkaat=more), db)

    monkeypatch.setattr("pipelines.statfin_store.pause_point", load_now)
    with pytest.raises(PipelineError, match="The exports were just loaded again"):
        update_statistics(db, FILE, SEP)
    assert loaded_exports(open_readonly(db))["asiakkaat"] == 4
    after = digest(db)
    assert "statfin_tyonv" not in {
        r[0] for r in open_readonly(db).execute("SHOW TABLES").fetchall()
    }
    assert digest(db) == after
    assert not list(db.parent.glob("*.tmp-*"))


def test_storing_the_statistics_keeps_no_backup(tmp_path: Path) -> None:
    """The three kept databases are the loads': a monthly fetch must not push them out."""
    from pipelines.backups import list_backups

    db = loaded_db(tmp_path)
    load_folder(write_folder(tmp_path / "again"), db, as_of=date(2026, 10, 31))
    before = [b.path for b in list_backups(db)]
    assert len(before) == 1
    update_statistics(db, FILE, SEP)
    update_statistics(db, FILE, SEP)
    assert [b.path for b in list_backups(db)] == before
