"""The KPI table of the period a year earlier (docs/spec/METRICS.md "A year earlier").

The same metrics, levels and areas as the current period's table, computed from the data as
loaded now for ``[from - 1 year, to - 1 year]`` at ``A - 1 year`` (metrics.year_earlier).
Then two rules of the spec blank what the data cannot tell:

- a row whose period (or bucket) starts before the coverage start ``S`` has an empty value,
  numerator, denominator, pending and status;
- a row whose period ends in a year before the first year with a targets file
  (reference/tavoitteet_YYYY.csv) has no target: empty target columns and status.

A rule metric whose rule was not in force forms no cases, so its value is empty by its SQL;
the pages say why (metrics.deadline_rules.no_rule_message).
The board's version (:func:`year_earlier_disclosed`) blanks before the small-number rule,
and applies the rule to the earlier period on its own, as metrics.disclosure does to any
period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb
import polars as pl

from metrics.definition import ALL_LEVELS
from metrics.disclosure import Disclosed, suppress_period
from metrics.engine import compute, kpi_table
from metrics.privacy import DEFAULT_THRESHOLD, suppress
from metrics.sql_context import coverage_start_or_first_event, read_as_of
from metrics.targets import target_years
from metrics.year_earlier import EarlierPeriod, earlier_period

__all__ = [
    "blank_uncovered",
    "earlier_of",
    "year_earlier_disclosed",
    "year_earlier_kpi",
]

FIGURE_COLUMNS = ("value", "numerator", "denominator", "pending", "status")
TARGET_COLUMNS = ("target_op", "target_value", "status")


def earlier_of(
    con: duckdb.DuckDBPyConnection, start: dt.date, end: dt.date, as_of: dt.date | None = None
) -> EarlierPeriod:
    """The period a year earlier of ``[start, end]`` at ``as_of`` (default: the loaded A)."""
    return earlier_period(start, end, as_of if as_of is not None else read_as_of(con))


def blank_uncovered(table: pl.DataFrame, coverage: dt.date | None) -> pl.DataFrame:
    """``table`` with the figures of rows starting before ``coverage`` and the targets of rows
    ending before the first targets year made empty (the columns of the KPI table)."""
    years = target_years()
    first_year = years[0] if years else None
    before_s = pl.col("period_start") < coverage if coverage is not None else pl.lit(False)
    no_targets = (
        pl.col("period_end").dt.year() < first_year if first_year is not None else pl.lit(True)
    )
    figures = [c for c in FIGURE_COLUMNS if c in table.columns]
    out = table.with_columns(pl.when(~before_s).then(pl.col(c)).alias(c) for c in figures)
    return out.with_columns(pl.when(~no_targets).then(pl.col(c)).alias(c) for c in TARGET_COLUMNS)


def year_earlier_kpi(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    levels: Sequence[str] = ALL_LEVELS,
    metric_ids: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The KPI table of the period a year earlier (exactly the KPI columns), as computed."""
    p = earlier_of(con, start, end, as_of)
    table = kpi_table(con, p.start, p.end, as_of=p.as_of, levels=levels, metric_ids=metric_ids)
    return blank_uncovered(table, coverage_start_or_first_event(con))


def year_earlier_disclosed(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    metric_ids: Sequence[str] | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> Disclosed:
    """The period a year earlier under the small-number rule (metrics.disclosure): its KPI
    table and monthly series of every level, blanked as :func:`year_earlier_kpi` first."""
    p = earlier_of(con, start, end, as_of)
    s = coverage_start_or_first_event(con)
    period = kpi_table(con, p.start, p.end, as_of=p.as_of, levels=ALL_LEVELS, metric_ids=metric_ids)
    months = compute(
        con, p.start, p.end, grain="month", as_of=p.as_of, levels=ALL_LEVELS, metric_ids=metric_ids
    )
    monthly = suppress(blank_uncovered(months, s), threshold)
    return Disclosed(
        period=suppress_period(blank_uncovered(period, s), monthly, threshold), monthly=monthly
    )
