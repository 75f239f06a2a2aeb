"""The official statistics in the dashboard's database, all or nothing (docs/statistics.md).

``store`` never changes the database in place: it copies the loaded file to
``<db>.tmp-<pid>`` (the loader's name for its staging file, so either cleans up the other's
leftovers), replaces the statistics' months there, checkpoints, fsyncs and renames the copy
over the database (``pipelines.backups.replace_database`` without a backup: ``os.replace``,
atomic), as ``pipelines.staging`` does. If a load swapped
a new file in meanwhile, the copy is thrown away and nothing changes. A load of exports keeps
the statistics stored earlier (``pipelines.statfin_carry``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines.backups import replace_database
from pipelines.database import database_identity
from pipelines.db_target import fsync_path, remove_leftovers, remove_temp, temp_path
from pipelines.staging import pause_point
from pipelines.statfin_carry import META, TABLE
from pipelines.statfin_jsonstat import Statistics
from pipelines.validation_report import PipelineError


@dataclass(frozen=True)
class Stored:
    db: Path
    rows: int  # rows of this fetch
    total_rows: int  # rows stored after it
    first: date
    last: date


def _no_database(db: Path) -> PipelineError:
    return PipelineError.single(
        str(db),
        "Tietokantaa ei ole tai se on keskeneräinen. Lataa ensin viennit: "
        f"python -m pipelines load KANSIO --db {db}, sitten hae tilastot uudelleen.",
        "There is no database or it is incomplete. Load the exports first: "
        f"python -m pipelines load DIR --db {db}, then fetch the statistics again.",
        "statfin_no_database",
    )


def _write(con: duckdb.DuckDBPyConnection, stats: Statistics, rows: pl.DataFrame) -> int:
    con.execute("SELECT as_of FROM meta_load").fetchall()  # a database a load completed
    con.register("__statfin_new", rows)
    try:
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} "
            "(kunta VARCHAR, month DATE, indicator VARCHAR, value DOUBLE)"
        )
        con.execute(
            f"CREATE OR REPLACE TABLE {TABLE} AS "
            f"SELECT * FROM {TABLE} WHERE month NOT IN (SELECT month FROM __statfin_new) "
            "UNION ALL SELECT kunta, month, indicator, value FROM __statfin_new "
            "ORDER BY month, kunta, indicator"
        )
    finally:
        con.unregister("__statfin_new")
    total = con.execute(f"SELECT count(*), min(month), max(month) FROM {TABLE}").fetchall()[0]
    con.execute(
        f"CREATE OR REPLACE TABLE {META} (fetched_at TIMESTAMP, source VARCHAR, "
        "updated VARCHAR, first_month DATE, last_month DATE, fetched_rows BIGINT)"
    )
    con.execute(
        f"INSERT INTO {META} VALUES (?, ?, ?, ?, ?, ?)",
        [datetime.now().replace(microsecond=0), stats.source, stats.updated,
         total[1], total[2], rows.height],
    )  # fmt: skip
    return int(total[0])


def store(db: Path, stats: Statistics, rows: pl.DataFrame) -> Stored:
    """Replaces the stored months of ``rows`` (checked complete) in ``db``, atomically."""
    identity = database_identity(db)
    if identity is None:
        raise _no_database(db)
    remove_leftovers(db)
    tmp = temp_path(db)
    try:
        shutil.copyfile(db, tmp)
        try:
            con = duckdb.connect(str(tmp))
        except duckdb.Error as exc:
            raise _no_database(db) from exc
        try:
            total = _write(con, stats, rows)
            con.execute("CHECKPOINT")
        except duckdb.CatalogException as exc:
            raise _no_database(db) from exc
        finally:
            con.close()
        fsync_path(tmp)
        pause_point("statfin_complete")
        if database_identity(db) != identity:
            raise PipelineError.single(
                str(db),
                "Viennit ladattiin juuri uudelleen. Tilastoja ei tallennettu: hae ne uudelleen.",
                "The exports were just loaded again. The statistics were not stored: fetch "
                "them again.",
                "statfin_concurrent_load",
            )
        replace_database(tmp, db, keep=False)  # the three kept are the loads'
    finally:
        remove_temp(tmp)
    return Stored(db, rows.height, total, rows["month"].min(), rows["month"].max())  # type: ignore[arg-type]
