"""The small-number rule on the weekly list: small counts hidden, and nothing the screens show
(rule x group x area at every level, and the card's total over the rules) gives one back."""

from __future__ import annotations

import datetime as dt

import polars as pl

from common.reference import AREA_NAME
from metrics.cell_suppression import determined_cells
from metrics.deadlines_due import DUE_RULES, due_counts
from metrics.deadlines_due_privacy import FLAG, TOTAL, _equations, suppress_due, with_totals
from tests.metrics.kpidb import KpiDb, d

A = d("22.12.2025")
PLAN = "integration_plan_within_30_days"


def _plans(db: KpiDb, kunta: str, n: int, deadline: dt.date) -> None:
    for i in range(n):
        cid = f"{kunta}-{deadline}-{i}"
        db.client(cid, kunta)
        start = deadline - dt.timedelta(days=29)
        db.add("palvelujaksot", asiakas_id=cid, palvelu="kotoutuminen", alkupvm=start)


def _shown(db: KpiDb) -> pl.DataFrame:
    return suppress_due(due_counts(db.con, as_of=A), threshold=5)


def test_totals_over_the_rules_follow_each_group_and_area(db: KpiDb) -> None:
    _plans(db, "Joensuu", 3, d("1.12.2025"))
    db.client("T", "Joensuu")
    db.add("palvelujaksot", asiakas_id="T", palvelu="tym", alkupvm=d("1.9.2025"))  # D 1.12
    table = with_totals(due_counts(db.con, as_of=A))
    total = table.filter(pl.col("rule") == TOTAL, pl.col("area") == "Joensuu")
    assert dict(zip(total["group"], total["cases"], strict=True)) == {"overdue": 4, "due": 0}
    assert table.height == (len(DUE_RULES) + 1) * 2 * 18


def test_small_counts_and_what_would_give_them_away_are_hidden(db: KpiDb) -> None:
    _plans(db, "Joensuu", 7, d("1.12.2025"))
    _plans(db, "Lieksa", 2, d("1.12.2025"))
    shown = _shown(db)
    rows = {(r["rule"], r["area"], r["group"]): r for r in shown.iter_rows(named=True)}
    # (Joensuu is both a service area and a municipality: the kunta row comes last.)
    assert rows[(PLAN, "Lieksa", "overdue")]["cases"] is None
    assert rows[(PLAN, "Lieksa", "overdue")][FLAG]
    assert rows[(PLAN, "Pielisen Karjala", "overdue")]["cases"] is None
    assert rows[(TOTAL, "Lieksa", "overdue")]["cases"] is None
    assert rows[(PLAN, AREA_NAME, "overdue")]["cases"] == 9  # the whole area is no small number
    hidden = {i for i, flag in enumerate(shown[FLAG].to_list()) if flag}
    assert not determined_cells(_equations(shown), hidden)
    # Zeros are shown: no case is no person.
    assert rows[(PLAN, "Kitee", "due")]["cases"] == 0


def test_no_small_number_no_suppression(db: KpiDb) -> None:
    _plans(db, "Joensuu", 6, d("1.12.2025"))
    shown = _shown(db)
    assert not shown[FLAG].any()
    whole = shown.filter(pl.col("rule") == TOTAL, pl.col("area") == AREA_NAME)
    assert whole["cases"].to_list() == [6, 0]


def test_threshold_one_hides_nothing(db: KpiDb) -> None:
    _plans(db, "Lieksa", 2, d("1.12.2025"))
    shown = suppress_due(due_counts(db.con, as_of=A), threshold=1)
    assert not shown[FLAG].any()
