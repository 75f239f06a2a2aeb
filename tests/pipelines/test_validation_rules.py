"""pipelines.validation_rules: each rule of one export as a polars check, on frames of a few
rows holding both the file's text (``c0``, ``c1``, …) and the converted columns. Messages
name the row and column; a client's id is never quoted."""

from __future__ import annotations

from datetime import date

import polars as pl

from pipelines.checks import run_checks
from pipelines.exports import SPECS_BY_NAME
from pipelines.validation_report import ValidationReport
from pipelines.validation_rules import (
    ANALYSIS_START,
    ValidationContext,
    cell_checks,
    outside_years,
    overlaps,
    range_checks,
    row_checks,
)

LIMIT = date(2025, 6, 30)
CTX = ValidationContext(limit=LIMIT, ids={"asiakkaat": pl.Series(["A", "B"])})
D = date


def _report(frame: pl.DataFrame, checks: list) -> list[tuple[int | None, str, str | None]]:
    report = ValidationReport()
    run_checks(frame.with_row_index("_row", offset=2), checks, "x.csv", report)
    return [(i.row, i.rule, i.value) for i in report.errors]


def _labels(found: dict[str, str]) -> dict[str, str]:
    return {name: name for name in found}


def test_cell_rules_conversion_required_and_duplicates() -> None:
    spec = SPECS_BY_NAME["asiakkaat"]
    frame = pl.DataFrame(
        {
            "c0": ["B", "A", "B", None], "asiakas_id": ["B", "A", "B", None],
            "c1": ["Joensuu", "Tampere", None, "Kitee"],
            "kunta": ["Joensuu", None, None, "Kitee"],
        }
    )  # fmt: skip
    found = {"asiakas_id": "c0", "kunta": "c1"}
    got = _report(frame, cell_checks(spec, frame, found, _labels(found)))
    assert (3, "bad_municipality", "Tampere") in got  # the text is quoted: it is not an id
    assert (4, "duplicate", None) in got  # a repeated id is never quoted
    assert (4, "required", None) in got and (5, "required", None) in got
    assert len(got) == 4


def test_sorted_ids_need_no_duplicate_check() -> None:
    spec = SPECS_BY_NAME["asiakkaat"]
    frame = pl.DataFrame({"c0": ["A", "B"], "asiakas_id": ["A", "B"]})
    rules = {c.rule for c in cell_checks(spec, frame, {"asiakas_id": "c0"}, {"asiakas_id": "x"})}
    assert "duplicate" not in rules


def test_row_rules_dates_order_required_when_and_references() -> None:
    spec = SPECS_BY_NAME["tapahtumat"]
    frame = pl.DataFrame(
        {
            "c0": ["A", "Z", "B"], "asiakas_id": ["A", "Z", "B"],
            "c1": ["alkuhaastattelu", "esittely", "alkuhaastattelu"],
            "tyyppi": ["alkuhaastattelu", "esittely", "alkuhaastattelu"],
            "c2": ["1.7.2025", "1.1.2025", "2.1.2025"],
            "pvm": [D(2025, 7, 1), D(2025, 1, 1), D(2025, 1, 2)],
            "c3": [None, None, "puhelin"], "kanava": [None, None, "puhelin"],
        }
    )  # fmt: skip
    found = {"asiakas_id": "c0", "tyyppi": "c1", "pvm": "c2", "kanava": "c3"}
    got = _report(frame, row_checks(spec, found, _labels(found), CTX))
    assert (2, "after_extraction", "1.7.2025") in got
    assert (2, "required_when", "alkuhaastattelu") in got  # a meeting needs its channel
    assert (3, "unknown_reference", None) in got  # Z is not a client; its id is not shown
    assert len(got) == 3


def test_an_end_before_its_start_and_a_planned_end_may_be_future() -> None:
    spec = SPECS_BY_NAME["koulutukset"]
    frame = pl.DataFrame(
        {
            "c0": ["1.3.2025", "1.3.2025"], "alkupvm": [D(2025, 3, 1), D(2025, 3, 1)],
            "c1": ["1.2.2025", "1.9.2025"], "loppupvm": [D(2025, 2, 1), D(2025, 9, 1)],
        }
    )  # fmt: skip
    found = {"alkupvm": "c0", "loppupvm": "c1"}
    got = _report(frame, row_checks(spec, found, _labels(found), CTX))
    assert got == [(2, "end_before_start", "1.2.2025")]


def test_birth_years_and_counts_in_range() -> None:
    spec = SPECS_BY_NAME["asiakkaat"]
    frame = pl.DataFrame({"c2": ["1899", "1985", "2026"], "syntymavuosi": [1899, 1985, 2026]})
    found = {"syntymavuosi": "c2"}
    got = _report(frame, range_checks(spec, found, _labels(found), CTX))
    assert got == [(2, "birth_year_out_of_range", "1899"), (4, "birth_year_out_of_range", "2026")]


def test_overlapping_periods_of_one_client() -> None:
    spec = SPECS_BY_NAME["tilajaksot"]
    frame = pl.DataFrame(
        {
            "asiakas_id": ["A", "A", "B", "B"],
            "c1": ["1.1.2025", "15.1.2025", "1.1.2025", "1.2.2025"],
            "alkupvm": [D(2025, 1, 1), D(2025, 1, 15), D(2025, 1, 1), D(2025, 2, 1)],
            "loppupvm": [D(2025, 1, 31), None, D(2025, 2, 1), None],
        }
    ).with_row_index("_row", offset=2)
    found = {"asiakas_id": "c0", "alkupvm": "c1", "loppupvm": "c2"}
    report = ValidationReport()
    overlaps(spec, frame, found, _labels(found), report, "tilajaksot.csv")
    # A's second period starts inside the first; B's ends the day the next one starts: fine
    assert [(i.row, i.rule, i.value) for i in report.errors] == [(3, "overlap", "15.1.2025")]


def test_rows_that_ended_before_the_analysed_years_are_a_warning() -> None:
    spec = SPECS_BY_NAME["palvelujaksot"]
    frame = pl.DataFrame(
        {"loppupvm": [D(2024, 5, 1), None, D(2023, 1, 1), ANALYSIS_START]}
    ).with_row_index("_row", offset=2)
    report = ValidationReport()
    outside_years(spec, frame, "palvelujaksot.csv", report)
    (warning,) = report.warnings
    assert (warning.row, warning.rule) == (2, "outside_years")
    assert warning.message_en.startswith("2 row(s) ended before 1.1.2025")
    assert report.errors == []
