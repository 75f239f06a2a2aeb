"""metrics.breakdowns_meetings: the flows of face-to-face meetings under the month rule. The
differencing attacks of docs/privacy.md on it (a year-to-date minus a shorter one; a pair
recovered from its home municipality's total minus the other pairs) succeed against the old
rule (one period's table alone) and recover nothing now."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from metrics.breakdowns_meetings import meeting_flows
from metrics.privacy import suppress_counts
from tests.metrics.breakdown_attack import recovered, whole_month_periods
from tests.metrics.kpidb import KpiDb, d

A = d("30.4.2025")
PLACES = ("Joensuu", "Liperi", "Kontiolahti")
MARGINS = [("kotikunta",), ("palvelupiste",)]


@pytest.fixture
def flows(db: KpiDb) -> KpiDb:
    """Liperi's client: ten meetings in Joensuu each month January-March, two in April, and
    ten a month at home; Joensuu's client: ten a month at home."""
    db.client("L", "Liperi")
    db.client("J", "Joensuu")
    plan = [("L", "Joensuu", m, 10 if m < 4 else 2) for m in range(1, 5)]
    plan += [(c, home, m, 10) for c, home in (("L", "Liperi"), ("J", "Joensuu"))
             for m in range(1, 5)]  # fmt: skip
    for client, point, m, n in plan:
        for day in range(1, n + 1):
            db.event(client, "tyonhakukeskustelu", dt.date(2025, m, day), kanava="kasvokkain",
                     palvelupiste=point)  # fmt: skip
    return db


def _attack(db: KpiDb, rule: str) -> list[tuple[str, str, int]]:
    unknowns = [(h, p, m) for h in PLACES for p in PLACES for m in range(1, 5)]
    small_totals = set()  # a home's or point's month total of 1..4: no card shows it
    small_cells = []
    for m in range(1, 5):
        raw = meeting_flows(db.con, *whole_month_periods(m, m)[0], as_of=A, level="kunta")
        for key in ("kotikunta", "palvelupiste"):
            for name, total in raw.group_by(key).agg(pl.col("count").sum()).iter_rows():
                if 0 < total < 5:
                    small_totals.add((key, name, m))
        for r in raw.filter(pl.col("count") < 5).iter_rows(named=True):
            small_cells.append((r["kotikunta"], r["palvelupiste"], m))
    known: list[list[tuple[str, str, int]]] = []
    for start, end in whole_month_periods(1, 4):
        months = range(start.month, end.month + 1)
        raw = meeting_flows(db.con, start, end, as_of=A, level="koko_alue")
        for name in PLACES:  # the totals the cards show (meetings by home, by service point)
            if not any(("kotikunta", name, m) in small_totals for m in months):
                known.append([(name, p, m) for p in PLACES for m in months])
            if not any(("palvelupiste", name, m) in small_totals for m in months):
                known.append([(h, name, m) for h in PLACES for m in months])
        if rule == "old":
            shown = suppress_counts(raw, margins=MARGINS, threshold=5)
        else:
            shown = meeting_flows(db.con, start, end, as_of=A, threshold=5)
        for r in shown.filter(~pl.col("count_suppressed")).iter_rows(named=True):
            known.append([(r["kotikunta"], r["palvelupiste"], m) for m in months])
    assert small_cells == [("Liperi", "Joensuu", 4)]
    hits = recovered(unknowns, known, [[c] for c in small_cells])
    return [c for c, hit in zip(small_cells, hits, strict=True) if hit]


def test_the_old_rule_gave_april_away(flows: KpiDb) -> None:
    assert _attack(flows, "old") == [("Liperi", "Joensuu", 4)]


def test_the_month_rule_gives_nothing_away(flows: KpiDb) -> None:
    assert _attack(flows, "new") == []


def test_the_pairs_are_protected_once_and_shown_per_area(flows: KpiDb) -> None:
    def pair(level: str, area: str | None) -> dict:
        out = meeting_flows(flows.con, d("1.1.2025"), A, as_of=A, level=level, area=area,
                            threshold=5)  # fmt: skip
        rows = out.filter((pl.col("kotikunta") == "Liperi") & (pl.col("palvelupiste") == "Joensuu"))
        return rows.row(0, named=True)

    for level, area in (
        ("kunta", "Liperi"),
        ("palvelualue", "Joensuun seutu"),
        ("koko_alue", None),
    ):
        row = pair(level, area)
        assert row["count"] is None and row["count_suppressed"] and row["outside"], level
    liperi = meeting_flows(flows.con, d("1.1.2025"), A, as_of=A, level="kunta", area="Liperi",
                           threshold=5)  # fmt: skip
    # Liperi's total (the card) minus the shown pair would give the hidden one: both hidden
    assert liperi["count_suppressed"].to_list() == [True, True]


def test_without_threshold_the_counts_are_raw(flows: KpiDb) -> None:
    out = meeting_flows(flows.con, d("1.1.2025"), A, as_of=A)
    assert out.columns == ["level", "area", "kotikunta", "palvelupiste", "outside", "count"]
    got = {(r["kotikunta"], r["palvelupiste"]): r["count"] for r in out.iter_rows(named=True)}
    assert got == {("Joensuu", "Joensuu"): 40, ("Liperi", "Joensuu"): 32, ("Liperi", "Liperi"): 40}
