"""Deadline cohorts (TYM assessment, integration plan, initial contact, supplementary
discussions): every expected value below is worked out by hand from the calendar."""

from __future__ import annotations

from tests.metrics.kpidb import KpiDb, d

TYM = "tym_assessment_within_3_months"
PLAN = "integration_plan_within_30_days"
CONTACT = "initial_contact_within_deadline"
SUPPLEMENTARY = "supplementary_discussions_first_3_months"


def _counts(row: dict[str, object]) -> tuple[object, object, object]:
    return row["numerator"], row["denominator"], row["pending"]


# --- TYM service-need assessment within 3 calendar months -------------------------------


def _tym_cases(db: KpiDb) -> None:
    for cid, kunta in [
        ("T1", "Joensuu"),
        ("T2", "Joensuu"),
        ("T3", "Lieksa"),
        ("T4", "Lieksa"),
        ("T5", "Kitee"),
        ("T6", "Kitee"),
    ]:
        db.client(cid, kunta)
    # 31 May + 3 months = 31 Aug (exists). Done on the deadline is on time; a day later is late.
    db.add("palvelujaksot", asiakas_id="T1", palvelu="tym", alkupvm=d("31.5.2025"))
    db.event("T1", "palvelutarpeen_arviointi", d("31.8.2025"))
    db.add("palvelujaksot", asiakas_id="T2", palvelu="tym", alkupvm=d("31.5.2025"))
    db.event("T2", "palvelutarpeen_arviointi", d("1.9.2025"))
    # Ended 20.8 before D = 2.9 with no assessment: excluded.
    db.add(
        "palvelujaksot",
        asiakas_id="T3",
        palvelu="tym",
        alkupvm=d("2.6.2025"),
        loppupvm=d("20.8.2025"),
    )
    # An assessment before the customership does not count: no deed, late once D < A.
    db.add("palvelujaksot", asiakas_id="T4", palvelu="tym", alkupvm=d("2.6.2025"))
    db.event("T4", "palvelutarpeen_arviointi", d("1.6.2025"))
    # An assessment after the customership ended does not count: ended 10.7 < D 3.9, excluded.
    db.add(
        "palvelujaksot",
        asiakas_id="T5",
        palvelu="tym",
        alkupvm=d("3.6.2025"),
        loppupvm=d("10.7.2025"),
    )
    db.event("T5", "palvelutarpeen_arviointi", d("15.7.2025"))
    # No assessment, still open; D = 30.9.
    db.add("palvelujaksot", asiakas_id="T6", palvelu="tym", alkupvm=d("30.6.2025"))
    # Not in the cohort: another service line, and a TYM customership after the period.
    db.add("palvelujaksot", asiakas_id="T6", palvelu="peruspalvelut", alkupvm=d("1.6.2025"))
    db.add("palvelujaksot", asiakas_id="T1", palvelu="tym", alkupvm=d("1.7.2025"))


def test_tym_assessment_resolved_long_after(db: KpiDb) -> None:
    _tym_cases(db)
    rows = db.kpi(TYM, d("1.5.2025"), d("30.6.2025"), as_of=d("31.10.2025"))
    assert _counts(rows["Joensuu"]) == (1, 2, 0)  # T1 on time, T2 late
    assert _counts(rows["Lieksa"]) == (0, 1, 0)  # T3 excluded, T4 late
    assert _counts(rows["Kitee"]) == (0, 1, 0)  # T5 excluded, T6 late (D 30.9 < A)
    whole = rows["Pohjois-Karjala"]
    assert _counts(whole) == (1, 4, 0) and whole["value"] == 0.25 and whole["status"] == "off"


def test_tym_assessment_pending_at_the_deadline_day(db: KpiDb) -> None:
    _tym_cases(db)
    rows = db.kpi(TYM, d("1.5.2025"), d("30.6.2025"), as_of=d("31.8.2025"))
    # A = 31.8: T1 done on A (on time); T2's deed is after A and D = A has not passed: pending;
    # T3 and T5 excluded; T4 (D 2.9) and T6 (D 30.9) pending.
    assert _counts(rows["Joensuu"]) == (1, 1, 1)
    assert _counts(rows["Lieksa"]) == (0, 0, 1) and rows["Lieksa"]["value"] is None
    assert _counts(rows["Pohjois-Karjala"]) == (1, 1, 3)
    assert rows["Pohjois-Karjala"]["value"] == 1.0 and rows["Pohjois-Karjala"]["status"] == "ok"


def test_tym_assessment_plus_3_months_from_30_november_clips_to_february(db: KpiDb) -> None:
    db.client("N1", "Outokumpu")
    db.client("N2", "Outokumpu")
    db.client("N3", "Outokumpu")
    for cid in ("N1", "N2"):
        db.add("palvelujaksot", asiakas_id=cid, palvelu="tym", alkupvm=d("30.11.2025"))
    db.event("N1", "palvelutarpeen_arviointi", d("28.2.2026"))  # D = 28.2.2026: on time
    db.event("N2", "palvelutarpeen_arviointi", d("1.3.2026"))  # late
    rows = db.kpi(TYM, d("1.11.2025"), d("30.11.2025"), as_of=d("31.3.2026"))
    assert _counts(rows["Outokumpu"]) == (1, 2, 0)
    # In a leap year 30 Nov + 3 months = 29 Feb.
    db.add("palvelujaksot", asiakas_id="N3", palvelu="tym", alkupvm=d("30.11.2027"))
    db.event("N3", "palvelutarpeen_arviointi", d("29.2.2028"))
    rows = db.kpi(TYM, d("1.11.2027"), d("30.11.2027"), as_of=d("31.3.2028"))
    assert _counts(rows["Outokumpu"]) == (1, 1, 0)


# --- Integration plan in under 30 days ----------------------------------------------------


def _plan_cases(db: KpiDb) -> None:
    for cid, kunta in [
        ("K1", "Joensuu"),
        ("K2", "Joensuu"),
        ("K3", "Outokumpu"),
        ("K4", "Outokumpu"),
        ("K6", "Liperi"),
    ]:
        db.client(cid, kunta)
    db.add("palvelujaksot", asiakas_id="K1", palvelu="kotoutuminen", alkupvm=d("1.3.2025"))
    db.event("K1", "kotoutumissuunnitelma", d("30.3.2025"))  # day 29: on time
    db.add("palvelujaksot", asiakas_id="K2", palvelu="kotoutuminen", alkupvm=d("1.3.2025"))
    db.event("K2", "kotoutumissuunnitelma", d("31.3.2025"))  # day 30: late
    db.add(
        "palvelujaksot",
        asiakas_id="K3",
        palvelu="kotoutuminen",
        alkupvm=d("3.3.2025"),
        loppupvm=d("20.3.2025"),
    )  # ended before day 30 with no plan: excluded
    db.add("palvelujaksot", asiakas_id="K4", palvelu="kotoutuminen", alkupvm=d("31.3.2025"))
    db.event("K4", "kotoutumissuunnitelma", d("30.3.2025"))  # before the start: not counted
    db.add("palvelujaksot", asiakas_id="K6", palvelu="kotoutuminen", alkupvm=d("10.3.2025"))
    db.event("K6", "kotoutumissuunnitelma", d("10.3.2025"))  # the same day: wait 0


def test_integration_plan_day_29_on_time_day_30_late(db: KpiDb) -> None:
    _plan_cases(db)
    rows = db.kpi(PLAN, d("1.3.2025"), d("31.3.2025"), as_of=d("30.4.2025"))
    assert _counts(rows["Joensuu"]) == (1, 2, 0)
    # K4: no plan, A = 30.4 = alkupvm + 30 -> resolved (A >= alkupvm + 30) and late.
    assert _counts(rows["Outokumpu"]) == (0, 1, 0)
    assert _counts(rows["Liperi"]) == (1, 1, 0)
    assert _counts(rows["Joensuun seutu"]) == (1, 2, 0)
    whole = rows["Pohjois-Karjala"]
    assert _counts(whole) == (2, 4, 0) and whole["value"] == 0.5 and whole["status"] == "off"


def test_integration_plan_pending_the_day_before_day_30(db: KpiDb) -> None:
    _plan_cases(db)
    rows = db.kpi(PLAN, d("1.3.2025"), d("31.3.2025"), as_of=d("29.4.2025"))
    assert _counts(rows["Outokumpu"]) == (0, 0, 1) and rows["Outokumpu"]["value"] is None
    assert _counts(rows["Pohjois-Karjala"]) == (2, 3, 1)


# --- Initial contact within the legal number of working days ------------------------------


def test_initial_contact_working_days_over_easter_midsummer_and_christmas(db: KpiDb) -> None:
    cases = [
        # client, kunta, search start, search end, contacts (type, date)
        ("S1", "Joensuu", "3.3.2025", None, [("alkuhaastattelu", "10.3.2025")]),  # D 10.3
        ("S2", "Joensuu", "3.3.2025", None, [("alkuhaastattelu", "11.3.2025")]),  # late
        # Good Friday 18.4.2025: D = 28.4 (Easter Monday 21.4 is a holiday too).
        ("S3", "Lieksa", "18.4.2025", None, [("taydentava_tyonhakukeskustelu", "28.4.2025")]),
        ("S4", "Lieksa", "17.4.2025", None, [("alkuhaastattelu", "29.4.2025")]),  # D 28.4: late
        # Thursday before Midsummer Eve 20.6.2025: D = Fri 27.6 (26.6 without the holiday).
        ("S5", "Kitee", "19.6.2025", None, [("alkuhaastattelu", "27.6.2025")]),
        # Christmas: 24-26.12 and 1.1 are holidays: from 23.12.2025, D = Mon 5.1.2026.
        ("S6", "Kitee", "23.12.2025", None, [("alkuhaastattelu", "5.1.2026")]),
        ("S7", "Kitee", "23.12.2025", None, [("alkuhaastattelu", "7.1.2026")]),
        # The search ended before D with no contact: excluded.
        ("S8", "Nurmes", "3.3.2025", "7.3.2025", []),
        # Ended before D but contacted first: on time.
        ("S9", "Nurmes", "3.3.2025", "7.3.2025", [("alkuhaastattelu", "6.3.2025")]),
        # A contact before the search and a discussion of another type do not count: late.
        (
            "S10",
            "Nurmes",
            "3.3.2025",
            None,
            [("alkuhaastattelu", "2.3.2025"), ("tyonhakukeskustelu", "4.3.2025")],
        ),
    ]
    for cid, kunta, start, end, contacts in cases:
        db.client(cid, kunta)
        db.add("tyonhakujaksot", asiakas_id=cid, alkupvm=d(start), loppupvm=d(end) if end else None)
        for tyyppi, pvm in contacts:
            db.event(cid, tyyppi, d(pvm), kanava="kasvokkain")
    rows = db.kpi(CONTACT, d("1.1.2025"), d("31.12.2025"), as_of=d("31.1.2026"))
    assert _counts(rows["Joensuu"]) == (1, 2, 0)
    assert _counts(rows["Lieksa"]) == (1, 2, 0)
    assert _counts(rows["Kitee"]) == (2, 3, 0)
    assert _counts(rows["Nurmes"]) == (1, 2, 0)
    assert _counts(rows["Pielisen Karjala"]) == (2, 4, 0)
    assert _counts(rows["Pohjois-Karjala"]) == (5, 9, 0)
    assert rows["Joensuun seutu"]["value"] is None  # an area with no cases


def test_initial_contact_across_the_2025_2026_rule_change(db: KpiDb) -> None:
    cases = [
        # 2025 rule: 5 working days, a supplementary discussion counts. 1.12 -> D = 8.12.
        ("R1", [("taydentava_tyonhakukeskustelu", "8.12.2025")], "1.12.2025"),
        # 2026 rule: 10 working days, only the initial interview. 5.1.2026 -> D = 20.1
        # (Epiphany 6.1 is a holiday). The supplementary discussion of 7.1 does not count.
        (
            "R2",
            [("taydentava_tyonhakukeskustelu", "7.1.2026"), ("alkuhaastattelu", "20.1.2026")],
            "5.1.2026",
        ),
        ("R3", [("taydentava_tyonhakukeskustelu", "7.1.2026")], "5.1.2026"),  # late
        # 12.1.2026 -> D = 26.1; 21.1 is on time (it would be late under the 5-day rule).
        ("R4", [("alkuhaastattelu", "21.1.2026")], "12.1.2026"),
    ]
    for cid, contacts, start in cases:
        db.client(cid, "Juuka")
        db.add("tyonhakujaksot", asiakas_id=cid, alkupvm=d(start))
        for tyyppi, pvm in contacts:
            db.event(cid, tyyppi, d(pvm), kanava="puhelin")
    rows = db.kpi(CONTACT, d("1.12.2025"), d("31.1.2026"), as_of=d("28.2.2026"))
    assert _counts(rows["Juuka"]) == (3, 4, 0)
    assert rows["Juuka"]["value"] == 0.75


def test_initial_contact_pending_until_the_deadline_has_passed(db: KpiDb) -> None:
    db.client("P1", "Ilomantsi")
    db.client("P2", "Ilomantsi")
    db.add("tyonhakujaksot", asiakas_id="P1", alkupvm=d("2.3.2026"))  # D = 16.3.2026
    db.add("tyonhakujaksot", asiakas_id="P2", alkupvm=d("2.3.2026"))
    db.event("P2", "alkuhaastattelu", d("10.3.2026"), kanava="video")
    period = (d("1.3.2026"), d("31.3.2026"))
    assert _counts(db.kpi(CONTACT, *period, as_of=d("10.3.2026"))["Ilomantsi"]) == (1, 1, 1)
    assert _counts(db.kpi(CONTACT, *period, as_of=d("16.3.2026"))["Ilomantsi"]) == (1, 1, 1)
    assert _counts(db.kpi(CONTACT, *period, as_of=d("17.3.2026"))["Ilomantsi"]) == (1, 2, 0)


# --- Supplementary discussions in the 3 months after the initial interview ----------------


def _supplementary_cases(db: KpiDb) -> None:
    def client(
        cid: str, kunta: str, search: str, spells: list[tuple[str, str, str | None]]
    ) -> None:
        db.client(cid, kunta)
        db.add("tyonhakujaksot", asiakas_id=cid, alkupvm=d(search))
        for tila, start, end in spells:
            db.add(
                "tilajaksot",
                asiakas_id=cid,
                tila=tila,
                alkupvm=d(start),
                loppupvm=d(end) if end else None,
            )

    def discussions(cid: str, *days: str) -> None:
        for day in days:
            db.event(cid, "taydentava_tyonhakukeskustelu", d(day), kanava="puhelin")

    # U1: interview 10.1, W = (10.1, 10.4]; five discussions, the last on 10.4: on time.
    client("U1", "Joensuu", "1.1.2025", [("tyoton", "1.1.2025", None)])
    db.event("U1", "alkuhaastattelu", d("10.1.2025"), kanava="kasvokkain")
    discussions("U1", "20.1.2025", "20.2.2025", "20.3.2025", "1.4.2025", "10.4.2025")
    # U2: the fifth on 11.4 is outside W: 4 of the 5 required, late.
    client("U2", "Joensuu", "1.1.2025", [("tyoton", "1.1.2025", None)])
    db.event("U2", "alkuhaastattelu", d("10.1.2025"), kanava="kasvokkain")
    discussions("U2", "20.1.2025", "20.2.2025", "20.3.2025", "1.4.2025", "11.4.2025")
    # U3: laid off; a discussion before the interview in the same job search: 4 required.
    client("U3", "Liperi", "1.1.2025", [("lomautettu", "1.1.2025", None)])
    discussions("U3", "5.1.2025")
    db.event("U3", "alkuhaastattelu", d("8.1.2025"), kanava="kasvokkain")
    discussions("U3", "15.1.2025", "15.2.2025", "15.3.2025", "8.4.2025")
    # U4: employed on the interview day: not in the cohort.
    client(
        "U4",
        "Liperi",
        "1.1.2025",
        [("tyoton", "1.1.2025", "31.1.2025"), ("tyollinen", "1.2.2025", None)],
    )
    db.event("U4", "alkuhaastattelu", d("3.2.2025"), kanava="kasvokkain")
    # U5: employed on the last day of W (5.5): excluded.
    client(
        "U5",
        "Kitee",
        "1.2.2025",
        [("tyoton", "1.2.2025", "31.3.2025"), ("tyollinen", "1.4.2025", None)],
    )
    db.event("U5", "alkuhaastattelu", d("5.2.2025"), kanava="kasvokkain")
    # U6: interview 30.11.2025, W ends 28.2.2026 (clipped); five in W, two of them in 2026.
    client("U6", "Kitee", "1.11.2025", [("tyoton", "1.11.2025", None)])
    db.event("U6", "alkuhaastattelu", d("30.11.2025"), kanava="kasvokkain")
    discussions("U6", "1.12.2025", "15.12.2025", "1.1.2026", "1.2.2026", "28.2.2026")
    # U7: a discussion in an earlier job search does not lower the requirement: 4 of 5, late.
    db.client("U7", "Nurmes")
    db.add("tyonhakujaksot", asiakas_id="U7", alkupvm=d("1.1.2025"), loppupvm=d("31.1.2025"))
    db.add("tyonhakujaksot", asiakas_id="U7", alkupvm=d("1.3.2025"))
    db.add("tilajaksot", asiakas_id="U7", tila="tyoton", alkupvm=d("1.1.2025"))
    discussions("U7", "10.1.2025")
    db.event("U7", "alkuhaastattelu", d("5.3.2025"), kanava="kasvokkain")
    discussions("U7", "10.3.2025", "10.4.2025", "10.5.2025", "1.6.2025")


def test_supplementary_discussions_resolved(db: KpiDb) -> None:
    _supplementary_cases(db)
    rows = db.kpi(SUPPLEMENTARY, d("1.1.2025"), d("31.12.2025"), as_of=d("31.10.2026"))
    assert _counts(rows["Joensuu"]) == (1, 2, 0)
    assert _counts(rows["Liperi"]) == (1, 1, 0)
    assert _counts(rows["Kitee"]) == (1, 1, 0)
    assert _counts(rows["Nurmes"]) == (0, 1, 0)
    assert _counts(rows["Pohjois-Karjala"]) == (3, 5, 0)


def test_supplementary_discussions_pending_until_the_window_ends(db: KpiDb) -> None:
    _supplementary_cases(db)
    rows = db.kpi(SUPPLEMENTARY, d("1.1.2025"), d("31.12.2025"), as_of=d("9.4.2025"))
    # Only U3's window (ends 8.4) has closed; U1, U2, U5, U7 pending; U6 not yet interviewed.
    assert _counts(rows["Pohjois-Karjala"]) == (1, 1, 4)


def test_supplementary_discussions_have_no_cohort_after_2025(db: KpiDb) -> None:
    _supplementary_cases(db)
    db.event("U1", "alkuhaastattelu", d("15.1.2026"), kanava="kasvokkain")
    rows = db.kpi(SUPPLEMENTARY, d("1.1.2026"), d("31.10.2026"), as_of=d("31.10.2026"))
    assert _counts(rows["Pohjois-Karjala"]) == (0, 0, 0)
    assert rows["Pohjois-Karjala"]["value"] is None and rows["Pohjois-Karjala"]["status"] is None
