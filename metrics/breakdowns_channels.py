"""The channel split of initial interviews and job-search discussions (the breakdown of the
face-to-face metrics): events by type and channel per area, under the month rule of
metrics.breakdown_disclosure over every level when ``threshold`` is given."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from common.data_contract import CHANNELS, MEETING_TYPES
from metrics.breakdown_base import area_grid, of_area, place, run_breakdown_sql, sql_text
from metrics.breakdown_disclosure import under_month_rule
from metrics.definition import ALL_LEVELS
from metrics.privacy import suppress_counts
from metrics.sql_context import read_as_of

_ORDER = "__channel_row"


def _channel_counts(raw: pl.DataFrame, level: str, area: str | None) -> pl.DataFrame:
    grid = area_grid(level, area, tyyppi=MEETING_TYPES, kanava=[c.fi for c in CHANNELS])
    counts = (
        place(raw, level, area)
        .group_by("level", "area", "tyyppi", "kanava")
        .agg(pl.col("count").sum())
    )
    out = grid.join(counts, on=["level", "area", "tyyppi", "kanava"], how="left")
    return out.with_columns(pl.col("count").fill_null(0).cast(pl.Int64))


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
    ``level, area, tyyppi, kanava, count`` (every type x channel, zeros included). With
    ``threshold``: the month rule over every level (metrics.breakdown_disclosure)."""
    a = as_of if as_of is not None else read_as_of(con)
    needs = ("tapahtumat", "asiakkaat")
    raw = run_breakdown_sql(con, sql_text("channel_split"), start, end, as_of=a, needs=needs)
    if raw is None:
        grid = area_grid(level, area, tyyppi=MEETING_TYPES, kanava=[c.fi for c in CHANNELS])
        return grid.with_columns(pl.lit(None, dtype=pl.Int64).alias("count")).head(0)
    if threshold is None:
        return _channel_counts(raw, level, area)

    e_end = min(end, a)

    def every_level(s: dt.date, e: dt.date) -> pl.DataFrame:
        rows = raw if (s, e) == (start, e_end) else None
        if rows is None:
            rows = run_breakdown_sql(con, sql_text("channel_split"), s, e, as_of=a, needs=needs)
        rows = raw.clear() if rows is None else rows
        return pl.concat([_channel_counts(rows, lv, None) for lv in ALL_LEVELS])

    def protect_table(table: pl.DataFrame, forced: str | None) -> pl.DataFrame:
        # No sum spans two event types: each type's cells are judged alone (the same
        # result, and the exact audit's cost falls with the cube of the table's size).
        margins = [("level", "area", "tyyppi")]
        parts = [
            suppress_counts(
                part, keys=("kanava",), margins=margins, threshold=threshold, forced=forced
            )
            for part in table.with_row_index(_ORDER).partition_by("tyyppi", maintain_order=True)
        ]
        return pl.concat(parts).sort(_ORDER).drop(_ORDER)

    cell = ("level", "area", "tyyppi", "kanava")
    out = under_month_rule(every_level, protect_table, start, e_end, cell=cell)
    return of_area(out, level, area)
