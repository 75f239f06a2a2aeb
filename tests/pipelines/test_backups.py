"""The last three databases are kept when a load replaces one, and ``rollback`` (or the Data
page, through ``restore_backup``) brings one back; a restore can itself be undone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines import PipelineError, load_folder
from pipelines.__main__ import main
from pipelines.backups import KEEP, Backup, list_backups, restore_backup
from pipelines.database import open_readonly, read_meta
from tests.pipelines.fixtures import GOOD, write_folder

EXTRA = "A{n};Nurmes;1980;ei\n"


def _load(tmp_path: Path, db: Path, clients: int, as_of: date) -> None:
    extra = "".join(EXTRA.format(n=10 + i) for i in range(clients))
    folder = write_folder(tmp_path / f"load{clients}", asiakkaat=GOOD["asiakkaat"] + extra)
    load_folder(folder, db, as_of)


def _clients(db: Path) -> int:
    con = open_readonly(db)
    try:
        return int(con.execute("SELECT count(*) FROM asiakkaat").fetchall()[0][0])
    finally:
        con.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Five loads, 3 + 0..4 clients, as of the 1st..5th of October."""
    path = tmp_path / "data" / "kpi.duckdb"
    for i in range(5):
        _load(tmp_path, path, i, date(2026, 11, 1 + i))
    return path


def test_the_last_three_are_kept_newest_first_with_their_load_record(db: Path) -> None:
    kept = list_backups(db)
    assert len(kept) == KEEP
    assert [b.as_of for b in kept] == [date(2026, 11, 4), date(2026, 11, 3), date(2026, 11, 2)]
    assert [b.rows["asiakkaat"] for b in kept] == [6, 5, 4]
    assert kept[0].loaded_at <= read_meta(open_readonly(db)).loaded_at
    assert len(list(db.parent.glob("kpi.duckdb.backup-*"))) == KEEP


def test_restore_brings_one_back_and_keeps_the_replaced_one(db: Path) -> None:
    chosen = list_backups(db)[1]
    restore_backup(db, chosen)
    assert _clients(db) == 5
    kept = list_backups(db)
    assert [b.rows["asiakkaat"] for b in kept] == [7, 6, 4]  # the current one is kept in turn
    restore_backup(db, kept[0])  # and the restore undone
    assert _clients(db) == 7


def test_a_failed_load_keeps_no_backup(db: Path, tmp_path: Path) -> None:
    before = [b.path for b in list_backups(db)]
    with pytest.raises(PipelineError):
        load_folder(write_folder(tmp_path / "bad", asiakkaat="nonsense\n"), db, date(2026, 11, 9))
    assert [b.path for b in list_backups(db)] == before


def test_an_unknown_or_broken_backup_is_refused(db: Path, tmp_path: Path) -> None:
    stranger = Backup(
        tmp_path / "elsewhere.duckdb", date(2026, 1, 1), list_backups(db)[0].loaded_at
    )
    with pytest.raises(PipelineError):
        restore_backup(db, stranger)
    broken = list_backups(db)[0]
    broken.path.write_bytes(b"not a database any more")
    assert broken.path not in [b.path for b in list_backups(db)]
    with pytest.raises(PipelineError):
        restore_backup(db, broken)
    assert _clients(db) == 7


def test_rollback_command(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rollback", "--db", str(db), "--list"]) == 0
    listed = capsys.readouterr().out
    assert "1. " in listed and "2026-11-04" in listed and "3. " in listed
    assert main(["rollback", "--db", str(db), "--to", "4"]) == 1
    assert "--to 1–3" in capsys.readouterr().err
    assert main(["rollback", "--db", str(db)]) == 0
    assert _clients(db) == 6 and "2026-11-04" in capsys.readouterr().out


def test_rollback_without_backups_or_with_a_bad_db(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    _load(tmp_path, db, 0, date(2026, 11, 1))
    assert main(["rollback", "--db", str(db)]) == 1
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    assert main(["rollback", "--db", str(notes)]) == 2
