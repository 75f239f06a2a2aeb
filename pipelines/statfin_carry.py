"""The official statistics survive a load of exports: ``Staging.finish`` copies their tables
from the current database into the new file before the swap (docs/statistics.md)."""

from __future__ import annotations

from pathlib import Path

import duckdb

TABLE = "statfin_tyonv"
META = "statfin_meta"
TABLES = (TABLE, META)


def carry_over(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    """Copies the stored statistics of the current ``db`` (if any) into a load's new file."""
    if not db.is_file():
        return
    try:
        con.execute("ATTACH ? AS __previous (READ_ONLY)", [str(db)])
    except duckdb.Error:
        return  # a broken old file has nothing to carry over
    try:
        listed = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = '__previous'"
        ).fetchall()
        present = {r[0] for r in listed}
        for table in TABLES:
            if table in present:
                con.execute(f"CREATE TABLE {table} AS SELECT * FROM __previous.{table}")
    finally:
        con.execute("DETACH __previous")
