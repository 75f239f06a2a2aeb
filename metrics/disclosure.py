"""Disclosure control that survives differencing: the small-number rule of every surface the
board sees (cards, goal pages, presentation, board report, their downloads) and of
``python -m metrics export --suppress N``. The design and the attacks it stops: docs/privacy.md.

A period's KPI table is judged on whole calendar months. The period ``[from, min(to, A)]``
is cut at month boundaries (a partial month at either end is its own piece, as the monthly
series shows it); the monthly series of every level is protected first
(each month across the areas, as one KPI table), and then:

1. **Month rule**: a cell (metric x level x area) of the period is hidden when any month of
   the period is hidden for that area. Two periods then differ by months that are all shown
   (each 0 or at least the threshold), so their difference is never a small number.
2. The period table's own primary and secondary suppression across areas, with the cells of
   rule 1 hidden from the start (metrics.cell_suppression.protect ``forced``).
3. **Extremes**: a parent (service area, whole area) whose share is exactly 0 % or 100 %, or
   whose mean is 0, gives every child's value away; when a child is hidden, the parent is
   hidden too (and rule 2 runs again, so the parent cannot be recomputed from its own
   parent).

The pending counts follow the same three steps (rule 3 does not apply: they are counts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import polars as pl

from metrics.cell_suppression import Equation, protect
from metrics.definition import ALL_LEVELS
from metrics.disclosure_series import protect_series
from metrics.engine import compute, kpi_table
from metrics.privacy import (
    DEFAULT_THRESHOLD,
    PENDING_SUPPRESSED,
    SUPPRESSED,
    TABLE_KEYS,
    area_equations,
    basis_expr,
    basis_of,
    hide_small_targets,
    suppress,
    with_hidden,
)
from metrics.registry import get

_ROW = "__period_row"
_CELL = ["metric_id", "level", "area"]


@dataclass(frozen=True)
class Disclosed:
    """What a surface may show of a period: its KPI table and its monthly series (every
    level), both under the rule, with the flags of metrics.privacy."""

    period: pl.DataFrame
    monthly: pl.DataFrame


def disclose(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    metric_ids: Sequence[str] | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> Disclosed:
    """The period's KPI table and monthly series of every level, under the rule."""
    period = kpi_table(con, start, end, as_of=as_of, levels=ALL_LEVELS, metric_ids=metric_ids)
    months = compute(
        con, start, end, grain="month", as_of=as_of, levels=ALL_LEVELS, metric_ids=metric_ids
    )
    # Each month is judged across the areas as one KPI table; no equation over an area's
    # months is needed: the month rule hides the period's total wherever a month is hidden.
    monthly = suppress(months, threshold)
    return Disclosed(period=suppress_period(period, monthly, threshold), monthly=monthly)


def weekly(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> pl.DataFrame:
    """The weekly series of every level under the rule (metrics.disclosure_series)."""
    rows = compute(con, start, end, grain="week", as_of=as_of, levels=ALL_LEVELS)
    return protect_series(rows, threshold)


def suppress_period(
    period: pl.DataFrame, monthly: pl.DataFrame, threshold: int = DEFAULT_THRESHOLD
) -> pl.DataFrame:
    """The period's KPI table (every level) under rules 1-3, given its protected monthly
    series: the same columns plus ``suppressed`` and ``pending_suppressed``."""
    work = period.with_row_index(_ROW).with_columns(basis_expr().alias("__basis"))
    months = monthly.select(
        *_CELL, pl.col("period_start").alias("__m_start"), pl.col("period_end").alias("__m_end"),
        pl.col(SUPPRESSED).alias("__month_hidden"),
        pl.col(PENDING_SUPPRESSED).alias("__month_pending_hidden"),
    )  # fmt: skip
    inside = (pl.col("__m_start") >= pl.col("period_start")) & (
        pl.col("__m_end") <= pl.col("period_end")
    )
    flags = (
        work.select(_ROW, *_CELL, "period_start", "period_end")
        .join(months, on=_CELL)
        .filter(inside)
        .group_by(_ROW)
        .agg(pl.col("__month_hidden").any(), pl.col("__month_pending_hidden").any())
    )
    work = work.join(flags, on=_ROW, how="left").sort(_ROW)
    hide_row: set[int] = set()
    hide_pending: set[int] = set()
    if threshold > 1:
        for table in work.partition_by(list(TABLE_KEYS), maintain_order=True):
            ids = table[_ROW].to_list()
            equations = area_equations(table["level"].to_list(), table["area"].to_list())
            hide_row |= {ids[i] for i in _protect_rows(table, equations, threshold)}
            hide_pending |= {ids[i] for i in _protect_pending(table, equations, threshold)}
    work = hide_small_targets(work, _ROW, threshold)
    out = with_hidden(work, hide_row, hide_pending, _ROW)
    return out.drop("__basis", "__month_hidden", "__month_pending_hidden")


def _flagged(table: pl.DataFrame, column: str) -> set[int]:
    return {i for i, f in enumerate(table[column].to_list()) if f}


def _protect_pending(table: pl.DataFrame, equations: list[Equation], threshold: int) -> set[int]:
    values = table["pending"].cast(pl.Float64).to_list()
    return protect(values, equations, threshold, _flagged(table, "__month_pending_hidden"))


def _protect_rows(table: pl.DataFrame, equations: list[Equation], threshold: int) -> set[int]:
    """Rules 1-3 on one table (metric x period): positions of the rows to hide."""
    metric_id = str(table["metric_id"][0])
    if basis_of(metric_id) == "none":
        return set()  # not people: never suppressed
    values = table["__basis"].to_list()
    forced = _flagged(table, "__month_hidden")
    hidden = protect(values, equations, threshold, forced)
    extreme = _extreme_rows(table, metric_id)
    while True:
        parents = {
            eq.parent
            for eq in equations
            if eq.parent is not None
            and eq.parent in extreme
            and eq.parent not in hidden
            and any(c in hidden for c in eq.children)
        }
        if not parents:
            return hidden
        forced = hidden | parents
        hidden = protect(values, equations, threshold, forced)


def _extreme_rows(table: pl.DataFrame, metric_id: str) -> set[int]:
    """Positions whose value gives every child's away: a share of exactly 0 or 1, a mean of 0
    (a count is a sum: rule 2 covers it)."""
    unit = get(metric_id).unit if basis_of(metric_id) == "denominator" else "count"
    if unit == "count":
        return set()
    out = set()
    for i, value in enumerate(table["value"].to_list()):
        if value is not None and (value == 0 or (unit == "share" and value == 1)):
            out.add(i)
    return out
