"""Cost per result of purchased training: per course (its costs over all years up to E) and
per kind, with the success of training_unemployment_ended_3_months (the same cases as the KPI)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl

from metrics.costs.cost_data import read_inputs
from metrics.costs.cost_report import cost_report
from metrics.costs.cost_year import CostYear
from metrics.costs.course_results import by_kind
from tests.metrics.kpidb import KpiDb

AS_OF = dt.date(2025, 6, 30)
D = dt.date


def _db() -> KpiDb:
    db = KpiDb(exports=("asiakkaat", "koulutukset", "tilajaksot", "kustannukset"), as_of=AS_OF)
    for client in ("A1", "A2", "A3"):
        db.client(client, "Joensuu")
    for client, course, kind, end, done in (
        ("A1", "C1", "ammatillinen", D(2025, 1, 31), True),  # follow-up 30.4.: not unemployed
        ("A2", "C1", "ammatillinen", D(2025, 2, 28), True),  # follow-up 28.5.: unemployed
        ("A3", "C1", "ammatillinen", D(2025, 2, 28), False),  # interrupted
        ("A1", "C2", "kotoutuminen", D(2025, 5, 31), True),  # follow-up 31.8.: pending
    ):
        db.add("koulutukset", asiakas_id=client, koulutus_id=course, laji=kind,
               alkupvm=D(2024, 9, 1), loppupvm=end, suoritettu=done)  # fmt: skip
    db.add("tilajaksot", asiakas_id="A1", tila="tyoton", alkupvm=D(2025, 5, 1))
    db.add("tilajaksot", asiakas_id="A2", tila="tyoton", alkupvm=D(2025, 3, 1))
    for day, course, summa in (
        (D(2024, 12, 15), "C1", "3000.00"),  # an earlier year counts too
        (D(2025, 2, 1), "C1", "1500.00"),
        (D(2025, 3, 1), "C2", "800.00"),
        (D(2025, 3, 1), "C9", "100.00"),  # not in koulutukset
        (D(2025, 7, 1), "C2", "999.00"),  # after E
    ):
        db.add("kustannukset", pvm=day, kustannuslaji="ostopalvelut", summa=Decimal(summa),
               koulutus_id=course)  # fmt: skip
    return db


def test_cost_per_participant_and_per_result_by_course() -> None:
    table = cost_report(_db().con, 2025).table("course")
    rows = {r["koulutus_id"]: r for r in table.iter_rows(named=True)}
    c1, c2, c9 = rows["C1"], rows["C2"], rows["C9"]
    assert (c1["laji"], c1["kustannus"], c1["osallistujat"], c1["suorittaneet"]) == (
        "ammatillinen", Decimal("4500.00"), 3, 2,
    )  # fmt: skip
    assert (c1["tyottomyys_paattynyt"], c1["kesken"]) == (1, 0)
    assert (c1["eur_per_osallistuja"], c1["eur_per_tulos"]) == (Decimal("1500.00"),
                                                                Decimal("4500.00"))  # fmt: skip
    assert (c2["kustannus"], c2["kesken"], c2["eur_per_tulos"]) == (Decimal("800.00"), 1, None)
    assert (c9["laji"], c9["osallistujat"], c9["eur_per_osallistuja"]) == (None, 0, None)


def test_the_successes_are_the_training_outcome_kpi_cases() -> None:
    db = _db()
    table = cost_report(db.con, 2025).table("course")
    kpi = db.kpi("training_unemployment_ended_3_months", D(2024, 1, 1), AS_OF)["Pohjois-Karjala"]
    assert table["tyottomyys_paattynyt"].sum() == kpi["numerator"]
    assert (table["suorittaneet"] - table["kesken"]).sum() == kpi["denominator"]
    assert table["kesken"].sum() == kpi["pending"]


def test_by_kind_adds_up_the_courses() -> None:
    inputs = read_inputs(_db().con, CostYear(2025, AS_OF))
    kinds = by_kind(inputs)
    vocational = kinds.filter(pl.col("laji") == "ammatillinen").row(0, named=True)
    assert vocational["kustannus"] == Decimal("4500.00")
    assert kinds["kustannus"].sum() == Decimal("5400.00")
    assert kinds["laji"].to_list()[-1] is None  # the unknown course last
