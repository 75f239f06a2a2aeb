"""The flows of face-to-face meetings from the client's home municipality to the service
point's (the breakdown of meetings_outside_home_municipality).

Its cells are pairs of municipalities, the same at every level (a level only says which
rows an area holds), so the small-number rule protects the whole table of pairs once, with
each home municipality's and each service point's meetings as totals published elsewhere,
under the month rule (metrics.breakdown_disclosure), and an area's rows are then taken out.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from metrics.breakdown_base import place, run_breakdown_sql, sql_text
from metrics.breakdown_disclosure import under_month_rule
from metrics.privacy import suppress_counts
from metrics.sql_context import read_as_of

COLUMNS = ["level", "area", "kotikunta", "palvelupiste", "outside", "count"]
_PAIR = ("kotikunta", "palvelupiste")


def _pairs(
    con: duckdb.DuckDBPyConnection, start: dt.date, end: dt.date, as_of: dt.date
) -> pl.DataFrame | None:
    raw = run_breakdown_sql(
        con, sql_text("meeting_flows"), start, end, as_of=as_of,
        needs=("tapahtumat", "asiakkaat"),
    )  # fmt: skip
    return None if raw is None else raw.select(*_PAIR, pl.col("count").cast(pl.Int64))


def meeting_flows(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "koko_alue",
    area: str | None = None,
    threshold: int | None = None,
) -> pl.DataFrame:
    """Face-to-face meetings from the client's home municipality to the service point's:
    ``level, area, kotikunta, palvelupiste, outside, count`` (the area is the home's); with
    ``threshold`` also ``count_suppressed``."""
    a = as_of if as_of is not None else read_as_of(con)
    pairs = _pairs(con, start, end, a)
    if pairs is None:
        schema = dict.fromkeys(COLUMNS, pl.String) | {"outside": pl.Boolean, "count": pl.Int64}
        return pl.DataFrame(schema=schema)
    columns = list(COLUMNS)
    if threshold is not None:
        e_end = min(end, a)
        whole = pairs

        def table_of(s: dt.date, e: dt.date) -> pl.DataFrame:
            rows = whole if (s, e) == (start, e_end) else _pairs(con, s, e, a)
            return whole.clear() if rows is None else rows

        def protect_table(table: pl.DataFrame, forced: str | None) -> pl.DataFrame:
            margins = [("kotikunta",), ("palvelupiste",)]
            return suppress_counts(table, margins=margins, threshold=threshold, forced=forced)

        pairs = under_month_rule(table_of, protect_table, start, e_end, cell=_PAIR)
        columns.append("count_suppressed")
    return (
        place(pairs, level, area, kunta="kotikunta")
        .with_columns((pl.col("kotikunta") != pl.col("palvelupiste")).alias("outside"))
        .select(columns)
        .sort(*_PAIR)
    )
