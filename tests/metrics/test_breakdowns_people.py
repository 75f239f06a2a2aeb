"""metrics.breakdowns_people: cohort outcomes (from each cohort metric's own SQL, consistent
with the KPI row the card shows) and caseworkers with their job offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from metrics.breakdowns_people import (
    caseworker_offer_summary,
    caseworkers_without_offers,
    cohort_outcomes,
    outcome_codes,
    outcome_sql,
)
from metrics.privacy import suppress
from metrics.registry import REGISTRY
from metrics.sql_context import MetricsError
from tests.metrics.kpidb import KpiDb, d

Q1 = (d("1.1.2025"), d("31.3.2025"))
A = d("30.4.2025")


def kpi_row(db: KpiDb, metric_id: str, area: str) -> dict[str, Any]:
    return db.kpi(metric_id, *Q1, as_of=A)[area]


def counts(df: pl.DataFrame, key: str) -> dict[object, int]:
    return {r[key]: r["count"] for r in df.iter_rows(named=True)}


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def test_tym_cohort_outcomes_on_time_late_excluded_pending(db: KpiDb) -> None:
    for c in "ABCDE":
        db.client(c, "Kitee" if c in "AB" else "Rääkkylä")
    add = db.add
    add("palvelujaksot", asiakas_id="A", palvelu="tym", alkupvm=d("10.1.2025"))
    db.event("A", "palvelutarpeen_arviointi", d("5.3.2025"))  # D = 10.4: on time
    add("palvelujaksot", asiakas_id="B", palvelu="tym", alkupvm=d("10.1.2025"))
    db.event("B", "palvelutarpeen_arviointi", d("20.4.2025"))  # late
    add(
        "palvelujaksot",
        asiakas_id="C",
        palvelu="tym",
        alkupvm=d("15.1.2025"),
        loppupvm=d("1.3.2025"),
    )
    add("palvelujaksot", asiakas_id="D", palvelu="tym", alkupvm=d("15.3.2025"))  # D 15.6 > A
    add("palvelujaksot", asiakas_id="E", palvelu="tym", alkupvm=d("10.1.2025"))  # no deed, D < A
    out = cohort_outcomes(db.con, "tym_assessment_within_3_months", *Q1, as_of=A)
    kitee = counts(out.filter(pl.col("area") == "Kitee"), "outcome")
    assert kitee == {"on_time": 1, "late": 1, "excluded": 0, "pending": 0}
    raakkyla = counts(out.filter(pl.col("area") == "Rääkkylä"), "outcome")
    assert raakkyla == {"on_time": 0, "late": 1, "excluded": 1, "pending": 1}
    whole = counts(
        cohort_outcomes(db.con, "tym_assessment_within_3_months", *Q1, as_of=A, level="koko_alue"),
        "outcome",
    )
    kpi = kpi_row(db, "tym_assessment_within_3_months", "Pohjois-Karjala")
    assert whole["on_time"] == kpi["numerator"] == 1
    assert whole["on_time"] + whole["late"] == kpi["denominator"] == 3
    assert whole["pending"] == kpi["pending"] == 1 and whole["excluded"] == 1


def test_training_outcomes_come_from_its_own_counts(db: KpiDb) -> None:
    db.client("A", "Nurmes")
    db.client("B", "Nurmes")
    db.client("C", "Nurmes")
    for c, end in (("A", "10.1.2025"), ("B", "15.1.2025"), ("C", "20.3.2025")):
        db.add("koulutukset", asiakas_id=c, koulutus_id="K", laji="ammatillinen",
               alkupvm=d("1.10.2024"), loppupvm=d(end), suoritettu=True)  # fmt: skip
    db.add("tilajaksot", asiakas_id="B", tila="tyoton", alkupvm=d("1.4.2025"))  # on F = 15.4
    out = cohort_outcomes(db.con, "training_unemployment_ended_3_months", *Q1, as_of=A)
    nurmes = counts(out.filter(pl.col("area") == "Nurmes"), "outcome")
    # employment outcomes, not deadline words; training has no exclusion rule
    assert nurmes == {"unemployment_ended": 1, "unemployed": 1, "pending": 1}  # C: F 20.6 > A


def test_every_cohort_metric_has_an_outcome_breakdown(db: KpiDb) -> None:
    for metric in (m for m in REGISTRY if m.cohort):
        out = cohort_outcomes(db.con, metric.id, *Q1, as_of=A, level="koko_alue")
        assert out["outcome"].to_list() == list(outcome_codes(metric.id))
        assert out["outcome"].to_list()[-1] == "pending"
        assert out["count"].sum() == 0
    with_cte = [m.id for m in REGISTRY if m.cohort and outcome_sql(m) is not None]
    assert len(with_cte) >= 4  # only training reads its counts instead of its cases
    with pytest.raises(MetricsError, match="not a cohort metric"):
        cohort_outcomes(db.con, "employer_contacts", *Q1, as_of=A)


def _training(db: KpiDb, asiakas_id: str, kunta: str, end: str, unemployed: bool) -> None:
    db.client(asiakas_id, kunta)
    db.add("koulutukset", asiakas_id=asiakas_id, koulutus_id="K", laji="ammatillinen",
           alkupvm=d("1.10.2024"), loppupvm=d(end), suoritettu=True)  # fmt: skip
    if unemployed:  # a spell covering the follow-up date F = end + 3 months
        db.add("tilajaksot", asiakas_id=asiakas_id, tila="tyoton", alkupvm=d("1.1.2025"))


def _training_cases(db: KpiDb, kunta: str, ended: int, unemployed: int, pending: int) -> None:
    for i in range(ended + unemployed):  # ended in January: F in April, before A
        _training(db, f"{kunta}-r{i}", kunta, "10.1.2025", unemployed=i >= ended)
    for i in range(pending):  # ended in March: F in June, after A
        _training(db, f"{kunta}-p{i}", kunta, "20.3.2025", unemployed=False)


TRAINING = "training_unemployment_ended_3_months"


def _by_outcome(df: pl.DataFrame) -> dict[str, tuple[int | None, bool]]:
    return {r["outcome"]: (r["count"], r["count_suppressed"]) for r in df.iter_rows(named=True)}


def test_cohort_pending_the_card_shows_is_not_hidden_as_a_partner(db: KpiDb) -> None:
    """Rääkkylä: 6 left unemployment, 3 did not, 5 pending. The 3 needs a partner; it was the
    pending 5, which the card shows as "kesken 5" while the table said "<5"."""
    _training_cases(db, "Rääkkylä", ended=6, unemployed=3, pending=5)
    out = cohort_outcomes(db.con, TRAINING, *Q1, as_of=A, area="Rääkkylä", threshold=5)
    got = _by_outcome(out)
    kpi = suppress(db.table(*Q1, as_of=A, metric_ids=[TRAINING]))
    row = kpi.filter(pl.col("area") == "Rääkkylä").row(0, named=True)
    assert (row["pending"], row["pending_suppressed"]) == (5, False)
    assert got["pending"] == (5, False)  # the card's figure
    assert got["unemployed"] == (None, True)  # 3 is a small number
    assert got["unemployment_ended"] == (None, True)  # its partner within the resolved pair


def test_cohort_pending_the_kpi_hides_is_hidden_in_the_table_too(db: KpiDb) -> None:
    """Keski-Karjala: Kitee has 3 pending (hidden), so the KPI table hides Rääkkylä's 5 as
    its partner; the cohort table of Rääkkylä alone must not show the 5 the card hides."""
    _training_cases(db, "Kitee", ended=10, unemployed=10, pending=3)
    _training_cases(db, "Rääkkylä", ended=10, unemployed=10, pending=5)
    _training_cases(db, "Tohmajärvi", ended=10, unemployed=10, pending=0)
    kpi = suppress(db.table(*Q1, as_of=A, metric_ids=[TRAINING]))
    row = kpi.filter(pl.col("area") == "Rääkkylä").row(0, named=True)
    assert row["pending_suppressed"]
    out = cohort_outcomes(db.con, TRAINING, *Q1, as_of=A, area="Rääkkylä", threshold=5)
    got = _by_outcome(out)
    assert got["pending"] == (None, True)
    assert got["unemployment_ended"] == (10, False) and got["unemployed"] == (10, False)


def test_cohort_table_hides_the_resolved_cases_of_a_hidden_kpi_row(db: KpiDb) -> None:
    _training_cases(db, "Rääkkylä", ended=0, unemployed=3, pending=7)
    got = _by_outcome(cohort_outcomes(db.con, TRAINING, *Q1, as_of=A, area="Rääkkylä", threshold=5))
    assert got["unemployment_ended"] == (None, True)  # the KPI row (denominator 3) is hidden
    assert got["unemployed"] == (None, True)
    assert got["pending"] == (7, False)


def test_caseworkers_without_offers(db: KpiDb) -> None:
    add = db.add
    add("virkailijat", virkailija_id="V1", yksikko="henkiloasiakkaat", kunta="Joensuu")
    add("virkailijat", virkailija_id="V2", yksikko="tym", kunta="Joensuu", alkupvm=d("1.3.2025"))
    add("virkailijat", virkailija_id="V3", yksikko="tyonantajapalvelut", kunta="Joensuu")
    add("virkailijat", virkailija_id="V4", yksikko="kotouttaminen", kunta="Kitee",
        loppupvm=d("31.12.2024"))  # fmt: skip
    add("virkailijat", virkailija_id="V5", yksikko="kotouttaminen", kunta="Kitee")
    db.client("A", "Joensuu")
    db.event("A", "tyotarjous", d("3.1.2025"), virkailija_id="V1")
    db.event("A", "esittely", d("4.1.2025"), virkailija_id="V1")
    db.event("A", "tyotarjous", d("5.4.2025"), virkailija_id="V5")  # after the period
    people = caseworkers_without_offers(db.con, *Q1, as_of=A)
    assert people.select("virkailija_id", "offers").rows() == [("V5", 0), ("V2", 0), ("V1", 2)]
    assert set(people.columns) == {"level", "area", "yksikko", "kunta", "virkailija_id", "offers"}
    summary = caseworker_offer_summary(db.con, *Q1, as_of=A, level="palvelualue")
    got = {
        (r["area"], r["yksikko"]): (r["caseworkers"], r["without_offers"])
        for r in summary.iter_rows(named=True)
    }
    assert got == {("Joensuu", "henkiloasiakkaat"): (1, 0), ("Joensuu", "tym"): (1, 1),
                   ("Keski-Karjala", "kotouttaminen"): (1, 1)}  # fmt: skip
    kpi = kpi_row(db, "caseworkers_making_job_offers", "Pohjois-Karjala")
    assert kpi["denominator"] - kpi["numerator"] == 2
