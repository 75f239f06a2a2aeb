"""The relations a metric's SQL runs against, registered on a private cursor.

``kpi_days(d, b_start)``: every day of ``[from, E]`` with the first day of its bucket;
the macro ``kpi_deadline_outcome`` (metrics/deadlines/deadline_outcome.sql);
``kpi_unemployment_spells`` (metrics/situation/unemployment_spells.sql), a temp table made
the first time a metric's SQL that names it runs on the cursor, so the metrics that read it
share one computation of the spells;
``kpi_buckets(b_start, b_end, b_e)``: the buckets that have begun by ``A``, with
``b_e = min(b_end, A)``; ``kpi_calendar`` (metrics.working_days) and ``kpi_rules``
(metrics.deadline_rules).
A cursor is its own DuckDB connection to the same database, so the registrations never leak
into the caller's connection and threads of the dashboard do not share them.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import duckdb
import polars as pl

from common import duckdb_files
from metrics.deadline_rules import rules_frame
from metrics.working_days import Grain, buckets, calendar_for

_PARAM = re.compile(r"\$([a-z_]+)")
# The macro kpi_deadline_outcome of the deadline metrics (metrics/deadlines/*.sql).
_DEADLINE_OUTCOME = (
    resources.files("metrics").joinpath("deadlines/deadline_outcome.sql").read_text("utf-8")
)
# The merged unemployment spells of the situation metrics (metrics/situation/*.sql).
_SPELLS = "kpi_unemployment_spells"
_SPELLS_NAMED = re.compile(rf"\b{_SPELLS}\b")
_UNEMPLOYMENT_SPELLS = (
    resources.files("metrics").joinpath("situation/unemployment_spells.sql").read_text("utf-8")
)


class MetricsError(ValueError):
    """A request the metrics layer cannot answer; the message is in Finnish and English."""


def read_as_of(con: duckdb.DuckDBPyConnection) -> dt.date:
    """The as-of date recorded by the last load (meta_load.as_of)."""
    try:
        rows = con.sql("SELECT max(as_of) FROM meta_load").fetchall()
    except duckdb.CatalogException as exc:
        raise MetricsError(
            "Tietokannassa ei ole latauksen tietoja (meta_load); lataa aineisto tai anna as_of. / "
            "The database has no load record (meta_load); load the data or pass as_of."
        ) from exc
    row = rows[0] if rows else None
    if row is None or row[0] is None:
        raise MetricsError("meta_load on tyhjä; anna as_of. / meta_load is empty; pass as_of.")
    value = row[0]
    return value.date() if isinstance(value, dt.datetime) else value


def read_coverage_start(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The coverage start S recorded by the last load (meta_load.data_from): the first day the
    exports describe completely; None when the load recorded none (no events, or a database
    loaded before 2026-12). A figure for a day before S is empty (docs/spec/METRICS.md)."""
    columns = {
        r[0]
        for r in con.sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'meta_load'"
        ).fetchall()
    }
    if "data_from" not in columns:
        return None
    row = con.sql("SELECT max(data_from) FROM meta_load").fetchall()
    value = row[0][0] if row else None
    return value.date() if isinstance(value, dt.datetime) else value


def coverage_start_or_first_event(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """S as the year-earlier comparisons use it: recorded by the load, or for a database loaded
    before it was recorded, its default, the earliest ``tapahtumat.pvm`` (so that an old
    database restored from a backup shows no year-earlier figure from before its data begin);
    None when neither exists. The targets and the weekly list use the recorded S alone."""
    recorded = read_coverage_start(con)
    if recorded is not None or "tapahtumat" not in existing_tables(con):
        return recorded
    rows = con.sql("SELECT min(pvm) FROM tapahtumat").fetchall()
    value = rows[0][0] if rows else None
    return value.date() if isinstance(value, dt.datetime) else value


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.sql(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
    ).fetchall()
    return {r[0] for r in rows}


def period_frames(
    start: dt.date, end: dt.date, as_of: dt.date, grain: Grain
) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[dt.date, dt.date]]]:
    """(kpi_days, kpi_buckets, all buckets of the period) for ``[start, end]`` seen at A."""
    all_buckets = buckets(start, end, grain)
    begun = [(b0, b1, min(b1, as_of)) for b0, b1 in all_buckets if b0 <= as_of]
    days: list[dt.date] = []
    firsts: list[dt.date] = []
    for b0, _b1, b_e in begun:
        span = (b_e - b0).days + 1
        days.extend(b0 + dt.timedelta(days=i) for i in range(span))
        firsts.extend([b0] * span)
    kpi_days = pl.DataFrame(
        {"d": days, "b_start": firsts}, schema={"d": pl.Date, "b_start": pl.Date}
    )
    kpi_buckets = pl.DataFrame(
        {
            "b_start": [b[0] for b in begun],
            "b_end": [b[1] for b in begun],
            "b_e": [b[2] for b in begun],
        },
        schema={"b_start": pl.Date, "b_end": pl.Date, "b_e": pl.Date},
    )
    return kpi_days, kpi_buckets, all_buckets


def open_cursor(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    as_of: dt.date,
    grain: Grain,
) -> tuple[duckdb.DuckDBPyConnection, list[tuple[dt.date, dt.date]]]:
    """A cursor with the kpi_* relations registered, and the period's buckets."""
    kpi_days, kpi_buckets, all_buckets = period_frames(start, end, as_of, grain)
    # In the caller's catalog (e.g. the file common.duckdb_files.open_read_only attaches).
    cur = duckdb_files.cursor(con)
    cur.register("kpi_days", kpi_days)
    cur.register("kpi_buckets", kpi_buckets)
    cur.register("kpi_calendar", calendar_for(start, max(end, as_of)))
    cur.register("kpi_rules", rules_frame())
    cur.execute(_DEADLINE_OUTCOME)
    return cur, all_buckets


def run_metric_sql(cur: duckdb.DuckDBPyConnection, sql: str, as_of: dt.date) -> pl.DataFrame:
    """Runs one metric's SQL with only the bound parameters its text names."""
    values: dict[str, object] = {"as_of": as_of}
    names = set(_PARAM.findall(sql))
    unknown = names - values.keys()
    if unknown:
        raise MetricsError(f"unknown SQL parameter(s) {sorted(unknown)}")
    params = {k: v for k, v in values.items() if k in names}
    if _SPELLS_NAMED.search(sql):
        _make_spells(cur)
    return cur.sql(sql, params=params or None).pl()


def _make_spells(cur: duckdb.DuckDBPyConnection) -> None:
    """Creates ``kpi_unemployment_spells`` on ``cur`` unless it is there: a temp table lives
    as long as its cursor and is seen by no other, and the data do not change under a cursor."""
    made = cur.sql(
        "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", params=[_SPELLS]
    ).fetchall()[0][0]
    if not made:
        cur.execute(_UNEMPLOYMENT_SPELLS)
