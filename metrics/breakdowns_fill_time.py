"""The fill-time breakdowns of vacancy_fill_time_days: filled vacancies by fill time, and
the mean and median per area. Vacancies are not people (the metric's ``privacy`` is
``none``), so no small-number rule applies here (docs/privacy.md)."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from metrics.breakdown_base import area_grid, place, run_breakdown_sql, sql_text

# Fill-time buckets in days (inclusive); the target is under 22 days.
FILL_BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 7), (8, 14), (15, 21), (22, 30), (31, 60), (61, None)
)  # fmt: skip


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
