"""Loading: builds the complete new database beside the old one, then swaps it in.

``Staging`` writes into ``<db>.tmp-<pid>`` (pipelines.db_target). Nothing touches the
database itself until ``finish``: checkpoint, close, fsync, then
``pipelines.backups.replace_database``: the old file is kept as a backup, ``os.replace`` swaps
the new one in (atomic on one filesystem) and the folder is fsynced. A reader with the old
file open keeps reading the old data. ``discard`` (or a killed process) leaves only the
temporary file, which the next load removes.
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from common import reference
from common.settings import get_settings
from pipelines.backups import replace_database
from pipelines.db_target import fsync_path, remove_leftovers, remove_temp, temp_path
from pipelines.spec import ExportSpec
from pipelines.statfin_carry import carry_over
from pipelines.storage_order import storage_parts
from pipelines.validation_report import Issue

PAUSE_ENV = "KPI_PIPELINES_PAUSE_AT"  # test hook: sleep at a named stage (see docs)
PAUSE_SECONDS_ENV = "KPI_PIPELINES_PAUSE_SECONDS"

LOG_COLUMNS = ("export", "file", "format", "sha256", "rows", "encoding", "delimiter")


def pause_point(stage: str) -> None:
    """Sleeps when the environment asks to stop here, so a test can kill the load midway."""
    settings = get_settings()  # PAUSE_ENV, PAUSE_SECONDS_ENV
    if settings.pipelines_pause_at == stage:
        print(f"pipelines: paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(settings.pipelines_pause_seconds)


def _reference_tables() -> dict[str, pl.DataFrame]:
    kunnat = pl.DataFrame([m.model_dump() for m in reference.municipalities()])
    points = pl.DataFrame([p.model_dump() for p in reference.service_points()])
    staff = pl.DataFrame(
        [
            {"vuosi": year, **line.model_dump(), "asiakaspalvelu": line.is_customer_service}
            for year in reference.staffing_years()
            for line in reference.staffing(year)
        ]
    )
    return {"ref_kunnat": kunnat, "ref_palvelupisteet": points, "ref_henkilosto": staff}


class Staging:
    """The new database under construction, beside ``db``."""

    def __init__(self, db: Path) -> None:
        self.db = db
        db.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(db)
        self.tmp = temp_path(db)
        remove_temp(self.tmp)
        self.con = duckdb.connect(str(self.tmp))
        self.con.execute("SET enable_progress_bar = false")
        self.log: list[dict[str, object]] = []

    def write(self, spec: ExportSpec, frame: pl.DataFrame, log: dict[str, object]) -> None:
        self.con.execute(spec.export.ddl())
        for part in storage_parts(spec.name, frame):  # a year after another, see the module
            self._put(f'INSERT INTO "{spec.name}"', spec.name, part)
        self.log.append(log)

    def _table(self, name: str, frame: pl.DataFrame) -> None:
        self._put(f'CREATE TABLE "{name}" AS', name, frame)

    def _put(self, statement: str, name: str, frame: pl.DataFrame) -> None:
        """DuckDB scans the polars frame's Arrow buffers directly. (An earlier version went
        through a Parquet file per export: writing it cost ~25 % more CPU, measured.)"""
        view = f"__staging_{name}"
        self.con.register(view, frame)
        try:
            self.con.execute(f'{statement} SELECT * FROM "{view}"')
        finally:
            self.con.unregister(view)

    def finish(
        self,
        as_of: date,
        data_from: date | None,
        source: str,
        started: float,
        warnings: list[Issue],
    ) -> float:
        """Writes the reference and meta tables and swaps the file in; returns the duration."""
        for name, frame in _reference_tables().items():
            self._table(name, frame)
        log_schema = dict.fromkeys(LOG_COLUMNS, pl.String) | {"rows": pl.Int64}
        log = pl.DataFrame(self.log, schema=log_schema)
        self._table("load_log", log)
        rows = [(w.file, w.row, w.column, w.message_fi, w.message_en) for w in warnings]
        schema = {"file": pl.String, "row": pl.Int64, "column": pl.String,
                  "message_fi": pl.String, "message_en": pl.String}  # fmt: skip
        self._table("load_warnings", pl.DataFrame(rows, schema=schema, orient="row"))
        carry_over(self.con, self.db)  # the official statistics stored earlier stay
        pause_point("staged")
        duration = time.perf_counter() - started
        self.con.execute(
            "CREATE TABLE meta_load (as_of DATE, loaded_at TIMESTAMP, source VARCHAR, "
            "duration_s DOUBLE, data_from DATE)"
        )
        self.con.execute(
            "INSERT INTO meta_load VALUES (?, ?, ?, ?, ?)",
            [as_of, datetime.now().replace(microsecond=0), source, round(duration, 3), data_from],
        )
        self.con.execute("CHECKPOINT")
        self.con.close()
        fsync_path(self.tmp)
        pause_point("complete")  # the new file is whole, the old one still in place
        replace_database(self.tmp, self.db)
        pause_point("swapped")
        return duration

    def discard(self) -> None:
        try:
            self.con.close()
        finally:
            remove_temp(self.tmp)
