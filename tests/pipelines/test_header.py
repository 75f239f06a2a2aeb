"""pipelines.header: a file's header matched to the contract (folded names, English
aliases), with errors for missing and doubled columns and a warning that never quotes a
title that looks like a client's data."""

from __future__ import annotations

import pytest

from common.data_contract import EXPORTS_BY_NAME
from pipelines.header import looks_like_a_name, match_header
from pipelines.validation_report import ValidationReport

ASIAKKAAT = EXPORTS_BY_NAME["asiakkaat"]


def _match(*header: str) -> tuple[dict[str, str], ValidationReport]:
    report = ValidationReport()
    return match_header("asiakkaat.csv", header, ASIAKKAAT, report), report


def test_names_and_aliases_in_any_case_and_order() -> None:
    found, report = _match("Municipality", " ASIAKAS_ID ", "birth_year", "Maahanmuuttaja")
    assert found == {"kunta": "c0", "asiakas_id": "c1", "syntymavuosi": "c2",
                     "maahanmuuttaja": "c3"}  # fmt: skip
    assert report.errors == [] and report.warnings == []


def test_optional_columns_may_be_missing_required_ones_may_not() -> None:
    found, report = _match("asiakas_id", "syntymavuosi")
    assert found == {"asiakas_id": "c0", "syntymavuosi": "c1"}
    assert [(i.rule, i.column) for i in report.errors] == [("missing_column", "kunta")]
    assert "kunta (municipality) is missing" in report.errors[0].message_en


def test_a_one_column_header_hints_at_the_delimiter() -> None:
    _, report = _match("asiakas_id;kunta")
    assert all("delimiter" in i.message_en for i in report.errors)
    assert {i.column for i in report.errors} == {"asiakas_id", "kunta"}


def test_a_column_given_twice_is_an_error() -> None:
    found, report = _match("asiakas_id", "kunta", "client_id")
    assert found["asiakas_id"] == "c0"
    assert [(i.rule, i.value) for i in report.errors] == [("duplicate_column", None)]
    assert report.errors[0].column == "client_id"


def test_unknown_columns_are_ignored_with_a_warning() -> None:
    found, report = _match("asiakas_id", "kunta", "Lisätieto", "", "010190-123A")
    assert set(found) == {"asiakas_id", "kunta"} and report.errors == []
    (warning,) = report.warnings
    assert warning.rule == "unknown_columns"
    assert "Lisätieto" in warning.message_en and "010190-123A" not in warning.message_en
    assert "1 column(s) whose titles look like data" in warning.message_en


def test_a_data_row_as_header_quotes_nothing() -> None:
    """No required column found: the 'header' is most likely a client's row."""
    _, report = _match("Virtanen", "Joensuu tai jotain")
    assert "Virtanen" not in report.warnings[0].message_fi
    assert "2 saraketta" in report.warnings[0].message_fi


@pytest.mark.parametrize(
    ("title", "name_like"),
    [
        ("Lisätieto", True),
        ("käsittelijä nimi", True),
        ("alku-pvm", True),
        ("2025-03-14", False),
        ("A123", False),
        ("x" * 41, False),
        ("", False),
    ],
)
def test_looks_like_a_name(title: str, name_like: bool) -> None:
    assert looks_like_a_name(title) is name_like
