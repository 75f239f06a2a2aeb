"""Immigrant services used, joint service points and ecosystem groups: the municipality
counts over the area's municipalities, worked out by hand."""

from __future__ import annotations

from tests.metrics.kpidb import KpiDb, d

YEAR = (d("1.1.2025"), d("31.12.2025"))


def test_immigrant_services_municipalities_used(db: KpiDb) -> None:
    db.client("A", "Joensuu")
    for provider, day in [
        ("Joensuu", "3.2.2025"),
        ("Joensuu", "4.2.2025"),
        ("Lieksa", "5.5.2025"),
        ("Kitee", "6.6.2025"),
        ("Nurmes", "2.1.2026"),
    ]:
        db.event("A", "osaamiskartoitus", d(day), tuottaja_kunta=provider)
    db.event("A", "alkuhaastattelu", d("3.2.2025"), tuottaja_kunta="Outokumpu", kanava="video")
    rows = db.kpi("immigrant_services_municipalities_used", *YEAR, as_of=d("31.1.2026"))
    whole = rows["Pohjois-Karjala"]
    assert (whole["numerator"], whole["denominator"], whole["status"]) == (3, 13, "off")
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (1, 1)
    assert (rows["Joensuun seutu"]["numerator"], rows["Joensuun seutu"]["denominator"]) == (0, 6)
    assert (rows["Keski-Karjala"]["numerator"], rows["Keski-Karjala"]["denominator"]) == (1, 3)
    assert (rows["Pielisen Karjala"]["numerator"], rows["Pielisen Karjala"]["denominator"]) == (
        1,
        3,
    )
    assert rows["Nurmes"]["value"] == 0.0 and rows["Outokumpu"]["value"] == 0.0
    assert rows["Joensuu"]["status"] == "ok"


def _service_points(db: KpiDb) -> None:
    special = {
        "Joensuu": ("1.1.2025", True),
        "Lieksa": ("1.6.2025", True),
        "Nurmes": (None, True),  # not operating yet
        "Kitee": ("1.1.2025", False),
    }
    for kunta in [
        "Joensuu",
        "Heinävesi",
        "Ilomantsi",
        "Kontiolahti",
        "Liperi",
        "Outokumpu",
        "Polvijärvi",
        "Kitee",
        "Rääkkylä",
        "Tohmajärvi",
        "Lieksa",
        "Nurmes",
    ]:
        since, youth = special.get(kunta, ("1.1.2025", False))  # Juuka has no row at all
        db.add(
            "palvelupisteet",
            kunta=kunta,
            toiminta_alkanut=d(since) if since else None,
            nuorten_yhteispalvelu=youth,
        )


def test_service_points_operating_and_with_youth_services(db: KpiDb) -> None:
    _service_points(db)
    q1 = db.kpi("service_points_operating", d("1.1.2025"), d("31.3.2025"), as_of=d("31.12.2025"))
    # Not operating on E = 31.3: Lieksa (from 1.6), Nurmes (no date), Juuka (no row).
    assert (q1["Pohjois-Karjala"]["numerator"], q1["Pohjois-Karjala"]["denominator"]) == (10, 13)
    assert (q1["Pielisen Karjala"]["numerator"], q1["Pielisen Karjala"]["denominator"]) == (0, 3)
    assert q1["Juuka"]["value"] == 0.0 and q1["Joensuu"]["value"] == 1.0
    h1 = db.kpi("service_points_operating", d("1.1.2025"), d("30.6.2025"), as_of=d("31.12.2025"))
    assert (h1["Pohjois-Karjala"]["numerator"], h1["Pielisen Karjala"]["numerator"]) == (11, 1)
    youth = db.kpi(
        "service_points_with_youth_services", d("1.1.2025"), d("31.3.2025"), as_of=d("31.12.2025")
    )
    assert (youth["Pohjois-Karjala"]["numerator"], youth["Pohjois-Karjala"]["denominator"]) == (
        1,
        13,
    )
    youth = db.kpi("service_points_with_youth_services", *YEAR, as_of=d("31.12.2025"))
    assert youth["Pohjois-Karjala"]["numerator"] == 2  # Joensuu and, from 1.6, Lieksa
    assert youth["Nurmes"]["value"] == 0.0  # youth services, but the point does not operate


def test_service_points_on_the_as_of_date_within_the_period(db: KpiDb) -> None:
    _service_points(db)
    rows = db.kpi("service_points_operating", *YEAR, as_of=d("31.5.2025"))
    assert rows["Lieksa"]["value"] == 0.0  # E = 31.5: Lieksa starts 1.6


def test_ecosystem_groups_started_whole_area_only(db: KpiDb) -> None:
    groups = [
        ("elinvoima", "15.2.2025"),
        ("hankinnat", "15.2.2025"),
        ("kansainvälinen", "1.6.2025"),
        ("oppiminen", None),
        ("toimintakyky", None),
        ("välityömarkkinat", None),
    ]
    for name, started in groups:
        db.add("tyoryhmat", ryhma=name, kaynnistynyt=d(started) if started else None)
    q1 = db.kpi("ecosystem_groups_started", d("1.1.2025"), d("31.3.2025"), as_of=d("31.12.2025"))
    assert list(q1) == ["Pohjois-Karjala"]  # no rows at palvelualue or kunta
    assert (q1["Pohjois-Karjala"]["numerator"], q1["Pohjois-Karjala"]["denominator"]) == (2, 6)
    year = db.kpi("ecosystem_groups_started", *YEAR, as_of=d("31.12.2025"))
    assert year["Pohjois-Karjala"]["numerator"] == 3 and year["Pohjois-Karjala"]["status"] == "off"
    early = db.kpi("ecosystem_groups_started", *YEAR, as_of=d("10.2.2025"))
    assert early["Pohjois-Karjala"]["value"] == 0.0


def test_ecosystem_groups_empty_register_gives_an_empty_value(db: KpiDb) -> None:
    rows = db.kpi("ecosystem_groups_started", *YEAR, as_of=d("31.12.2025"))
    assert rows["Pohjois-Karjala"]["denominator"] == 0 and rows["Pohjois-Karjala"]["value"] is None
