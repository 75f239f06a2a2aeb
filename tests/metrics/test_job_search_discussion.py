"""The 3-monthly job-search discussion (docs/spec/METRICS.md): anchors, D = anchor + 3 months,
the case in the period of D, exclusions first. Every expected outcome is worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from metrics.breakdowns import cohort_outcomes
from tests.metrics.kpidb import KpiDb, d

METRIC = "job_search_discussion_every_3_months"
CLIENT = "K1"


def _outcomes(db: KpiDb, start: dt.date, end: dt.date, as_of: dt.date) -> dict[str, int]:
    out = cohort_outcomes(db.con, METRIC, start, end, as_of=as_of, level="koko_alue")
    return {r["outcome"]: r["count"] for r in out.iter_rows(named=True) if r["count"]}


def _client(
    db: KpiDb,
    *,
    search: tuple[dt.date, dt.date | None] | None = (d("1.1.2024"), None),
    spells: tuple[tuple[str, dt.date, dt.date | None], ...] = (("tyoton", d("1.1.2024"), None),),
) -> None:
    db.client(CLIENT, "Joensuu")
    if search is not None:
        db.add("tyonhakujaksot", asiakas_id=CLIENT, alkupvm=search[0], loppupvm=search[1])
    for tila, alku, loppu in spells:
        db.add("tilajaksot", asiakas_id=CLIENT, tila=tila, alkupvm=alku, loppupvm=loppu)


def test_on_time_by_d_and_late_the_day_after_at_a_month_end(db: KpiDb) -> None:
    """30.11.2025 + 3 months = 28.2.2026 (no 30 Feb): the next discussion on 28.2 is on time,
    and the one on 1.3.2026 is a late deed of that case."""
    _client(db)
    db.client("K2", "Lieksa")
    db.add("tyonhakujaksot", asiakas_id="K2", alkupvm=d("1.1.2024"))
    db.add("tilajaksot", asiakas_id="K2", tila="lomautettu", alkupvm=d("1.1.2024"))
    db.event(CLIENT, "alkuhaastattelu", d("30.11.2025"))
    db.event(CLIENT, "tyonhakukeskustelu", d("28.2.2026"))
    db.event("K2", "tyonhakukeskustelu", d("30.11.2025"))
    db.event("K2", "tyonhakukeskustelu", d("1.3.2026"))
    assert _outcomes(db, d("1.2.2026"), d("28.2.2026"), d("31.3.2026")) == {"on_time": 1, "late": 1}
    rows = db.kpi(METRIC, d("1.2.2026"), d("28.2.2026"), as_of=d("31.3.2026"))
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (1, 1)
    assert (rows["Lieksa"]["numerator"], rows["Lieksa"]["denominator"]) == (0, 1)


def test_a_29_february_deadline_and_its_period(db: KpiDb) -> None:
    """29.11.2027 + 3 months = 29.2.2028 (a leap day): the case is February's, not March's."""
    _client(db)
    db.event(CLIENT, "tyonhakukeskustelu", d("29.11.2027"))
    db.event(CLIENT, "tyonhakukeskustelu", d("29.2.2028"))
    assert _outcomes(db, d("1.2.2028"), d("29.2.2028"), d("31.3.2028")) == {"on_time": 1}
    # The next anchor's case (D = 29.5.2028) is still open: late once D < A.
    assert _outcomes(db, d("1.3.2028"), d("31.5.2028"), d("31.5.2028")) == {"late": 1}


def test_a_late_discussion_is_itself_the_next_anchor(db: KpiDb) -> None:
    """Interview 2.1.2025 (D 2.4), discussion 10.4 (late for the first case) whose own D is
    10.7; the next on 9.7 is on time for the second case."""
    _client(db)
    db.event(CLIENT, "alkuhaastattelu", d("2.1.2025"))
    db.event(CLIENT, "tyonhakukeskustelu", d("10.4.2025"))
    db.event(CLIENT, "tyonhakukeskustelu", d("9.7.2025"))
    assert _outcomes(db, d("1.4.2025"), d("30.4.2025"), d("31.12.2025")) == {"late": 1}
    assert _outcomes(db, d("1.7.2025"), d("31.7.2025"), d("31.12.2025")) == {"on_time": 1}


def test_two_anchors_on_the_same_day_are_one_case(db: KpiDb) -> None:
    _client(db)
    db.event(CLIENT, "alkuhaastattelu", d("2.6.2025"))
    db.event(CLIENT, "tyonhakukeskustelu", d("2.6.2025"))
    db.event(CLIENT, "tyonhakukeskustelu", d("1.9.2025"))
    assert _outcomes(db, d("1.9.2025"), d("30.9.2025"), d("31.12.2025")) == {"on_time": 1}


def test_other_event_types_are_no_anchor(db: KpiDb) -> None:
    """A supplementary discussion neither starts a case nor does the deed."""
    _client(db)
    db.event(CLIENT, "alkuhaastattelu", d("2.6.2025"))
    db.event(CLIENT, "taydentava_tyonhakukeskustelu", d("1.8.2025"))
    assert _outcomes(db, d("1.8.2025"), d("30.11.2025"), d("31.12.2025")) == {"late": 1}


# Anchor 2.6.2025 (D 2.9.2025), next discussion 1.9.2025 (in time) unless said otherwise.
EXCLUSIONS = [
    pytest.param(
        dict(
            spells=(("tyoton", d("1.1.2025"), d("31.8.2025")), ("palveluissa", d("1.9.2025"), None))
        ),
        "excluded",
        id="palveluissa-on-D-excluded-though-on-time",
    ),
    pytest.param(
        dict(spells=(("tyoton", d("1.1.2025"), d("1.9.2025")),)),
        "excluded",
        id="no-status-spell-on-D",
    ),
    pytest.param(
        dict(spells=(("lomautettu", d("1.1.2025"), d("2.9.2025")),)),
        "on_time",
        id="laid-off-until-D",
    ),
    pytest.param(dict(search=None), "excluded", id="anchor-in-no-job-search"),
    pytest.param(
        dict(search=(d("1.1.2025"), d("1.9.2025"))), "excluded", id="search-ended-before-D"
    ),
    pytest.param(dict(search=(d("1.1.2025"), d("2.9.2025"))), "on_time", id="search-ends-on-D"),
    pytest.param(dict(search=(d("3.6.2025"), None)), "excluded", id="search-began-after-anchor"),
]


@pytest.mark.parametrize(("setup", "expected"), EXCLUSIONS)
def test_exclusions_are_checked_first(db: KpiDb, setup: dict[str, object], expected: str) -> None:
    _client(db, **setup)  # type: ignore[arg-type]
    db.event(CLIENT, "alkuhaastattelu", d("2.6.2025"))
    db.event(CLIENT, "tyonhakukeskustelu", d("1.9.2025"))
    assert _outcomes(db, d("1.9.2025"), d("30.9.2025"), d("31.12.2025")) == {expected: 1}


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (d("1.9.2025"), {}),  # D = 2.9 is after A: the case is in no period yet (D > E)
        (d("2.9.2025"), {"pending": 1}),  # D = A: the only pending case
        (d("3.9.2025"), {"late": 1}),  # D < A without the deed
    ],
)
def test_pending_only_on_d_itself(db: KpiDb, as_of: dt.date, expected: dict[str, int]) -> None:
    _client(db)
    db.event(CLIENT, "alkuhaastattelu", d("2.6.2025"))
    db.event(CLIENT, "tyonhakukeskustelu", d("10.9.2025"))  # after every A above: not known
    assert _outcomes(db, d("1.9.2025"), d("30.9.2025"), as_of) == expected


def test_the_earliest_rule_row_also_covers_earlier_days(db: KpiDb) -> None:
    """The rule's first row starts on 1.1.2025; a deadline in 2024 (the year-earlier view)
    follows it all the same."""
    _client(db)
    db.event(CLIENT, "alkuhaastattelu", d("3.6.2024"))
    db.event(CLIENT, "tyonhakukeskustelu", d("2.9.2024"))
    assert _outcomes(db, d("1.9.2024"), d("30.9.2024"), d("31.12.2024")) == {"on_time": 1}
