"""The small-number rule on the weekly list of deadlines coming up (docs/privacy.md,
"Deadlines coming up").

A count of cases is a count of people (each open case is one client's), so a count of 1-4 is
hidden, and so is every cell the shown ones would give away. The table judged is the one the
screens can show, all of it at once: rule x group x area at every level, and the total over
the four rules of each group and area (the overview's card "Määräajat tällä viikolla"). Its
equations: within each rule (and the total) and group, the municipalities add up to their
service area and to the whole area, and the service areas to the whole area; within each
group and area, the four rules add up to the total. ``overdue`` and ``due`` are never added
together on any surface, so they share no equation.
"""

from __future__ import annotations

import polars as pl

from metrics.cell_suppression import Equation, protect
from metrics.deadlines_due import DUE_RULES
from metrics.privacy import SUPPRESSED, area_equations

TOTAL = "all_rules"  # the rule column of the total over the four rules
FLAG = f"cases_{SUPPRESSED}"


def with_totals(counts: pl.DataFrame) -> pl.DataFrame:
    """``counts`` (every rule of :data:`DUE_RULES`) and, after them, a row per level x area x
    group with ``rule`` = :data:`TOTAL` holding the sum over the rules (null rules as 0)."""
    keys = ["level", "area", "as_of", "group", "within_working_days"]
    totals = (
        counts.group_by(keys, maintain_order=True)
        .agg(pl.col("cases").fill_null(0).sum().cast(pl.Int64))
        .with_columns(pl.lit(TOTAL).alias("rule"))
        .select(counts.columns)
    )
    return pl.concat([counts, totals])


def _equations(table: pl.DataFrame) -> list[Equation]:
    work = table.with_row_index("__i")
    equations: list[Equation] = []
    for part in work.partition_by(["rule", "group"], maintain_order=True):
        ids = part["__i"].to_list()
        for eq in area_equations(part["level"].to_list(), part["area"].to_list()):
            parent = None if eq.parent is None else ids[eq.parent]
            equations.append(Equation(tuple(ids[c] for c in eq.children), parent))
    for part in work.partition_by(["level", "area", "group"], maintain_order=True):
        by_rule = dict(zip(part["rule"].to_list(), part["__i"].to_list(), strict=True))
        if TOTAL in by_rule and all(r in by_rule for r in DUE_RULES):
            children = tuple(by_rule[r] for r in DUE_RULES)
            equations.append(Equation(children, by_rule[TOTAL]))
    return equations


def suppress_due(counts: pl.DataFrame, threshold: int) -> pl.DataFrame:
    """:func:`with_totals` of ``counts`` with the hidden cells' ``cases`` nulled and
    ``cases_suppressed`` true. Give the counts of every level: a level left out would be a
    total the rule cannot see (the command line filters the levels afterwards)."""
    table = with_totals(counts)
    values = [float(v or 0) for v in table["cases"].to_list()]
    hidden = protect(values, _equations(table), threshold) if threshold > 1 else set()
    flag = pl.Series(FLAG, [i in hidden for i in range(table.height)])
    return table.with_columns(
        pl.when(flag).then(None).otherwise(pl.col("cases")).alias("cases"), flag
    )
