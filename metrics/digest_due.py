"""The Monday e-mail's "deadlines coming up this week" (issue 15; docs/production.md).

The whole area's open cases of the four deadline rules at the data's as-of date ``A``:
overdue and due within the overview card's five working days, by rule and in total
(metrics.deadlines_due). The mail carries the board's rule (docs/privacy.md "The Monday
e-mail"), so the counts are metrics.deadlines_due_privacy.suppress_due's with the mail's
threshold, every level judged together as on the board's screens: the mail shows the same
cells as ``python -m metrics due --suppress N --level koko_alue``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl

from common.reference import AREA_NAME
from metrics.deadlines_due import DEFAULT_WITHIN, DUE_RULES, due_counts, due_until
from metrics.deadlines_due_privacy import FLAG, TOTAL, suppress_due
from metrics.privacy import DEFAULT_THRESHOLD


@dataclass(frozen=True)
class DueCount:
    """One shown cell: ``cases`` None when hidden (``hidden``) or the rule is not loaded."""

    cases: int | None
    hidden: bool


@dataclass(frozen=True)
class DueRow:
    rule: str  # a rule of DUE_RULES, or TOTAL for the sum over the four
    overdue: DueCount
    due: DueCount


@dataclass(frozen=True)
class DueSection:
    as_of: date
    within: int  # working days after A
    until: date  # the last day of the ``due`` group
    rows: tuple[DueRow, ...]  # DUE_RULES in order, then TOTAL


def _count(row: dict[str, object] | None) -> DueCount:
    if row is None:
        return DueCount(None, False)
    cases = row["cases"]
    return DueCount(cases if isinstance(cases, int) else None, bool(row[FLAG]))


def build_due(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    threshold: int = DEFAULT_THRESHOLD,
    within: int = DEFAULT_WITHIN,
) -> DueSection:
    """The whole area's counts under the small-number rule with ``threshold``."""
    shown = suppress_due(due_counts(con, as_of=as_of, within=within), threshold)
    area = shown.filter((pl.col("level") == "koko_alue") & (pl.col("area") == AREA_NAME))
    cells = {(str(r["rule"]), str(r["group"])): r for r in area.iter_rows(named=True)}
    rows = tuple(
        DueRow(rule, _count(cells.get((rule, "overdue"))), _count(cells.get((rule, "due"))))
        for rule in (*DUE_RULES, TOTAL)
    )
    return DueSection(as_of, within, due_until(as_of, within), rows)
