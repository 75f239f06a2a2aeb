"""metrics.cohort_suppression: the cohort outcome table follows the KPI rows the cards show,
and its excluded cases (published nowhere else) follow the month rule: a year-to-date minus
a shorter one gave one month's excluded cases away under the old rule, and nothing now."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from common.reference import AREA_NAME, municipalities
from metrics.breakdowns_people import cohort_outcomes
from metrics.cohort_suppression import like_the_kpi
from metrics.privacy import suppress
from tests.metrics.breakdown_attack import recovered, whole_month_periods
from tests.metrics.kpidb import KpiDb, d

TYM = "tym_assessment_within_3_months"
CODES = ("on_time", "late", "excluded", "pending")
A = d("31.12.2025")
LEVELS = ("koko_alue", "palvelualue", "kunta")


@pytest.fixture
def kitee(db: KpiDb) -> KpiDb:
    """Kitee's TYM customerships: ten assessed on time each month January-April; six ended
    before the deadline unassessed (excluded) each month January-March, two in April."""
    n = 0
    for m in range(1, 5):
        for excluded in [False] * 10 + [True] * (6 if m < 4 else 2):
            n += 1
            client, start = f"K{n}", dt.date(2025, m, 2)
            db.client(client, "Kitee")
            if excluded:
                db.add("palvelujaksot", asiakas_id=client, palvelu="tym", alkupvm=start,
                       loppupvm=start + dt.timedelta(days=20))  # fmt: skip
            else:
                db.add("palvelujaksot", asiakas_id=client, palvelu="tym", alkupvm=start)
                db.event(client, "palvelutarpeen_arviointi", start + dt.timedelta(days=10))
    return db


def _excluded(out: pl.DataFrame) -> list[tuple[str, str, int | None]]:
    rows = out.filter(pl.col("outcome") == "excluded")
    return [(r["level"], r["area"], r["count"]) for r in rows.iter_rows(named=True)]


def _old(db: KpiDb, start: dt.date, end: dt.date, level: str) -> pl.DataFrame:
    """The old rule: one period's table judged alone, against the one-table KPI rule."""
    raw = cohort_outcomes(db.con, TYM, start, end, as_of=A, level=level)
    kpi = suppress(db.table(start, end, as_of=A, metric_ids=[TYM]))
    return like_the_kpi(raw, kpi, CODES, 5)


def _kunnat(level: str, area: str) -> list[str]:
    if level == "koko_alue":
        return [m.kunta for m in municipalities()]
    if level == "palvelualue":
        return [m.kunta for m in municipalities() if m.palvelualue == area]
    return [area]


def _attack(db: KpiDb, rule: str) -> bool:
    """Is Kitee's April (two excluded cases) recovered from every whole-month period?"""
    unknowns = [(m.kunta, mo) for m in municipalities() for mo in range(1, 5)]
    known = []
    for start, end in whole_month_periods(1, 4):
        for level in LEVELS:
            if rule == "old":
                out = _old(db, start, end, level)
            else:
                out = cohort_outcomes(db.con, TYM, start, end, as_of=A, level=level, threshold=5)
            for lv, area, count in _excluded(out):
                if count is not None:
                    months = range(start.month, end.month + 1)
                    known.append([(k, m) for k in _kunnat(lv, area) for m in months])
    return recovered(unknowns, known, [[("Kitee", 4)]])[0]


def test_the_old_rule_gave_april_away(kitee: KpiDb) -> None:
    jan_mar = _excluded(_old(kitee, d("1.1.2025"), d("31.3.2025"), "kunta"))
    jan_apr = _excluded(_old(kitee, d("1.1.2025"), d("30.4.2025"), "kunta"))
    assert ("kunta", "Kitee", 18) in jan_mar and ("kunta", "Kitee", 20) in jan_apr
    assert _attack(kitee, "old")


def test_the_month_rule_gives_nothing_away(kitee: KpiDb) -> None:
    assert not _attack(kitee, "new")


def test_only_the_excluded_cases_take_the_month_rule(kitee: KpiDb) -> None:
    out = cohort_outcomes(kitee.con, TYM, d("1.1.2025"), d("30.4.2025"), as_of=A,
                          area="Kitee", threshold=5)  # fmt: skip
    got = {r["outcome"]: (r["count"], r["count_suppressed"]) for r in out.iter_rows(named=True)}
    assert got["excluded"] == (None, True)  # April's two are inside
    assert got["on_time"] == (40, False) and got["late"] == (0, False)  # the card's 40/40
    whole = cohort_outcomes(kitee.con, TYM, d("1.1.2025"), d("31.3.2025"), as_of=A,
                            level="koko_alue", area=AREA_NAME, threshold=5)  # fmt: skip
    assert _excluded(whole) == [("koko_alue", AREA_NAME, 18)]
