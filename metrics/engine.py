"""The KPI table of METRICS.md: one row per metric × area × period (or bucket of a series).

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

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from metrics.calendar import Grain
from metrics.context import MetricsError, existing_tables, open_cursor, read_as_of, run_metric_sql
from metrics.definition import ALL_LEVELS, MetricDefinition
from metrics.registry import REGISTRY, get
from metrics.targeting import attach_targets
from metrics.targets import targets_year_used

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
_KEYS = ["metric_id", "level", "area", "b_start"]


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

    cur, all_buckets = open_cursor(con, start, end, a, grain)
    try:
        parts = [_run(cur, group, a) for group in _by_query(available)]
        kunnat = cur.sql("SELECT kunta, palvelualue FROM ref_kunnat").pl()
    finally:
        cur.close()
    raw = pl.concat(parts) if parts else pl.DataFrame(schema=_RAW_SCHEMA)

    rolled = _roll_up(raw, kunnat, defs)
    grid = _grid(defs, all_buckets, kunnat, levels)
    rows = grid.join(rolled, on=_KEYS, how="left")
    rows = _fill_and_value(rows, defs, {m.id for m in available}, a)
    rows = attach_targets(rows, defs, a)
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


def _area_order(kunnat: pl.DataFrame) -> tuple[list[str], list[str]]:
    """(service areas, municipalities) in the reference file's order, unknown ones last."""
    ordered = [m.kunta for m in municipalities()]
    names = kunnat["kunta"].to_list()
    kuntas = [k for k in ordered if k in names] + sorted(k for k in names if k not in ordered)
    areas = set(kunnat["palvelualue"].to_list())
    palvelualueet = [p for p in SERVICE_AREAS if p in areas] + sorted(areas - set(SERVICE_AREAS))
    return palvelualueet, kuntas


def _grid(
    defs: list[MetricDefinition],
    all_buckets: list[tuple[dt.date, dt.date]],
    kunnat: pl.DataFrame,
    levels: Sequence[str],
) -> pl.DataFrame:
    palvelualueet, kuntas = _area_order(kunnat)
    areas_of = {"koko_alue": [AREA_NAME], "palvelualue": palvelualueet, "kunta": kuntas}
    rows: dict[str, list[object]] = {
        k: [] for k in ("metric_id", "_m", "level", "_l", "area", "_a")
    }
    for mi, m in enumerate(defs):
        for li, level in enumerate(ALL_LEVELS):
            if level not in levels or level not in m.levels:
                continue
            for ai, area in enumerate(areas_of[level]):
                for key, val in zip(rows, (m.id, mi, level, li, area, ai), strict=True):
                    rows[key].append(val)
    schema = {"metric_id": pl.String, "_m": pl.Int32, "level": pl.String,
              "_l": pl.Int32, "area": pl.String, "_a": pl.Int32}  # fmt: skip
    frame = pl.DataFrame(rows, schema=schema)
    spans = pl.DataFrame(
        {"b_start": [b[0] for b in all_buckets], "b_end": [b[1] for b in all_buckets]},
        schema={"b_start": pl.Date, "b_end": pl.Date},
    )
    return frame.join(spans, how="cross")


def _roll_up(raw: pl.DataFrame, kunnat: pl.DataFrame, defs: list[MetricDefinition]) -> pl.DataFrame:
    """Sums municipality rows to every level; metrics without municipalities go to koko_alue."""
    whole_only = [m.id for m in defs if m.levels == ("koko_alue",)]
    sums = [pl.col("numerator").sum(), pl.col("denominator").sum(), pl.col("pending").sum()]
    placed = raw.filter(~pl.col("metric_id").is_in(whole_only)).join(kunnat, on="kunta")
    pieces = [
        placed.group_by("metric_id", "b_start", pl.col("kunta").alias("area")).agg(sums)
        .with_columns(pl.lit("kunta").alias("level")),
        placed.group_by("metric_id", "b_start", pl.col("palvelualue").alias("area")).agg(sums)
        .with_columns(pl.lit("palvelualue").alias("level")),
        placed.group_by("metric_id", "b_start").agg(sums)
        .with_columns(pl.lit(AREA_NAME).alias("area"), pl.lit("koko_alue").alias("level")),
        raw.filter(pl.col("metric_id").is_in(whole_only)).group_by("metric_id", "b_start").agg(sums)
        .with_columns(pl.lit(AREA_NAME).alias("area"), pl.lit("koko_alue").alias("level")),
    ]  # fmt: skip
    cols = [*_KEYS, "numerator", "denominator", "pending"]
    return pl.concat([p.select(cols) for p in pieces])


def _fill_and_value(
    rows: pl.DataFrame, defs: list[MetricDefinition], computed: set[str], as_of: dt.date
) -> pl.DataFrame:
    """Zeros where a computed metric had no cases; nulls where its export is missing or the
    bucket had not begun by the as-of date; value = numerator / denominator (or the count)."""
    with_den = [m.id for m in defs if m.has_denominator]
    cohorts = [m.id for m in defs if m.cohort]
    counts = [m.id for m in defs if not m.has_denominator]
    live = pl.col("metric_id").is_in(list(computed)) & (pl.col("b_start") <= as_of)
    mid = pl.col("metric_id")
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
