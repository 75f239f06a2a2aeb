"""``--db`` is checked before a load writes anything (finding 9 of issue 12): a file that is
not a DuckDB database is never overwritten, a folder, a path under a file or a special file is
a clear message with exit 2, and only the load's own leftovers are removed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pipelines import PipelineError, load_folder
from pipelines.__main__ import main
from pipelines.db_target import check_target, is_duckdb_file, remove_leftovers
from tests.pipelines.fixtures import write_folder

AS_OF = date(2026, 10, 31)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("make", "rule"),
    [
        (
            lambda p: (p / "notes.txt").write_text("minutes of the board") and p / "notes.txt",
            "db_not_duckdb",
        ),
        (lambda p: (p / "empty.duckdb").write_bytes(b"") or p / "empty.duckdb", "db_not_duckdb"),
        (lambda p: p, "db_is_folder"),
        (lambda p: (p / "f.txt").write_text("x") and p / "f.txt" / "kpi.duckdb", "db_under_file"),
        (lambda p: _fifo(p / "pipe.duckdb"), "db_special_file"),
    ],
    ids=["text file", "empty file", "folder", "under a file", "fifo"],
)
def test_a_path_that_is_no_database_is_refused_and_left_alone(
    tmp_path: Path, make: object, rule: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    before = target.read_bytes() if target.is_file() else None
    with pytest.raises(PipelineError) as caught:
        check_target(target)
    assert [i.rule for i in caught.value.report.errors] == [rule]
    folder = write_folder(tmp_path / "exports")
    assert main(["load", str(folder), "--db", str(target), "--as-of", "2026-10-31"]) == 2
    err = capsys.readouterr().err
    assert "FI:" in err and "EN:" in err and "Traceback" not in err
    if before is not None:
        assert target.read_bytes() == before
    assert not list(tmp_path.glob("**/*.tmp-*"))


def test_an_existing_database_and_a_new_path_are_accepted(tmp_path: Path) -> None:
    db = tmp_path / "new" / "kpi.duckdb"
    assert check_target(db) == db
    load_folder(write_folder(tmp_path / "exports"), db, AS_OF)
    assert is_duckdb_file(db) and check_target(db) == db


def test_statfin_refuses_a_bad_db_with_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    code = main(["statfin", "--db", str(notes), "--file", str(tmp_path / "none.json")])
    assert code == 2 and notes.read_text() == "keep me"


def test_only_the_loads_own_leftovers_are_removed(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "exports"), db, AS_OF)
    dead = _dead_pid()
    own = db.with_name(f"kpi.duckdb.tmp-{dead}")
    own.write_bytes(db.read_bytes()[:4096])  # a staging file cut short: a DuckDB header
    own_wal = db.with_name(f"kpi.duckdb.tmp-{dead}.wal")
    own_wal.write_bytes(b"wal")
    killed_at_once = db.with_name(f"kpi.duckdb.tmp-{_dead_pid()}")
    killed_at_once.write_bytes(b"")
    users = [
        db.with_name("kpi.duckdb.tmp-notes"),
        db.with_name(f"kpi.duckdb.tmp-{dead}.txt"),
        db.with_name(f"kpi.duckdb.tmp-{_dead_pid()}"),  # named alike, but not a database
        tmp_path / "other.tmp-1",
    ]
    for path in users:
        path.write_text("a user's file")
    live = db.with_name(f"kpi.duckdb.tmp-{os.getppid()}")
    live.write_bytes(db.read_bytes()[:4096])
    removed = remove_leftovers(db)
    assert sorted(removed) == sorted([own, own_wal, killed_at_once])
    assert all(p.read_text() == "a user's file" for p in users) and live.exists()
