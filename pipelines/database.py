"""Reading the loaded database: what the dashboard and the metrics use to open it.

``open_readonly`` gives a read-only DuckDB connection; ``database_identity`` changes
when a load has swapped a new file in (inode and modification time), so a long-running
reader can notice and reopen. A missing or broken file raises ``PipelineError`` that
tells the user to run ``python -m pipelines load DIR``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from common.duckdb_files import open_read_only
from common.settings import get_settings
from pipelines.exports import SPECS
from pipelines.validation_report import PipelineError

_LOAD_FI = "Lataa aineisto komennolla: python -m pipelines load KANSIO"
_LOAD_EN = "Load the data with: python -m pipelines load DIR"


@dataclass(frozen=True)
class LoadMeta:
    as_of: date
    loaded_at: datetime
    source: str
    duration_s: float
    data_from: date | None = None  # the coverage start S; None in a database of before 2026-12


def _path(path: Path | str | None) -> Path:
    return Path(path) if path is not None else get_settings().db


def database_identity(path: Path | str | None = None) -> tuple[int, int] | None:
    """(inode, mtime_ns) of the database file, None when there is none."""
    try:
        st = os.stat(_path(path))
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


_FILE_HEADER_BYTES = 3 * 4096  # DuckDB's main header and its two database headers


def _check_size(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    """A truncated file (a copy cut short, a full disk) opens and answers small queries, then
    fails on the missing blocks: its size must cover every block its header lists."""
    block_size, total_blocks = con.execute(
        "SELECT block_size, total_blocks FROM pragma_database_size() WHERE database_name = 'kpi'"
    ).fetchall()[0]
    if db.stat().st_size < _FILE_HEADER_BYTES + int(block_size) * int(total_blocks):
        raise duckdb.IOException(f"{db} is shorter than its {total_blocks} blocks")


def open_readonly(path: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a loaded database; PipelineError when there is none.

    Each call sees the file as it is now; an earlier connection keeps the data it had.
    """
    db = _path(path)
    if not db.is_file():
        raise PipelineError.single(
            str(db),
            f"Tietokantaa ei ole. {_LOAD_FI}",
            f"There is no database. {_LOAD_EN}",
            "no_database",
        )
    try:
        con = open_read_only(db)  # a fresh instance: sees the file as it is now
        con.execute("SELECT as_of FROM meta_load").fetchall()
        _check_size(con, db)
    except duckdb.Error as exc:
        raise PipelineError.single(
            str(db),
            f"Tietokanta on rikki tai keskeneräinen. {_LOAD_FI}",
            f"The database is broken or incomplete. {_LOAD_EN}",
            "broken_database",
        ) from exc
    return con


def read_meta(con: duckdb.DuckDBPyConnection) -> LoadMeta:
    cursor = con.execute("SELECT * FROM meta_load")
    names = [d[0] for d in cursor.description or ()]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    if not rows:
        raise PipelineError.single(
            "meta_load",
            f"Latauksen tiedot puuttuvat. {_LOAD_FI}",
            f"The load record is missing. {_LOAD_EN}",
        )
    row = rows[0]
    return LoadMeta(
        as_of=row["as_of"],
        loaded_at=row["loaded_at"],
        source=row["source"],
        duration_s=row["duration_s"],
        data_from=row.get("data_from"),
    )


def loaded_exports(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per export table present in the database, in the contract's order."""
    listed = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
    ).fetchall()
    tables = {r[0] for r in listed}
    out: dict[str, int] = {}
    for spec in SPECS:
        if spec.name in tables:
            count = con.execute(f'SELECT count(*) FROM "{spec.name}"').fetchall()
            out[spec.name] = int(count[0][0])
    return out
