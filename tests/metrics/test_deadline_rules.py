"""metrics.deadline_rules: the legal service-process rules as a dated table
(reference/maaraajat.csv): the rules in force in a period, the relation the SQL joins on,
the page's explanation of an empty rule-based metric, and a broken file naming its row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from common.reference import ReferenceError
from metrics.deadline_rules import (
    OPEN_END,
    OPEN_START,
    en_date,
    fi_date,
    load_rules,
    no_rule_message,
    rules_frame,
    rules_in_period,
)
from tests.metrics.kpidb import KpiDb, d

HEADER = "metric_id,voimassa_alkaen,voimassa_asti,raja,raja_jos_aiempi,tapahtumat,lahde\n"


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ("initial_contact_within_deadline,2025-02-01,2025-01-01,5,,alkuhaastattelu,a\n",
         "rivi/row 2, voimassa_asti"),  # ends before it starts
        ("initial_contact_within_deadline,2025-01-01,,viisi,,alkuhaastattelu,a\n",
         "rivi/row 2"),  # not a number
    ],
)  # fmt: skip
def test_a_broken_row_is_named(tmp_path: Path, rows: str, where: str) -> None:
    (tmp_path / "maaraajat.csv").write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(ReferenceError, match=where):
        load_rules(tmp_path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ReferenceError, match=r"maaraajat\.csv: tiedosto puuttuu / file is missing"):
        load_rules(tmp_path)


def test_the_relation_the_sql_joins_on(tmp_path: Path) -> None:
    (tmp_path / "maaraajat.csv").write_text(
        HEADER + "initial_contact_within_deadline,2025-01-01,,5,,"
        "alkuhaastattelu|taydentava_tyonhakukeskustelu,a\n",
        encoding="utf-8",
    )
    frame = rules_frame(tmp_path)
    assert frame.schema["tapahtumat"] == pl.List(pl.String)
    row = frame.row(0, named=True)
    assert row["voimassa_asti"] == OPEN_END and row["raja_jos_aiempi"] is None
    assert row["tapahtumat"] == ["alkuhaastattelu", "taydentava_tyonhakukeskustelu"]


def test_dates_in_each_language() -> None:
    assert fi_date(dt.date(2025, 3, 4)) == "4.3.2025"
    assert en_date(dt.date(2025, 12, 31)) == "31 Dec 2025"


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
