"""The dashboard's drill-down tables behind the KPIs (METRICS_API.md, "breakdowns").

Each table is computed from the same period relations as the KPI table (metrics.sql_context:
``kpi_days`` = the days of ``[from, E]``, ``E = min(to, A)``), with its SQL in
``breakdowns_sql/`` and DuckDB bound parameters only. Areas follow the KPI table: ``level``
is ``koko_alue``, ``palvelualue`` or ``kunta``; ``area=None`` gives every area of the level.
A table whose export is not loaded comes back empty. Tables that count people take
``threshold`` to apply the small-number rule (metrics.privacy) with the right margins.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from common.data_contract import CHANNELS, MEETING_TYPES
from metrics.breakdown_base import area_grid, place, run_breakdown_sql, sql_text
from metrics.breakdowns_people import (
    caseworker_offer_summary,
    caseworkers_without_offers,
    cohort_outcomes,
    meeting_flows,
)
from metrics.engine import kpi_table
from metrics.privacy import suppress_counts

__all__ = [
    "FILL_BUCKETS",
    "caseworker_offer_summary",
    "caseworkers_without_offers",
    "channel_split",
    "clients_per_htv",
    "cohort_outcomes",
    "fill_time_distribution",
    "fill_time_summary",
    "meeting_flows",
]

# Fill-time buckets in days (inclusive); the target is under 22 days.
FILL_BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 7), (8, 14), (15, 21), (22, 30), (31, 60), (61, None)
)  # fmt: skip


def channel_split(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "koko_alue",
    area: str | None = None,
    threshold: int | None = None,
) -> pl.DataFrame:
    """Initial interviews and job-search discussions by event type and channel per area:
    ``level, area, tyyppi, kanava, count`` (every type x channel, zeros included)."""
    raw = run_breakdown_sql(
        con, sql_text("channel_split"), start, end, as_of=as_of, needs=("tapahtumat", "asiakkaat")
    )
    grid = area_grid(level, area, tyyppi=MEETING_TYPES, kanava=[c.fi for c in CHANNELS])
    if raw is None:
        return grid.with_columns(pl.lit(None, dtype=pl.Int64).alias("count")).head(0)
    counts = (
        place(raw, level, area)
        .group_by("level", "area", "tyyppi", "kanava")
        .agg(pl.col("count").sum())
    )
    out = grid.join(counts, on=["level", "area", "tyyppi", "kanava"], how="left")
    out = out.with_columns(pl.col("count").fill_null(0).cast(pl.Int64))
    if threshold is None:
        return out
    return suppress_counts(
        out, keys=("tyyppi", "kanava"), margins=[("area", "tyyppi")], threshold=threshold
    )


def _fill_times(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    as_of: dt.date | None,
    level: str,
    area: str | None,
) -> pl.DataFrame | None:
    raw = run_breakdown_sql(
        con, sql_text("fill_times"), start, end, as_of=as_of, needs=("tyopaikat",)
    )
    return None if raw is None else place(raw, level, area)


def _bucket_label(lower: int, upper: int | None) -> str:
    return f"{lower}–{upper}" if upper is not None else f"{lower}+"


def fill_time_distribution(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "koko_alue",
    area: str | None = None,
) -> pl.DataFrame:
    """Filled vacancies by fill time: ``level, area, bucket, lower, upper, count`` (days)."""
    times = _fill_times(con, start, end, as_of, level, area)
    buckets = pl.DataFrame(
        {
            "bucket": [_bucket_label(lo, hi) for lo, hi in FILL_BUCKETS],
            "lower": [lo for lo, _ in FILL_BUCKETS],
            "upper": pl.Series([hi for _, hi in FILL_BUCKETS], dtype=pl.Int64),
        }
    )
    grid = area_grid(level, area).join(buckets, how="cross")
    if times is None:
        return grid.with_columns(pl.lit(None, dtype=pl.Int64).alias("count")).head(0)
    inside = (pl.col("days") >= pl.col("lower")) & (
        pl.col("upper").is_null() | (pl.col("days") <= pl.col("upper"))
    )
    counts = (
        times.join(buckets, how="cross").filter(inside).group_by("level", "area", "bucket").len()
    )
    out = grid.join(counts, on=["level", "area", "bucket"], how="left")
    return out.with_columns(pl.col("len").fill_null(0).cast(pl.Int64).alias("count")).drop("len")


def fill_time_summary(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "koko_alue",
    area: str | None = None,
) -> pl.DataFrame:
    """``level, area, vacancies, mean_days, median_days`` per area (null where none)."""
    times = _fill_times(con, start, end, as_of, level, area)
    grid = area_grid(level, area)
    if times is None:
        times = pl.DataFrame(schema={"level": pl.String, "area": pl.String, "days": pl.Int64})
    stats = times.group_by("level", "area").agg(
        pl.len().alias("vacancies"),
        pl.col("days").mean().alias("mean_days"),
        pl.col("days").median().cast(pl.Float64).alias("median_days"),
    )
    out = grid.join(stats, on=["level", "area"], how="left")
    return out.with_columns(pl.col("vacancies").fill_null(0).cast(pl.Int64))


def clients_per_htv(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "koko_alue",
    area: str | None = None,
    threshold: int | None = None,
) -> pl.DataFrame:
    """Job seekers with a search open on E per budgeted customer-service person-year:
    ``level, area, clients, htv, ratio`` — the rows of clients_per_customer_service_htv,
    so the table and the KPI never differ. ``threshold`` hides 1–4 clients (and the ratio)."""
    rows = kpi_table(
        con, start, end, as_of=as_of, levels=[level],
        metric_ids=["clients_per_customer_service_htv"],
    )  # fmt: skip
    if area is not None:
        rows = rows.filter(pl.col("area") == area)
    out = rows.select(
        "level",
        "area",
        pl.col("numerator").cast(pl.Int64).alias("clients"),
        pl.col("denominator").alias("htv"),
        pl.col("value").alias("ratio"),
    )
    if threshold is None:
        return out
    hidden = suppress_counts(out, "clients", threshold=threshold)
    flag = pl.col("clients_suppressed")
    return hidden.with_columns(
        pl.when(flag).then(None).otherwise(pl.col("ratio")).alias("ratio"),
        flag.alias("ratio_suppressed"),
    )
