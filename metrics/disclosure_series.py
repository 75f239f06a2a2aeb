"""The small-number rule on a trend series: every level's and area's buckets judged together.

A series (metrics.engine.compute with grain "month" or "week", every level) is one table per
metric with two kinds of sums in it:

- each bucket's rows add up across the area hierarchy (municipalities to their service area
  to the whole area), as in one KPI table;
- each area's buckets add up to the period's total for that area, which the cards show.

Both are equations of one system for metrics.cell_suppression.protect: a bucket with 1..4
people is hidden; a lone hidden bucket of an area's series gets a second one (the next
smallest), so the period's total minus the shown buckets is never one bucket; a lone hidden
municipality of a bucket gets a partner; and the exact audit adds companions until no hidden
cell is determined by the shown ones. See docs/privacy.md.
"""

from __future__ import annotations

import polars as pl

from metrics.cell_suppression import Equation, protect
from metrics.privacy import DEFAULT_THRESHOLD, area_equations, basis_expr, with_hidden

_ROW = "__series_row"


def series_equations(table: pl.DataFrame) -> list[Equation]:
    """The equations of one metric's series (positions in ``table``): per bucket the area
    hierarchy, per level and area the sum of its buckets (a total shown elsewhere)."""
    pos = table.with_row_index("__pos")
    equations: list[Equation] = []
    for bucket in pos.partition_by("period_start", maintain_order=True):
        ids = bucket["__pos"].to_list()
        for eq in area_equations(bucket["level"].to_list(), bucket["area"].to_list()):
            equations.append(
                Equation(
                    children=tuple(ids[c] for c in eq.children),
                    parent=None if eq.parent is None else ids[eq.parent],
                )
            )
    for series in pos.partition_by(["level", "area"], maintain_order=True):
        if series.height > 1:
            equations.append(Equation(children=tuple(series["__pos"].to_list())))
    return equations


def _has_small(values: list[float | None], threshold: int) -> bool:
    return any(v is not None and 0 < v < threshold for v in values)


def protect_series(rows: pl.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pl.DataFrame:
    """The series ``rows`` (KPI columns, every level, buckets) under the small-number rule:
    the same columns plus ``suppressed`` and ``pending_suppressed`` (metrics.privacy)."""
    work = rows.with_row_index(_ROW).with_columns(basis_expr().alias("__basis"))
    hide_row: set[int] = set()
    hide_pending: set[int] = set()
    if threshold > 1 and work.height:
        for table in work.partition_by("metric_id", maintain_order=True):
            ids = table[_ROW].to_list()
            equations: list[Equation] | None = None
            for column, hidden in (("__basis", hide_row), ("pending", hide_pending)):
                values = table[column].cast(pl.Float64).to_list()
                if not _has_small(values, threshold):
                    continue
                equations = equations if equations is not None else series_equations(table)
                hidden |= {ids[i] for i in protect(values, equations, threshold)}
    return with_hidden(work, hide_row, hide_pending, _ROW).drop("__basis")
