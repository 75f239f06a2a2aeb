"""Face-to-face shares and meetings outside the home municipality, worked out by hand."""

from __future__ import annotations

import pytest

from tests.metrics.kpidb import KpiDb, d

JAN = (d("1.1.2025"), d("31.1.2025"))


@pytest.fixture
def three_clients(db: KpiDb) -> KpiDb:
    db.client("A", "Joensuu")
    db.client("B", "Lieksa")
    db.client("C", "Kitee")
    return db


def test_initial_interviews_face_to_face(three_clients: KpiDb) -> None:
    db = three_clients
    db.event("A", "alkuhaastattelu", d("3.1.2025"), kanava="kasvokkain")
    db.event("A", "alkuhaastattelu", d("10.1.2025"), kanava="puhelin")
    db.event("B", "alkuhaastattelu", d("15.1.2025"), kanava="kasvokkain")
    db.event("C", "alkuhaastattelu", d("31.1.2025"), kanava="video")
    db.event("C", "alkuhaastattelu", d("1.2.2025"), kanava="kasvokkain")  # after the period
    db.event("B", "tyonhakukeskustelu", d("16.1.2025"), kanava="kasvokkain")  # another type
    rows = db.kpi("initial_interviews_face_to_face", *JAN, as_of=d("28.2.2025"))
    # Joensuu 1 of 2, Lieksa 1 of 1, Kitee 0 of 1; the whole area 2 of 4 = 50 % (target >= 75 %).
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (1, 2)
    assert rows["Lieksa"]["value"] == 1.0
    assert rows["Kitee"]["value"] == 0.0
    assert rows["Keski-Karjala"]["value"] == 0.0
    assert rows["Pielisen Karjala"]["value"] == 1.0
    whole = rows["Pohjois-Karjala"]
    assert (whole["numerator"], whole["denominator"], whole["value"]) == (2, 4, 0.5)
    assert (whole["target_op"], whole["target_value"], whole["status"]) == (">=", 0.75, "off")
    # An area with no cases: a row with an empty value and no status.
    assert rows["Joensuun seutu"]["denominator"] == 0
    assert rows["Joensuun seutu"]["value"] is None and rows["Joensuun seutu"]["status"] is None
    assert rows["Heinävesi"]["value"] is None


def test_the_period_ends_at_the_as_of_date(three_clients: KpiDb) -> None:
    db = three_clients
    db.event("A", "alkuhaastattelu", d("3.1.2025"), kanava="kasvokkain")
    db.event("C", "alkuhaastattelu", d("31.1.2025"), kanava="video")
    rows = db.kpi("initial_interviews_face_to_face", *JAN, as_of=d("20.1.2025"))
    # E = min(to, A) = 20.1: the interview of 31.1 is not yet in the period.
    assert rows["Pohjois-Karjala"]["denominator"] == 1
    assert rows["Pohjois-Karjala"]["status"] == "ok"


def test_job_search_discussions_count_both_kinds_together(three_clients: KpiDb) -> None:
    db = three_clients
    db.event("A", "tyonhakukeskustelu", d("7.1.2025"), kanava="kasvokkain")
    db.event("A", "taydentava_tyonhakukeskustelu", d("8.1.2025"), kanava="kasvokkain")
    db.event("B", "taydentava_tyonhakukeskustelu", d("9.1.2025"), kanava="puhelin")
    db.event("C", "tyonhakukeskustelu", d("9.1.2025"), kanava="verkko")
    db.event("C", "alkuhaastattelu", d("9.1.2025"), kanava="kasvokkain")  # not a discussion
    rows = db.kpi("job_search_discussions_face_to_face", *JAN, as_of=d("31.1.2025"))
    whole = rows["Pohjois-Karjala"]
    # 2 of 4 = exactly 50 %: the target is "> 50 %", so it misses by 0 pp -> risk.
    assert (whole["numerator"], whole["denominator"], whole["value"]) == (2, 4, 0.5)
    assert (whole["target_op"], whole["status"]) == (">", "risk")
    assert rows["Joensuu"]["value"] == 1.0 and rows["Joensuu"]["status"] == "ok"
    assert rows["Kitee"]["value"] == 0.0 and rows["Kitee"]["status"] == "off"


def test_meetings_outside_home_municipality(three_clients: KpiDb) -> None:
    db = three_clients
    db.event("A", "alkuhaastattelu", d("2.1.2025"), kanava="kasvokkain", palvelupiste="Liperi")
    db.event("A", "tyonhakukeskustelu", d("9.1.2025"), kanava="kasvokkain", palvelupiste="Joensuu")
    db.event("A", "tyonhakukeskustelu", d("9.1.2025"), kanava="puhelin", palvelupiste="Kontiolahti")
    db.event("B", "alkuhaastattelu", d("9.1.2025"), kanava="kasvokkain")  # no service point
    db.event(
        "C",
        "taydentava_tyonhakukeskustelu",
        d("9.1.2025"),
        kanava="kasvokkain",
        palvelupiste="Kitee",
    )
    db.event("C", "osaamiskartoitus", d("9.1.2025"), palvelupiste="Joensuu")  # not a meeting
    rows = db.kpi("meetings_outside_home_municipality", *JAN, as_of=d("31.1.2025"))
    # Joensuu's client met in Liperi once of 2; Kitee's client at home; Lieksa has none counted.
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (1, 2)
    assert rows["Kitee"]["value"] == 0.0
    assert rows["Lieksa"]["value"] is None
    whole = rows["Pohjois-Karjala"]
    assert (whole["numerator"], whole["denominator"]) == (1, 3)
    # A figure without a target: no target, no status.
    assert whole["target_op"] is None and whole["target_value"] is None and whole["status"] is None
