"""The board's view of the municipality x item cells (docs/privacy.md, "Costs").

A cell of a person-related item (palkkatuki, starttiraha, …) behind 1–4 distinct clients with
a non-zero net amount is shown as ``<5``. Complementary cells are hidden too, so that the
hidden one cannot be recovered: the unknowns are the municipalities' own (causation-based)
amounts, and the published totals they must not be solvable from are each municipality's
causation-based total (and so its bill: the shared part is shown) and each item's total over
the municipalities (the item's row of the budget table). ``metrics.cell_suppression.protect``
chooses the companions (the smallest non-zero cell of the same municipality or item) and
audits the result with exact linear algebra. The bills themselves are never hidden.
"""

from __future__ import annotations

import polars as pl

from common.data_contract import PERSON_COST_ITEMS
from metrics.cell_suppression import Equation, protect
from metrics.costs.cost_bills import Bills
from metrics.privacy import DEFAULT_THRESHOLD, SUPPRESSED

ZERO_LAST = 10**15


def hidden_cells(bills: Bills, threshold: int = DEFAULT_THRESHOLD) -> set[tuple[str, str]]:
    """The (kunta, item) cells the board does not see."""
    items = [i for i in bills.items if bills.causation[i]]
    cells = [(k, i) for k in bills.kunnat for i in items]
    index = {cell: n for n, cell in enumerate(cells)}
    # Companions are chosen smallest first among non-zero cells; a zero cell only when no
    # non-zero one is left in the equation (hidden, a zero is as unknown as any amount).
    values = [abs(bills.own.get(cell, 0)) or ZERO_LAST for cell in cells]
    primary = [
        index[cell]
        for cell in cells
        if cell[1] in PERSON_COST_ITEMS
        and 0 < bills.clients.get(cell, 0) < threshold
        and bills.own.get(cell, 0) != 0
    ]
    if not primary:
        return set()
    equations = [Equation(tuple(index[(k, i)] for i in items)) for k in bills.kunnat]
    equations += [Equation(tuple(index[(k, i)] for k in bills.kunnat)) for i in items]
    hidden = protect(values, equations, 0, forced=primary)  # threshold 0: only the forced
    return {cells[n] for n in hidden}


def board_cells(
    table: pl.DataFrame, bills: Bills, threshold: int = DEFAULT_THRESHOLD
) -> pl.DataFrame:
    """The ``--by kunta-item`` table with ``toteuma`` and ``kunnan_osuus`` flagged hidden
    (``*_suppressed``: the file writers show ``<5``, the screen too) where the board may not
    see them."""
    hidden = hidden_cells(bills, threshold)
    flag = pl.struct("kunta", "kustannuslaji").map_elements(
        lambda row: (row["kunta"], row["kustannuslaji"]) in hidden, return_dtype=pl.Boolean
    )
    return table.with_columns(
        flag.alias(f"toteuma_{SUPPRESSED}"), flag.alias(f"kunnan_osuus_{SUPPRESSED}")
    )


COURSE_COUNTS = ("osallistujat", "suorittaneet", "tyottomyys_paattynyt", "kesken")
# A euro figure per person is hidden with the count it divides by.
PER_PERSON = {"eur_per_osallistuja": "osallistujat", "eur_per_tulos": "tyottomyys_paattynyt"}


def board_courses(table: pl.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pl.DataFrame:
    """Cost per result as the board sees it: a count of 1–4 people is ``<5``, and so is the
    euro figure divided by it (per course or per kind: each row on its own)."""
    small = {c: pl.col(c).is_between(1, threshold - 1) for c in COURSE_COUNTS}
    flags = [small[c].alias(f"{c}_{SUPPRESSED}") for c in COURSE_COUNTS]
    flags += [small[base].alias(f"{c}_{SUPPRESSED}") for c, base in PER_PERSON.items()]
    if "tulos_osuus" in table.columns:  # a share of the resolved cases (by kind)
        resolved = pl.col("suorittaneet") - pl.col("kesken")
        flags.append(resolved.is_between(1, threshold - 1).alias(f"tulos_osuus_{SUPPRESSED}"))
    return table.with_columns(flags)
