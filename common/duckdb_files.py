"""The one way the project opens a loaded database file read-only, and the one way a cursor
follows its connection's catalog.

``open_read_only`` attaches the file to a fresh in-memory DuckDB instance as the catalog
``kpi`` and ``USE``s it: ``duckdb.connect(path)`` would reuse this process's cached instance
of the path, i.e. the file before a load swapped a new one in. A cursor of any connection
starts in the instance's default catalog (the in-memory one here), so ``cursor`` moves it
into the catalog its connection is in.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

CATALOG = "kpi"


def quote_identifier(identifier: str) -> str:
    """An SQL identifier in double quotes (a catalog or schema name, never a value)."""
    return '"' + identifier.replace('"', '""') + '"'


def open_read_only(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the file ``path`` in the catalog ``kpi``; duckdb.Error when
    the file cannot be attached (callers say what that means in their layer's words)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET enable_progress_bar = false")
        con.execute(f"ATTACH ? AS {CATALOG} (READ_ONLY)", [str(path)])
        con.execute(f"USE {CATALOG}")
    except duckdb.Error:
        con.close()
        raise
    return con


def cursor(
    con: duckdb.DuckDBPyConnection, catalog: str | None = None, schema: str | None = None
) -> duckdb.DuckDBPyConnection:
    """A new cursor of ``con`` in ``catalog`` (and ``schema``); without them in the catalog
    and schema ``con`` is in now (that asks ``con``: give ``catalog`` where ``con`` is shared
    between threads, e.g. ``CATALOG`` for a connection of ``open_read_only``)."""
    if catalog is None:
        catalog, schema = con.sql("SELECT current_database(), current_schema()").fetchall()[0]
    cur = con.cursor()
    target = quote_identifier(catalog)
    if schema is not None:
        target += "." + quote_identifier(schema)
    cur.execute(f"USE {target}")
    return cur
