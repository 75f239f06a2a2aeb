"""metrics.breakdowns_channels: the channel split under the month rule. The differencing
attacks of docs/privacy.md on it: a year-to-date minus a shorter one, and a cell recovered
from its row's total (the type's events, published on the cards) minus the other cells.
Each runs against the old rule (one period's table alone), where it must succeed, and the
new one, where it must recover nothing."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from common.data_contract import CHANNELS, MEETING_TYPES
from common.reference import AREA_NAME, municipalities
from metrics.breakdowns_channels import channel_split
from metrics.privacy import suppress_counts
from tests.metrics.breakdown_attack import recovered, whole_month_periods
from tests.metrics.kpidb import KpiDb, d

A = d("30.4.2025")
KANAVAT = [c.fi for c in CHANNELS]
LEVELS = ("koko_alue", "palvelualue", "kunta")


@pytest.fixture
def joensuu(db: KpiDb) -> KpiDb:
    """Joensuu: ten face-to-face initial interviews each month January-March, two in April,
    six by phone in January; nobody else anywhere."""
    db.client("A", "Joensuu")
    for m, n in ((1, 10), (2, 10), (3, 10), (4, 2)):
        for day in range(1, n + 1):
            db.event("A", "alkuhaastattelu", dt.date(2025, m, day), kanava="kasvokkain")
    for day in range(1, 7):
        db.event("A", "alkuhaastattelu", dt.date(2025, 1, 10 + day), kanava="puhelin")
    return db


def _kunnat(level: str, area: str) -> list[str]:
    if level == "koko_alue":
        return [m.kunta for m in municipalities()]
    if level == "palvelualue":
        return [m.kunta for m in municipalities() if m.palvelualue == area]
    return [area]


def _cells(level: str, area: str, tyyppi: str, kanavat: list[str], months: range) -> list:
    return [(k, tyyppi, ch, m) for k in _kunnat(level, area) for ch in kanavat for m in months]


def _small_totals(db: KpiDb) -> set[tuple[str, str, str, int]]:
    """(level, area, type, month) whose events number 1..4: no card shows such a total, nor
    (month rule of metrics.disclosure) the total of a period holding that month."""
    out = set()
    for m in range(1, 5):
        start, end = whole_month_periods(m, m)[0]
        for level in LEVELS:
            raw = channel_split(db.con, start, end, as_of=A, level=level)
            totals = raw.group_by("area", "tyyppi").agg(pl.col("count").sum())
            for r in totals.filter((pl.col("count") > 0) & (pl.col("count") < 5)).iter_rows():
                out.add((level, r[0], r[1], m))
    return out


def _attack(db: KpiDb, rule: str) -> list[tuple[str, str, str, str, int]]:
    """The small month cells (level, area, type, channel, month) recovered from every
    whole-month period's table shown under ``rule`` and the types' totals the cards show."""
    unknowns = [(m.kunta, ty, ch, mo) for m in municipalities() for ty in MEETING_TYPES
                for ch in KANAVAT for mo in range(1, 5)]  # fmt: skip
    known = []
    hidden_totals = _small_totals(db)
    for start, end in whole_month_periods(1, 4):
        months = range(start.month, end.month + 1)
        for level in LEVELS:
            raw = channel_split(db.con, start, end, as_of=A, level=level)
            for r in raw.iter_rows(named=True):  # the type's total: on the cards
                total = (level, r["area"], r["tyyppi"])
                if r["kanava"] == KANAVAT[0] and not any(
                    (*total, m) in hidden_totals for m in months
                ):
                    known.append(_cells(level, r["area"], r["tyyppi"], KANAVAT, months))
            if rule == "old":
                shown = suppress_counts(raw, keys=("tyyppi", "kanava"),
                                        margins=[("area", "tyyppi")], threshold=5)  # fmt: skip
            else:
                shown = channel_split(db.con, start, end, as_of=A, level=level, threshold=5)
            for r in shown.filter(~pl.col("count_suppressed")).iter_rows(named=True):
                known.append(_cells(level, r["area"], r["tyyppi"], [r["kanava"]], months))
    small = []
    for m in range(1, 5):
        start, end = whole_month_periods(m, m)[0]
        for level in LEVELS:
            raw = channel_split(db.con, start, end, as_of=A, level=level)
            for r in raw.filter((pl.col("count") > 0) & (pl.col("count") < 5)).iter_rows(
                named=True
            ):
                small.append((level, r["area"], r["tyyppi"], r["kanava"], m))
    targets = [_cells(lv, ar, ty, [ch], range(m, m + 1)) for lv, ar, ty, ch, m in small]
    assert small  # April's two interviews at every level
    return [s for s, hit in zip(small, recovered(unknowns, known, targets), strict=True) if hit]


def test_the_old_rule_gave_april_away(joensuu: KpiDb) -> None:
    got = _attack(joensuu, "old")
    assert ("kunta", "Joensuu", "alkuhaastattelu", "kasvokkain", 4) in got


def test_the_month_rule_gives_nothing_away(joensuu: KpiDb) -> None:
    assert _attack(joensuu, "new") == []


def test_a_year_to_date_holding_a_hidden_month_is_hidden(joensuu: KpiDb) -> None:
    def cell(end: dt.date, kanava: str) -> dict:
        out = channel_split(joensuu.con, d("1.1.2025"), end, as_of=A, level="kunta",
                            area="Joensuu", threshold=5)  # fmt: skip
        row = out.filter((pl.col("tyyppi") == "alkuhaastattelu") & (pl.col("kanava") == kanava))
        return row.row(0, named=True)

    assert cell(d("31.3.2025"), "kasvokkain")["count"] == 30  # every month shown
    april = cell(d("30.4.2025"), "kasvokkain")
    assert april["count"] is None and april["count_suppressed"]
    # the row's total (the cards) minus the phone calls would give it: they go too
    assert cell(d("30.4.2025"), "puhelin")["count_suppressed"]


def test_every_level_is_judged_together(joensuu: KpiDb) -> None:
    """April alone: Joensuu's 2 is hidden at every level it adds up to."""
    for level, area in (("kunta", "Joensuu"), ("palvelualue", "Joensuu"), ("koko_alue", AREA_NAME)):
        out = channel_split(joensuu.con, d("1.4.2025"), A, as_of=A, level=level, area=area,
                            threshold=5)  # fmt: skip
        face = out.filter(
            (pl.col("tyyppi") == "alkuhaastattelu") & (pl.col("kanava") == "kasvokkain")
        )
        assert face["count_suppressed"].to_list() == [True], (level, area)


def test_without_threshold_the_counts_are_raw(joensuu: KpiDb) -> None:
    out = channel_split(joensuu.con, d("1.1.2025"), A, as_of=A, level="kunta", area="Joensuu")
    assert "count_suppressed" not in out.columns
    face = out.filter((pl.col("tyyppi") == "alkuhaastattelu") & (pl.col("kanava") == "kasvokkain"))
    assert face["count"].to_list() == [32]
