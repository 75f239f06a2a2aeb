"""The coverage start S a load records (docs/spec/CLI.md `--data-from`, METRICS.md)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from metrics.sql_context import read_coverage_start
from pipelines import PipelineError, load_folder
from pipelines.database import open_readonly, read_meta
from tests.pipelines.fixtures import write_folder

ROOT = Path(__file__).resolve().parents[2]


def test_default_is_the_earliest_event(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    summary = load_folder(write_folder(tmp_path / "in"), db, as_of=date(2026, 10, 31))
    assert summary.data_from == date(2025, 1, 14)  # T1, the fixture's first event
    con = open_readonly(db)
    assert read_meta(con).data_from == date(2025, 1, 14)
    assert read_coverage_start(con) == date(2025, 1, 14)


def test_given_start_is_recorded(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    folder = write_folder(tmp_path / "in")
    load_folder(folder, db, as_of=date(2026, 10, 31), data_from=date(2025, 3, 1))
    assert read_coverage_start(open_readonly(db)) == date(2025, 3, 1)


def test_start_after_the_as_of_date_is_refused_and_nothing_written(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    with pytest.raises(PipelineError) as caught:
        load_folder(
            write_folder(tmp_path / "in"), db, as_of=date(2026, 10, 31), data_from=date(2027, 1, 1)
        )
    text = str(caught.value)
    assert "--data-from" in text and "2027-01-01" in text and "coverage start" in text
    assert not db.exists()


def test_a_database_of_before_the_column_has_no_start(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE meta_load AS SELECT DATE '2026-10-31' AS as_of")
    assert read_coverage_start(con) is None


def test_cli_option(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    folder = write_folder(tmp_path / "in")
    run = subprocess.run(
        [sys.executable, "-m", "pipelines", "load", str(folder), "--db", str(db),
         "--as-of", "2026-10-31", "--data-from", "2025-02-01"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "coverage from: 2025-02-01" in run.stdout
    assert read_meta(open_readonly(db)).data_from == date(2025, 2, 1)
