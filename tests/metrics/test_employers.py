"""Vacancy fill time, employer contacts (with the pro-rated yearly target) and caseworkers'
job offers, worked out by hand."""

from __future__ import annotations

import pytest

from tests.metrics.kpidb import KpiDb, d

JAN = (d("1.1.2025"), d("31.1.2025"))


def test_vacancy_fill_time_days(db: KpiDb) -> None:
    def vacancy(kunta: str, published: str, closed: str, outcome: str, positions: int = 1) -> None:
        db.add(
            "tyopaikat",
            kunta=kunta,
            julkaistu=d(published),
            sulkeutunut=d(closed),
            tulos=outcome,
            paikkoja=positions,
            tyopaikka_id=f"{kunta}-{published}-{closed}",
        )

    vacancy("Joensuu", "2.1.2025", "22.1.2025", "taytetty")  # 20 days
    vacancy("Joensuu", "1.12.2024", "31.1.2025", "taytetty")  # 61 days
    vacancy("Lieksa", "5.1.2025", "20.1.2025", "ei_taytetty")  # not filled: not counted
    vacancy("Lieksa", "5.1.2025", "1.2.2025", "taytetty")  # closed after the period
    vacancy("Lieksa", "10.1.2025", "31.1.2025", "taytetty", positions=3)  # 21 days, one vacancy
    db.add("tyopaikat", tyopaikka_id="open", kunta="Lieksa", julkaistu=d("3.1.2025"))  # still open
    rows = db.kpi("vacancy_fill_time_days", *JAN, as_of=d("28.2.2025"))
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (81, 2)
    assert rows["Joensuu"]["value"] == 40.5
    assert rows["Lieksa"]["value"] == 21 and rows["Lieksa"]["status"] == "ok"  # < 22
    whole = rows["Pohjois-Karjala"]
    assert (whole["numerator"], whole["denominator"], whole["value"]) == (102, 3, 34)
    assert (whole["target_op"], whole["target_value"], whole["status"]) == ("<", 22, "off")
    assert whole["pending"] is None


def _contacts(db: KpiDb, kunta: str, n: int, first: str, days: int) -> None:
    db.con.execute(
        "INSERT INTO yrityskontaktit (kontakti_id, tyonantaja_id, pvm, kunta) "
        "SELECT ? || i, 'Y' || (i % 7), ?::DATE + CAST(i % ? AS INTEGER), ? FROM range(?) t(i)",
        [f"{kunta}-{first}-", d(first), days, kunta, n],
    )


# Q1 2025 has 90 days, of which 59 (Jan + Feb) have elapsed on A = 28.2.2025.
# target_value = 2500 * 90 / 365; compared with 2500 * 59 / 365 = 404.11, tolerance 10 % = 40.41.
Q1 = (d("1.1.2025"), d("31.3.2025"))
Q1_TARGET = 2500 * 90 / 365


@pytest.mark.parametrize(
    ("joensuu", "status"),
    [
        (335, "ok"),  # 335 + 70 = 405 > 404.11
        (300, "risk"),  # 370: misses by 34.1 <= 40.41
        (294, "risk"),  # 364: misses by 40.11
        (293, "off"),  # 363: misses by 41.11
    ],
)
def test_employer_contacts_count_and_prorated_target(db: KpiDb, joensuu: int, status: str) -> None:
    _contacts(db, "Joensuu", joensuu, "1.1.2025", 59)
    _contacts(db, "Kitee", 70, "1.1.2025", 59)
    _contacts(db, "Kitee", 5, "1.3.2025", 10)  # after A: outside [from, E]
    rows = db.kpi("employer_contacts", *Q1, as_of=d("28.2.2025"))
    whole = rows["Pohjois-Karjala"]
    assert whole["value"] == whole["numerator"] == joensuu + 70
    assert whole["denominator"] is None and whole["pending"] is None
    assert whole["target_op"] == ">"
    assert whole["target_value"] == pytest.approx(Q1_TARGET)
    assert whole["status"] == status
    # The count exists per area; the target is the whole area's only.
    assert rows["Joensuu"]["value"] == joensuu and rows["Kitee"]["value"] == 70
    assert rows["Keski-Karjala"]["value"] == 70
    assert rows["Heinävesi"]["value"] == 0  # a count of none is 0, not empty
    assert rows["Joensuu"]["target_value"] is None and rows["Joensuu"]["status"] is None


def test_employer_contacts_whole_year_target(db: KpiDb) -> None:
    _contacts(db, "Nurmes", 10, "1.6.2025", 30)
    rows = db.kpi("employer_contacts", d("1.1.2025"), d("31.12.2025"), as_of=d("31.1.2026"))
    assert rows["Pohjois-Karjala"]["target_value"] == 2500
    assert rows["Pohjois-Karjala"]["status"] == "off"


def test_caseworkers_making_job_offers(db: KpiDb) -> None:
    def worker(
        vid: str, unit: str, kunta: str, start: str | None = None, end: str | None = None
    ) -> None:
        db.add(
            "virkailijat",
            virkailija_id=vid,
            yksikko=unit,
            kunta=kunta,
            alkupvm=d(start) if start else None,
            loppupvm=d(end) if end else None,
        )

    db.client("X", "Joensuu")
    worker("W1", "henkiloasiakkaat", "Joensuu")
    db.event("X", "tyotarjous", d("10.1.2025"), virkailija_id="W1")
    worker("W2", "tym", "Joensuu", start="1.1.2025")  # no offers
    worker("W3", "kotouttaminen", "Joensuu", end="31.12.2024")  # left before the period
    db.event("X", "tyotarjous", d("10.12.2024"), virkailija_id="W3")
    worker("W4", "tyonantajapalvelut", "Joensuu")  # not customer work
    db.event("X", "tyopaikkatiedote", d("10.1.2025"), virkailija_id="W4")
    worker("W5", "henkiloasiakkaat", "Lieksa", start="31.1.2025")  # one day in the role
    db.event("X", "esittely", d("31.1.2025"), virkailija_id="W5")
    worker("W6", "henkiloasiakkaat", "Lieksa")
    db.event("X", "tyotarjous", d("1.2.2025"), virkailija_id="W6")  # after the period
    db.event("X", "alkuhaastattelu", d("9.1.2025"), virkailija_id="W6", kanava="puhelin")
    worker("W7", "henkiloasiakkaat", "Kitee", start="1.2.2025")  # not yet in the role
    rows = db.kpi("caseworkers_making_job_offers", *JAN, as_of=d("28.2.2025"))
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (1, 2)
    assert (rows["Lieksa"]["numerator"], rows["Lieksa"]["denominator"]) == (1, 2)
    assert rows["Kitee"]["value"] is None  # no caseworker in the role: empty
    whole = rows["Pohjois-Karjala"]
    assert (whole["numerator"], whole["denominator"], whole["status"]) == (2, 4, "off")
    # E = 20.1: W5's role has not begun by then.
    rows = db.kpi("caseworkers_making_job_offers", *JAN, as_of=d("20.1.2025"))
    assert (rows["Lieksa"]["numerator"], rows["Lieksa"]["denominator"]) == (0, 1)
    assert (rows["Pohjois-Karjala"]["numerator"], rows["Pohjois-Karjala"]["denominator"]) == (1, 3)
