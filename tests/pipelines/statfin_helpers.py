"""Helpers of the statfin tests: a loaded database, settings from the environment, the CLI."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import duckdb
import pytest

from common.settings import get_settings
from pipelines import load_folder
from pipelines.__main__ import main
from tests.pipelines.fixtures import write_folder


def loaded_db(tmp_path: Path) -> Path:
    """A database that a load of the tiny good folder left."""
    db = tmp_path / "db" / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "exports"), db, as_of=date(2026, 10, 31))
    return db


def use_env(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    """Sets KPI_<NAME> variables and makes common.settings read them again."""
    for name, value in env.items():
        monkeypatch.setenv(f"KPI_{name.upper()}", value)
    get_settings.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``python -m pipelines statfin ARGS`` in this process: exit code, stdout, stderr."""
    code = main(["statfin", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored(db: Path) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT kunta, month, indicator, value FROM statfin_tyonv "
            "ORDER BY month, kunta, indicator"
        ).fetchall()
    finally:
        con.close()


def value(db: Path, kunta: str, month: date, indicator: str) -> float:
    rows = [r for r in stored(db) if r[0] == kunta and r[1] == month and r[2] == indicator]
    assert len(rows) == 1, rows
    return float(rows[0][3])  # type: ignore[arg-type]
