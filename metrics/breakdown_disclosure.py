"""The month rule of metrics.disclosure on the breakdown tables (channel split, meeting flows,
the cohort outcomes' excluded cases): the same differencing-proof rule as the KPI table.

A breakdown of a period ``[from, to]`` is a table of counts of people (or their meetings)
whose cells add up over the days: the period's table is the sum of its month pieces
(``[from, E]``, ``E = min(to, A)``, cut at month boundaries; a partial month at either end is
its own piece). Each piece's table is protected on its own (primary and secondary suppression
with the table's margins and area hierarchy, metrics.privacy.suppress_counts); then a cell of
the period is hidden when **any piece hides it**, and the period's table gets its own
secondary suppression with those cells hidden from the start. Two periods of whole months
then differ only by months whose cells are shown (each 0 or at least the threshold), and a
row's total minus its shown cells is never a single hidden cell (docs/privacy.md).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence

import polars as pl

FORCED = "__month_hidden"

# A piece -> the table of that period (unsuppressed, every cell the period's table has).
TableOf = Callable[[dt.date, dt.date], pl.DataFrame]
# A table and the name of its forced column (or None) -> the table under the rule, with a
# ``<column>_suppressed`` flag.
Protect = Callable[[pl.DataFrame, str | None], pl.DataFrame]


def month_pieces(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """``[start, end]`` cut at month boundaries, in order (empty when start > end)."""
    pieces = []
    first = start
    while first <= end:
        month_end = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        last = min(month_end, end)
        pieces.append((first, last))
        first = last + dt.timedelta(days=1)
    return pieces


def under_month_rule(
    table_of: TableOf,
    protect_table: Protect,
    start: dt.date,
    end: dt.date,
    *,
    cell: Sequence[str],
    flag: str = "count_suppressed",
) -> pl.DataFrame:
    """The period's table under the month rule. ``end`` is the period's effective end
    ``E``; ``cell`` are the key columns of a cell (the same in every piece); ``flag`` is the
    column ``protect_table`` sets on hidden cells."""
    pieces = month_pieces(start, end)
    period = table_of(start, end)
    if len(pieces) <= 1 or period.height == 0:
        return protect_table(period, None)
    months = [protect_table(table_of(s, e), None).select(*cell, flag) for s, e in pieces]
    hidden = (
        pl.concat(months)
        .group_by(list(cell))
        .agg(pl.col(flag).fill_null(False).any().alias(FORCED))
    )
    forced = period.join(hidden, on=list(cell), how="left", maintain_order="left").with_columns(
        pl.col(FORCED).fill_null(False)
    )
    return protect_table(forced, FORCED).drop(FORCED)
