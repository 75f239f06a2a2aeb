"""Deadlines coming up: the open cases of the four rules at A, overdue and due within N
working days. A = Monday 22.12.2025; the working days after it are 23.12 (1st), 29.12,
30.12, 31.12 and 2.1.2026 (5th: 24.-26.12 and 1.1 are holidays), then 5.1 (6th)."""

from __future__ import annotations

import datetime as dt

import pytest

from common.reference import AREA_NAME
from metrics.deadlines_due import (
    COUNT_COLUMNS,
    DUE_RULES,
    GROUPS,
    due_cases,
    due_counts,
    due_until,
)
from metrics.sql_context import MetricsError
from metrics.working_days import nth_working_day_after
from tests.metrics.kpidb import KpiDb, d

A = d("22.12.2025")
PLAN = "integration_plan_within_30_days"
TYM = "tym_assessment_within_3_months"
CONTACT = "initial_contact_within_deadline"
DISCUSSION = "job_search_discussion_every_3_months"


def _groups(db: KpiDb, within: int = 5, as_of: dt.date = A) -> dict[tuple[str, str], str]:
    """(rule, asiakas_id) -> group."""
    out = due_cases(db.con, as_of=as_of, within=within)
    return {(r["rule"], r["asiakas_id"]): r["group"] for r in out.iter_rows(named=True)}


def _plan(db: KpiDb, cid: str, deadline: dt.date, **more: object) -> None:
    """An integration customership whose last day on time is ``deadline`` (alkupvm + 29)."""
    db.client(cid, "Joensuu")
    start = deadline - dt.timedelta(days=29)
    db.add("palvelujaksot", asiakas_id=cid, palvelu="kotoutuminen", alkupvm=start, **more)


def test_the_window_is_five_working_days_after_a_not_counting_a() -> None:
    assert due_until(A) == d("2.1.2026") == nth_working_day_after(A, 5)
    assert due_until(A, 1) == d("23.12.2025")
    for bad in (0, 21):
        with pytest.raises(MetricsError, match="1–20"):
            due_until(A, bad)


def test_due_on_the_5th_working_day_counts_and_the_6th_not(db: KpiDb) -> None:
    _plan(db, "P-A", A)  # D = A: due (not overdue, A itself is the last day on time)
    _plan(db, "P-1", d("23.12.2025"))
    _plan(db, "P-HOLIDAY", d("1.1.2026"))  # a holiday inside the window
    _plan(db, "P-5TH", d("2.1.2026"))
    _plan(db, "P-SAT", d("3.1.2026"))  # after the 5th working day, before the 6th
    _plan(db, "P-6TH", d("5.1.2026"))
    _plan(db, "P-LATE", d("21.12.2025"))
    got = _groups(db)
    assert got == {
        (PLAN, "P-A"): "due",
        (PLAN, "P-1"): "due",
        (PLAN, "P-HOLIDAY"): "due",
        (PLAN, "P-5TH"): "due",
        (PLAN, "P-LATE"): "overdue",
    }
    assert (PLAN, "P-6TH") in _groups(db, within=6)
    assert _groups(db, within=1).keys() == {(PLAN, "P-A"), (PLAN, "P-1"), (PLAN, "P-LATE")}


@pytest.mark.parametrize(
    ("setup", "listed"),
    [
        pytest.param({"loppupvm": d("20.12.2025")}, False, id="ended-before-A"),
        pytest.param({"loppupvm": A}, False, id="ended-on-A"),
        pytest.param({"loppupvm": d("23.12.2025")}, True, id="ends-after-A"),
    ],
)
def test_a_case_whose_customership_ended_is_nobodys_task(
    db: KpiDb, setup: dict[str, object], listed: bool
) -> None:
    _plan(db, "P", d("19.12.2025"), **setup)
    assert ((PLAN, "P") in _groups(db)) == listed


def test_a_deed_by_a_closes_the_case_even_late_and_one_after_a_does_not(db: KpiDb) -> None:
    _plan(db, "LATE-DEED", d("10.12.2025"))
    db.event("LATE-DEED", "kotoutumissuunnitelma", d("15.12.2025"))
    _plan(db, "AFTER-A", d("10.12.2025"))
    db.event("AFTER-A", "kotoutumissuunnitelma", d("23.12.2025"))
    _plan(db, "BEFORE-START", d("10.12.2025"))
    db.event("BEFORE-START", "kotoutumissuunnitelma", d("1.11.2025"))
    assert _groups(db) == {(PLAN, "AFTER-A"): "overdue", (PLAN, "BEFORE-START"): "overdue"}


def test_tym_deadline_is_three_calendar_months(db: KpiDb) -> None:
    db.client("T1", "Lieksa")
    db.add("palvelujaksot", asiakas_id="T1", palvelu="tym", alkupvm=d("30.9.2025"))  # D 30.12
    db.client("T2", "Lieksa")
    db.add("palvelujaksot", asiakas_id="T2", palvelu="tym", alkupvm=d("5.10.2025"))  # D 5.1
    db.client("T3", "Lieksa")
    db.add("palvelujaksot", asiakas_id="T3", palvelu="tym", alkupvm=d("2.9.2025"))  # D 2.12
    db.event("T3", "palvelutarpeen_arviointi", d("1.9.2025"))  # before the customership
    assert _groups(db) == {(TYM, "T1"): "due", (TYM, "T3"): "overdue"}


def test_initial_contact_deadline_in_working_days_by_the_rule_of_its_start(db: KpiDb) -> None:
    """Mon 15.12.2025 + 5 working days (the 2025 rule) = Mon 22.12 = A: due. A search of
    8.12 had a supplementary discussion (a contact under the 2025 rule): closed."""
    db.client("C1", "Kitee")
    db.add("tyonhakujaksot", asiakas_id="C1", alkupvm=d("15.12.2025"))
    db.client("C2", "Kitee")
    db.add("tyonhakujaksot", asiakas_id="C2", alkupvm=d("8.12.2025"))
    db.event("C2", "taydentava_tyonhakukeskustelu", d("20.12.2025"))
    db.client("C3", "Kitee")
    db.add("tyonhakujaksot", asiakas_id="C3", alkupvm=d("8.12.2025"))  # D = 15.12
    cases = due_cases(db.con, as_of=A)
    assert {(r["asiakas_id"], r["group"], r["deadline"]) for r in cases.iter_rows(named=True)} == {
        ("C1", "due", A),
        ("C3", "overdue", d("15.12.2025")),
    }


def _searching(db: KpiDb, cid: str, *spells: tuple[str, dt.date, dt.date | None]) -> None:
    db.client(cid, "Nurmes")
    db.add("tyonhakujaksot", asiakas_id=cid, alkupvm=d("1.1.2025"))
    for tila, alku, loppu in spells:
        db.add("tilajaksot", asiakas_id=cid, tila=tila, alkupvm=alku, loppupvm=loppu)


def test_three_monthly_open_cases_judge_a_future_d_on_the_status_at_a(db: KpiDb) -> None:
    # Anchor 30.9.2025 -> D 30.12.2025 (> A): unemployed at A -> due.
    _searching(db, "U", ("tyoton", d("1.1.2025"), None))
    db.event("U", "alkuhaastattelu", d("1.7.2025"))
    db.event("U", "tyonhakukeskustelu", d("30.9.2025"))  # the latest anchor; 1.7's is done
    # The same, but palveluissa at A: excluded.
    _searching(
        db, "S", ("tyoton", d("1.1.2025"), d("30.11.2025")), ("palveluissa", d("1.12.2025"), None)
    )
    db.event("S", "tyonhakukeskustelu", d("30.9.2025"))
    # D = 20.12.2025 < A: unemployed on D (in services since 21.12): overdue.
    _searching(
        db, "O", ("tyoton", d("1.1.2025"), d("20.12.2025")), ("palveluissa", d("21.12.2025"), None)
    )
    db.event("O", "tyonhakukeskustelu", d("20.9.2025"))
    # D = 20.12.2025 < A but in services on D: excluded.
    _searching(db, "X", ("palveluissa", d("1.12.2025"), None))
    db.event("X", "tyonhakukeskustelu", d("20.9.2025"))
    # Anchor in no job-search period: excluded.
    db.client("N", "Nurmes")
    db.add("tilajaksot", asiakas_id="N", tila="tyoton", alkupvm=d("1.1.2025"))
    db.event("N", "tyonhakukeskustelu", d("30.9.2025"))
    got = {k: v for k, v in _groups(db).items() if k[0] == DISCUSSION}  # no initial contacts
    assert got == {(DISCUSSION, "U"): "due", (DISCUSSION, "O"): "overdue"}


def test_three_monthly_case_drops_when_the_job_search_ends_by_a(db: KpiDb) -> None:
    db.client("E", "Nurmes")
    db.add("tyonhakujaksot", asiakas_id="E", alkupvm=d("1.1.2025"), loppupvm=A)
    db.add("tilajaksot", asiakas_id="E", tila="tyoton", alkupvm=d("1.1.2025"))
    db.event("E", "tyonhakukeskustelu", d("20.9.2025"))
    assert _groups(db) == {}  # the initial contact's case ends with the search too


def test_counts_every_rule_area_and_group_with_zeros(db: KpiDb) -> None:
    _plan(db, "P1", d("21.12.2025"))
    _plan(db, "P2", d("23.12.2025"))
    db.client("L1", "Lieksa")
    db.add("palvelujaksot", asiakas_id="L1", palvelu="kotoutuminen", alkupvm=d("1.12.2025"))
    out = due_counts(db.con, as_of=A)
    assert tuple(out.columns) == COUNT_COLUMNS
    assert out.height == len(DUE_RULES) * len(GROUPS) * (1 + 4 + 13)
    assert out["cases"].sum() == 3 * 3  # each case once per level
    rows = {(r["rule"], r["area"], r["group"]): r for r in out.iter_rows(named=True)}
    assert rows[(PLAN, AREA_NAME, "overdue")]["cases"] == 1
    assert rows[(PLAN, AREA_NAME, "due")]["cases"] == 2  # P2 23.12 and L1 30.12
    assert rows[(PLAN, "Pielisen Karjala", "due")]["cases"] == 1
    assert rows[(TYM, "Kitee", "overdue")]["cases"] == 0
    assert rows[(PLAN, AREA_NAME, "due")]["within_working_days"] == 5
    assert rows[(PLAN, AREA_NAME, "overdue")]["within_working_days"] is None
    assert set(out["as_of"].to_list()) == {A}
    assert out["rule"].unique(maintain_order=True).to_list() == list(DUE_RULES)


def test_a_rule_whose_export_is_missing_has_empty_counts() -> None:
    db = KpiDb(exports=("asiakkaat", "tapahtumat", "palvelujaksot"))
    out = due_counts(db.con, as_of=A, levels=("koko_alue",))
    by_rule = {r["rule"]: r["cases"] for r in out.iter_rows(named=True)}
    assert by_rule == {CONTACT: None, DISCUSSION: None, TYM: 0, PLAN: 0}


def test_cases_started_before_the_coverage_start_are_left_out() -> None:
    db = KpiDb(as_of=A)
    db.con.execute("ALTER TABLE meta_load ADD COLUMN data_from DATE")
    db.con.execute("UPDATE meta_load SET data_from = DATE '2025-12-01'")
    _plan(db, "OLD", d("29.12.2025"))  # started 30.11.2025, before S
    _plan(db, "NEW", d("30.12.2025"))  # started 1.12.2025 = S
    assert _groups(db) == {(PLAN, "NEW"): "due"}
