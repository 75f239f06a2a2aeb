"""Training outcome 3 months on, mean TYM length and clients per customer-service htv."""

from __future__ import annotations

import pytest

from tests.metrics.kpidb import KpiDb, d

TRAINING = "training_unemployment_ended_3_months"
H1 = (d("1.1.2025"), d("30.6.2025"))


def _trainings(db: KpiDb) -> None:
    def training(cid: str, kunta: str, end: str, completed: bool = True) -> None:
        db.client(cid, kunta)
        db.add(
            "koulutukset",
            asiakas_id=cid,
            koulutus_id=f"K-{cid}",
            laji="ammatillinen",
            alkupvm=d("1.1.2025"),
            loppupvm=d(end),
            suoritettu=completed,
        )

    def spell(cid: str, tila: str, start: str, end: str | None = None) -> None:
        db.add(
            "tilajaksot",
            asiakas_id=cid,
            tila=tila,
            alkupvm=d(start),
            loppupvm=d(end) if end else None,
        )

    # F = 31.8.2025. An unemployment spell ending on F covers F: not a success.
    training("K1", "Joensuu", "31.5.2025")
    spell("K1", "tyoton", "1.6.2025", "31.8.2025")
    # Unemployed until the day before F, employed on F: success.
    training("K2", "Joensuu", "31.5.2025")
    spell("K2", "tyoton", "1.6.2025", "30.8.2025")
    spell("K2", "tyollinen", "31.8.2025")
    # Laid off on F (28.5) counts as unemployed: not a success.
    training("K3", "Lieksa", "28.2.2025")
    spell("K3", "lomautettu", "1.3.2025")
    # No status spell at all on F: no longer a job seeker, success.
    training("K4", "Lieksa", "15.3.2025")
    # Interrupted: not in the cohort. Ended after the period: not in the cohort.
    training("K5", "Kitee", "10.4.2025", completed=False)
    training("K7", "Kitee", "1.7.2025")
    # In services on F = 30.9: success.
    training("K6", "Kitee", "30.6.2025")
    spell("K6", "palveluissa", "1.7.2025")


def test_training_unemployment_ended_3_months(db: KpiDb) -> None:
    _trainings(db)
    rows = db.kpi(TRAINING, *H1, as_of=d("31.12.2025"))
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (1, 2)
    assert (rows["Lieksa"]["numerator"], rows["Lieksa"]["denominator"]) == (1, 2)
    assert (rows["Kitee"]["numerator"], rows["Kitee"]["denominator"]) == (1, 1)
    whole = rows["Pohjois-Karjala"]
    assert (whole["numerator"], whole["denominator"], whole["pending"]) == (3, 5, 0)
    assert whole["value"] == 0.6 and whole["status"] == "ok"


def test_training_follow_up_pending_until_f(db: KpiDb) -> None:
    _trainings(db)
    rows = db.kpi(TRAINING, *H1, as_of=d("15.9.2025"))
    # K6's F = 30.9 is after A: pending. 2 of 4 = 50 %, the target is > 50 %: risk.
    assert (rows["Kitee"]["denominator"], rows["Kitee"]["pending"]) == (0, 1)
    whole = rows["Pohjois-Karjala"]
    assert (whole["numerator"], whole["denominator"], whole["pending"]) == (2, 4, 1)
    assert whole["status"] == "risk"


def test_tym_mean_duration_months(db: KpiDb) -> None:
    db.client("A", "Juuka")
    db.client("B", "Juuka")
    db.add(
        "palvelujaksot",
        asiakas_id="A",
        palvelu="tym",
        alkupvm=d("1.1.2024"),
        loppupvm=d("1.1.2025"),
    )  # 366 days (2024 is a leap year)
    db.add(
        "palvelujaksot",
        asiakas_id="B",
        palvelu="tym",
        alkupvm=d("1.3.2025"),
        loppupvm=d("31.8.2025"),
    )  # 183 days
    db.add("palvelujaksot", asiakas_id="A", palvelu="tym", alkupvm=d("2.1.2025"))  # open
    db.add(
        "palvelujaksot",
        asiakas_id="B",
        palvelu="peruspalvelut",
        alkupvm=d("1.1.2024"),
        loppupvm=d("28.2.2025"),
    )  # another service line
    rows = db.kpi("tym_mean_duration_months", d("1.1.2025"), d("31.12.2025"), as_of=d("31.1.2026"))
    whole = rows["Pohjois-Karjala"]
    assert whole["numerator"] == pytest.approx((366 + 183) / 30.4375)
    assert whole["denominator"] == 2
    assert whole["value"] == pytest.approx(549 / 2 / 30.4375)  # 9.02 months
    assert (whole["target_op"], whole["target_value"], whole["status"]) == ("<=", 18, "ok")


def test_clients_per_customer_service_htv(db: KpiDb) -> None:
    for cid, kunta, start, end in [
        ("C1", "Joensuu", "1.1.2025", None),
        ("C2", "Joensuu", "1.1.2025", "31.12.2025"),  # open on E (the last day counts)
        ("C3", "Joensuu", "1.1.2025", "30.12.2025"),  # ended the day before E
        ("C4", "Joensuu", "1.1.2026", None),  # starts after E
        ("C6", "Kitee", "1.6.2025", None),
    ]:
        db.client(cid, kunta)
        db.add("tyonhakujaksot", asiakas_id=cid, alkupvm=d(start), loppupvm=d(end) if end else None)
    rows = db.kpi(
        "clients_per_customer_service_htv", d("1.1.2025"), d("31.12.2025"), as_of=d("31.1.2026")
    )
    # Customer-service htv of 2025 (henkilosto_2025.csv): Joensuu 34 + 1 jokerityö + 13.8 TYM
    # + 6 kotoutus = 54.8; Kitee 4.4 + 1.1 + 1 + 1 jokerityö (maakunnallinen) = 7.5;
    # Keski-Karjala 7.5 + Rääkkylä 1.1 + Tohmajärvi 2.4 = 11.0; the whole area 103.0.
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (
        2,
        pytest.approx(54.8),
    )
    assert rows["Kitee"]["denominator"] == pytest.approx(7.5)
    assert rows["Keski-Karjala"]["value"] == pytest.approx(1 / 11.0)
    assert rows["Lieksa"]["value"] == 0.0 and rows["Lieksa"]["denominator"] == pytest.approx(7.8)
    whole = rows["Pohjois-Karjala"]
    assert whole["numerator"] == 3 and whole["denominator"] == pytest.approx(103.0)
    assert whole["target_op"] is None and whole["status"] is None
