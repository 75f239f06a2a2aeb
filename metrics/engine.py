"""The KPI table of docs/spec/METRICS.md: one row per metric × area × period (or a bucket).

Each metric's SQL runs once for all municipalities and buckets; the rows are rolled up to
service areas and the whole area by adding numerators, denominators and pending counts
(every metric is additive at municipality level: the municipality-count metrics give each
municipality a denominator of 1). Targets and status are added from the year's targets file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb
import polars as pl

from metrics.definition import ALL_LEVELS, MetricDefinition
from metrics.registry import REGISTRY, get
from metrics.rollup import KEYS, grid_of, roll_up
from metrics.sql_context import (
    MetricsError,
    existing_tables,
    open_cursor,
    period_frames,
    read_as_of,
    read_coverage_start,
    run_metric_sql,
)
from metrics.targeting import attach_targets, year_earlier_metrics
from metrics.targets import targets_year_used
from metrics.working_days import Grain
from metrics.year_before_target import earlier_counts

__all__ = ["KPI_COLUMNS", "MetricsError", "compute", "kpi_table", "targets_year_used"]

KPI_COLUMNS: tuple[str, ...] = (
    "metric_id", "level", "area", "period_start", "period_end", "as_of", "value",
    "numerator", "denominator", "pending", "target_op", "target_value", "status",
)  # fmt: skip

_RAW_SCHEMA = {
    "metric_id": pl.String,
    "b_start": pl.Date,
    "kunta": pl.String,
    "numerator": pl.Float64,
    "denominator": pl.Float64,
    "pending": pl.Int64,
}


def kpi_table(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    levels: Sequence[str] = ALL_LEVELS,
    metric_ids: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The KPI table for ``[start, end]``: exactly KPI_COLUMNS, every metric × area asked."""
    return compute(
        con, start, end, grain="period", as_of=as_of, levels=levels, metric_ids=metric_ids
    )


def compute(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    grain: Grain,
    as_of: dt.date | None = None,
    levels: Sequence[str] = ALL_LEVELS,
    metric_ids: Sequence[str] | None = None,
) -> pl.DataFrame:
    """KPI rows for every bucket of ``[start, end]`` (the whole period when grain="period")."""
    if start > end:
        raise MetricsError(
            f"Jakson alku {start} on lopun {end} jälkeen. / Period start {start} is after its end."
        )
    unknown = [lv for lv in levels if lv not in ALL_LEVELS]
    if unknown:
        raise MetricsError(f"tuntematon taso / unknown level {unknown}; use {ALL_LEVELS}")
    a = as_of if as_of is not None else read_as_of(con)
    defs = [get(m) for m in dict.fromkeys(metric_ids)] if metric_ids is not None else list(REGISTRY)
    tables = existing_tables(con)
    available = [m for m in defs if all(e in tables for e in m.exports)]

    coverage_start = read_coverage_start(con)
    cur, all_buckets = open_cursor(con, start, end, a, grain)
    try:
        parts = [_run(cur, group, a) for group in _by_query(available)]
        kunnat = cur.sql("SELECT kunta, palvelualue FROM ref_kunnat").pl()
        # The year-earlier targets: the same SQL on the day one year before each bucket's E.
        earlier = earlier_counts(
            cur,
            lambda c, group: _run(c, group, a),
            _by_query(year_earlier_metrics(available, all_buckets)),
            period_frames(start, end, a, grain)[1],
            coverage_start,
            kunnat,
            levels,
        )
    finally:
        cur.close()
    raw = pl.concat(parts) if parts else pl.DataFrame(schema=_RAW_SCHEMA)

    rolled = roll_up(raw, kunnat, defs)
    grid = grid_of(defs, all_buckets, kunnat, levels)
    rows = grid.join(rolled, on=KEYS, how="left")
    rows = _fill_and_value(rows, defs, {m.id for m in available}, a, coverage_start)
    rows = attach_targets(rows, defs, a, earlier)
    return rows.sort(["_m", "_l", "_a", "b_start"]).select(
        pl.col("metric_id"),
        pl.col("level"),
        pl.col("area"),
        pl.col("b_start").alias("period_start"),
        pl.col("b_end").alias("period_end"),
        pl.lit(a, dtype=pl.Date).alias("as_of"),
        *[pl.col(c) for c in KPI_COLUMNS[6:]],
    )


def _by_query(defs: list[MetricDefinition]) -> list[list[MetricDefinition]]:
    """The metrics grouped by SQL file: a family's shared query runs once for all of them."""
    groups: dict[str, list[MetricDefinition]] = {}
    for m in defs:
        groups.setdefault(m.sql, []).append(m)
    return list(groups.values())


def _run(
    cur: duckdb.DuckDBPyConnection, group: list[MetricDefinition], as_of: dt.date
) -> pl.DataFrame:
    """One query's rows; a shared query names each row's metric in a ``metric_id`` column."""
    rows = run_metric_sql(cur, group[0].query(), as_of)
    if "metric_id" in rows.columns:
        rows = rows.filter(pl.col("metric_id").is_in([m.id for m in group]))
    elif len(group) == 1:
        rows = rows.with_columns(pl.lit(group[0].id).alias("metric_id"))
    else:
        raise MetricsError(f"{group[0].sql}: a shared query must return a metric_id column")
    return rows.select([pl.col(c).cast(t) for c, t in _RAW_SCHEMA.items()])


def _fill_and_value(
    rows: pl.DataFrame,
    defs: list[MetricDefinition],
    computed: set[str],
    as_of: dt.date,
    coverage_start: dt.date | None = None,
) -> pl.DataFrame:
    """Zeros where a computed metric had no cases; nulls where its export is missing, the
    bucket had not begun by the as-of date, or (a count on a day) its day E is before the
    coverage start S; value = numerator / denominator (or the count)."""
    with_den = [m.id for m in defs if m.has_denominator]
    cohorts = [m.id for m in defs if m.cohort or m.reports_pending]
    counts = [m.id for m in defs if not m.has_denominator]
    on_day = [m.id for m in defs if m.on_day]
    mid = pl.col("metric_id")
    live = mid.is_in(list(computed)) & (pl.col("b_start") <= as_of)
    if coverage_start is not None:
        day_e = pl.min_horizontal(pl.col("b_end"), pl.lit(as_of, dtype=pl.Date))
        live = live & ~(mid.is_in(on_day) & (day_e < coverage_start))
    rows = rows.with_columns(
        pl.when(live).then(pl.col("numerator").fill_null(0.0)).alias("numerator"),
        pl.when(live & mid.is_in(with_den)).then(pl.col("denominator").fill_null(0.0))
        .alias("denominator"),
        pl.when(live & mid.is_in(cohorts)).then(pl.col("pending").fill_null(0)).alias("pending"),
    )  # fmt: skip
    return rows.with_columns(
        pl.when(mid.is_in(counts))
        .then(pl.col("numerator"))
        .when(pl.col("denominator") > 0)
        .then(pl.col("numerator") / pl.col("denominator"))
        .otherwise(None)
        .alias("value")
    )
