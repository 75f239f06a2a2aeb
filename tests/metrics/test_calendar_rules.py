"""Working days with Finnish holidays, calendar months, buckets and the dated rules table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest

from common.reference import ReferenceError
from metrics.deadline_rules import (
    OPEN_START,
    load_rules,
    no_rule_message,
    rules_frame,
    rules_in_period,
)
from metrics.working_days import buckets, calendar_frame, nth_working_day_after
from tests.metrics.kpidb import KpiDb, d


@pytest.mark.parametrize(
    ("start", "limit", "deadline"),
    [
        ("3.3.2025", 5, "10.3.2025"),  # docs/spec/METRICS.md's example
        ("18.4.2025", 5, "28.4.2025"),  # Good Friday; Easter Monday 21.4 a holiday
        ("17.4.2025", 5, "28.4.2025"),  # the Thursday before Easter
        ("19.6.2025", 5, "27.6.2025"),  # Midsummer Eve 20.6 a holiday
        ("20.6.2025", 5, "27.6.2025"),  # starting on Midsummer Eve itself
        ("23.12.2025", 5, "5.1.2026"),  # Christmas Eve, Christmas, Boxing Day, New Year
        ("5.1.2026", 10, "20.1.2026"),  # Epiphany 6.1
        ("29.11.2025", 5, "5.12.2025"),  # a Saturday start: Mon 1.12 is the first
    ],
)
def test_nth_working_day_after(start: str, limit: int, deadline: str) -> None:
    assert nth_working_day_after(d(start), limit) == d(deadline)
    cal = calendar_frame(2024, 2027)
    ordinal = dict(zip(cal["d"], cal["wd_ord"], strict=True))
    working = {day for day, w in zip(cal["d"], cal["is_working_day"], strict=True) if w}
    found = [day for day in working if ordinal[day] == ordinal[d(start)] + limit]
    assert found == [d(deadline)]


def test_midsummer_and_christmas_eves_are_not_working_days() -> None:
    cal = calendar_frame(2025, 2025)
    off = {day for day, w in zip(cal["d"], cal["is_working_day"], strict=True) if not w}
    assert {d("20.6.2025"), d("24.12.2025"), d("18.4.2025"), d("6.12.2025")} <= off
    assert d("19.6.2025") not in off


@pytest.mark.parametrize(
    ("start", "later"),
    [
        ("30.11.2025", "28.2.2026"),
        ("30.11.2023", "29.2.2024"),
        ("31.5.2025", "31.8.2025"),
        ("31.1.2025", "30.4.2025"),
        ("15.3.2025", "15.6.2025"),
    ],
)
def test_plus_three_calendar_months_clips_to_the_month_end(start: str, later: str) -> None:
    rows = (
        duckdb.connect()
        .sql("SELECT CAST($d + INTERVAL 3 MONTH AS DATE)", params={"d": d(start)})
        .fetchall()
    )
    assert rows[0][0] == d(later)


def test_weeks_and_months_are_clipped_to_the_period() -> None:
    weeks = buckets(d("1.1.2025"), d("31.1.2025"), "week")
    assert weeks == [
        (d("1.1.2025"), d("5.1.2025")),
        (d("6.1.2025"), d("12.1.2025")),
        (d("13.1.2025"), d("19.1.2025")),
        (d("20.1.2025"), d("26.1.2025")),
        (d("27.1.2025"), d("31.1.2025")),
    ]
    months = buckets(d("15.1.2025"), d("10.3.2025"), "month")
    assert months == [
        (d("15.1.2025"), d("31.1.2025")),
        (d("1.2.2025"), d("28.2.2025")),
        (d("1.3.2025"), d("10.3.2025")),
    ]
    assert buckets(d("1.1.2025"), d("31.12.2025"), "period") == [(d("1.1.2025"), d("31.12.2025"))]
    assert len(buckets(d("1.1.2025"), d("31.12.2025"), "week")) == 53


def test_the_rules_table_follows_the_law_and_the_plan() -> None:
    contact = rules_in_period("initial_contact_within_deadline", d("1.1.2025"), d("31.12.2026"))
    assert [(r.voimassa_alkaen, r.raja, r.tapahtumat) for r in contact] == [
        (d("1.1.2025"), 5, ("alkuhaastattelu", "taydentava_tyonhakukeskustelu")),
        (d("1.1.2026"), 10, ("alkuhaastattelu",)),
    ]
    series = rules_in_period(
        "supplementary_discussions_first_3_months", d("1.1.2025"), d("31.12.2025")
    )
    assert [(r.raja, r.raja_jos_aiempi, r.voimassa_asti) for r in series] == [
        (5, 4, d("31.12.2025"))
    ]
    assert (
        rules_in_period("supplementary_discussions_first_3_months", d("1.1.2026"), dt.date.max)
        == ()
    )
    three_monthly = rules_in_period(
        "job_search_discussion_every_3_months", d("1.1.2025"), d("31.12.2026")
    )
    assert [(r.voimassa_alkaen, r.raja, r.tapahtumat) for r in three_monthly] == [
        (d("1.1.2025"), 3, ("alkuhaastattelu", "tyonhakukeskustelu"))
    ]
    assert len(load_rules()) == 4


def test_an_overlapping_rule_is_an_error_naming_the_row(tmp_path: Path) -> None:
    (tmp_path / "maaraajat.csv").write_text(
        "metric_id,voimassa_alkaen,voimassa_asti,raja,raja_jos_aiempi,tapahtumat,lahde\n"
        "initial_contact_within_deadline,2025-01-01,,5,,alkuhaastattelu,a\n"
        "initial_contact_within_deadline,2026-01-01,,10,,alkuhaastattelu,b\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceError, match="rivi/row 3"):
        load_rules(tmp_path)


def test_an_unknown_event_type_in_a_rule_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "maaraajat.csv").write_text(
        "metric_id,voimassa_alkaen,voimassa_asti,raja,raja_jos_aiempi,tapahtumat,lahde\n"
        "initial_contact_within_deadline,2025-01-01,,5,,haastattelu,a\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceError, match="rivi/row 2"):
        load_rules(tmp_path)


def test_a_page_can_say_why_a_rule_based_metric_is_empty() -> None:
    metric = "supplementary_discussions_first_3_months"
    fi, en = no_rule_message(metric, d("1.1.2026"), d("31.10.2026")) or ("", "")
    assert "31.12.2025" in fi and "31 Dec 2025" in en  # each language's own date format
    assert no_rule_message(metric, d("1.12.2025"), d("31.1.2026")) is None  # partly in force
    assert no_rule_message("initial_contact_within_deadline", d("1.1.2027"), d("2.1.2027")) is None
    assert no_rule_message("employer_contacts", d("1.1.2026"), d("2.1.2026")) is None
    # each rule's earliest row also applies before its voimassa_alkaen: 2024 has a rule
    assert no_rule_message(metric, d("1.1.2024"), d("31.12.2024")) is None


def test_each_rules_earliest_row_also_applies_to_the_days_before_it() -> None:
    """The year-earlier view of 2025 reaches into 2024 (docs/spec/METRICS.md)."""
    contact = rules_in_period("initial_contact_within_deadline", d("1.1.2024"), d("31.12.2024"))
    assert [(r.voimassa_alkaen, r.raja) for r in contact] == [(d("1.1.2025"), 5)]
    frame = rules_frame().filter(pl.col("metric_id") == "initial_contact_within_deadline")
    assert frame["voimassa_alkaen"].to_list() == [OPEN_START, d("1.1.2026")]


def test_a_job_search_of_2024_follows_the_earliest_rule() -> None:
    db = KpiDb()
    db.client("A", "Joensuu")
    db.add("tyonhakujaksot", asiakas_id="A", alkupvm=d("4.3.2024"))  # Monday: D = Mon 11.3.2024
    db.event("A", "taydentava_tyonhakukeskustelu", d("11.3.2024"), kanava="puhelin")
    rows = db.kpi("initial_contact_within_deadline", d("1.3.2024"), d("31.3.2024"),
                  as_of=d("31.12.2024"))  # fmt: skip
    assert (rows["Joensuu"]["numerator"], rows["Joensuu"]["denominator"]) == (1, 1)
