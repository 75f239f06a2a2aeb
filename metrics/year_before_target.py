"""The target "lower than a year earlier" (reference/jatkuvat_tavoitteet.csv, ``edellinen_vuosi``):
the same metric, level and area computed on the day one year before each bucket's E.

Only metrics counted on a day (``MetricDefinition.on_day``) can have it: their SQL reads
``kpi_buckets`` alone, so running it again with each bucket's elapsed end ``b_e`` moved one
year back gives the earlier counts under the same bucket keys. A bucket whose earlier day lies
before the coverage start S (metrics.sql_context.read_coverage_start) gets none: its target
columns and status stay empty (docs/spec/METRICS.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import duckdb
import polars as pl

from metrics.definition import MetricDefinition
from metrics.rollup import KEYS, grid_of, roll_up
from metrics.year_earlier import one_year_earlier

EARLIER = "_earlier"


def earlier_buckets(begun: pl.DataFrame, coverage_start: dt.date | None) -> pl.DataFrame:
    """``kpi_buckets`` with ``b_e`` one year back, only the buckets whose earlier day is on or
    after S (all of them when the load recorded no S)."""
    shifted = begun.with_columns(
        pl.col("b_e").map_elements(one_year_earlier, return_dtype=pl.Date).alias("b_e")
    )
    if coverage_start is None:
        return shifted
    return shifted.filter(pl.col("b_e") >= coverage_start)


def earlier_counts(
    cur: duckdb.DuckDBPyConnection,
    run: Callable[[duckdb.DuckDBPyConnection, list[MetricDefinition]], pl.DataFrame],
    groups: Sequence[list[MetricDefinition]],
    begun: pl.DataFrame,
    coverage_start: dt.date | None,
    kunnat: pl.DataFrame,
    levels: Sequence[str],
) -> pl.DataFrame:
    """``KEYS + _earlier``: each metric's count on the day one year before each bucket's E, at
    every level and area asked (0 where none), for the buckets whose earlier day is not before
    S. Re-registers ``kpi_buckets`` on ``cur`` (call it after the period's own queries)."""
    shifted = earlier_buckets(begun, coverage_start)
    defs = [m for group in groups for m in group]
    if shifted.is_empty() or not defs:
        return pl.DataFrame(schema={**_KEY_SCHEMA, EARLIER: pl.Float64})
    for m in defs:
        if not m.on_day:
            raise ValueError(f"{m.id}: a year-earlier target needs a metric counted on a day")
    cur.register("kpi_buckets", shifted)
    raw = pl.concat([run(cur, group) for group in groups])
    rolled = roll_up(raw, kunnat, defs).select(*KEYS, pl.col("numerator").alias(EARLIER))
    spans = list(zip(shifted["b_start"].to_list(), shifted["b_start"].to_list(), strict=True))
    grid = grid_of(defs, spans, kunnat, levels).select(KEYS)
    return grid.join(rolled, on=KEYS, how="left").with_columns(pl.col(EARLIER).fill_null(0.0))


_KEY_SCHEMA = {"metric_id": pl.String, "level": pl.String, "area": pl.String, "b_start": pl.Date}
