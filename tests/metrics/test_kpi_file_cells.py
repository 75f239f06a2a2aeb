"""metrics.kpi_file_cells: what the export writers see: flag columns hidden, hidden cells as
the small token, numbers at full precision without exponents, and formulas made inert."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest

from metrics.kpi_file_cells import (
    csv_text,
    flag_columns,
    format_number,
    hidden_masks,
    is_formula_like,
    neutralise,
    rows,
    shown_columns,
)


@pytest.mark.parametrize(
    ("text", "inert"),
    [
        ("=1+1", "'=1+1"),
        ("  +SUM(A1)", "'  +SUM(A1)"),
        ("-x", "'-x"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("＝1", "'＝1"),
        ("Joensuu", "Joensuu"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(text: str, inert: str) -> None:
    assert neutralise(text) == inert
    assert is_formula_like(text) == (inert != text)


@pytest.mark.parametrize(
    ("value", "standard", "fi"),
    [
        (0.30000000000000004, "0.30000000000000004", "0,30000000000000004"),
        (1e-07, "0.0000001", "0,0000001"),
        (2.0, "2.0", "2,0"),
        (1e20, "100000000000000000000.0", "100000000000000000000,0"),
        (-0.25, "-0.25", "-0,25"),
        (7, "7", "7"),
        (True, "true", "true"),
        (float("nan"), "", ""),
    ],
)
def test_format_number(value: float, standard: str, fi: str) -> None:
    assert format_number(value) == standard
    assert format_number(value, decimal_comma=True) == fi


def test_csv_text_by_dialect() -> None:
    when = datetime(2025, 3, 4, 5, 6, 7)
    assert csv_text(date(2025, 3, 4), "fi") == "4.3.2025"
    assert csv_text(date(2025, 3, 4), "standard") == "2025-03-04"
    assert csv_text(when, "fi") == "4.3.2025 05:06:07"
    assert csv_text(when, "standard") == "2025-03-04 05:06:07"
    assert csv_text(None, "fi") == "" and csv_text(False, "fi") == "false"
    assert csv_text(0.5, "fi") == "0,5" and csv_text("=A1", "standard") == "'=A1"


TABLE = pl.DataFrame(
    {
        "area": ["Kitee", "Lieksa"],
        "value": [None, 0.5],
        "numerator": [None, 5.0],
        "pending": [None, 7],
        "suppressed": [True, False],
        "pending_suppressed": [True, False],
    }
)


def test_the_row_flag_hides_value_numerator_and_denominator_and_a_column_flag_its_column() -> None:
    masks = hidden_masks(TABLE)
    assert masks == {"value": [True, False], "numerator": [True, False], "pending": [True, False]}
    assert flag_columns(TABLE) == ["suppressed", "pending_suppressed"]
    assert shown_columns(TABLE) == ["area", "value", "numerator", "pending"]


def test_rows_put_the_small_token_in_hidden_cells() -> None:
    got = list(rows(TABLE, "<5"))
    assert got[0] == [("Kitee", False), ("<5", True), ("<5", True), ("<5", True)]
    assert got[1] == [("Lieksa", False), (0.5, False), (5.0, False), (7, False)]


def test_decimals_are_read_as_floats() -> None:
    table = pl.DataFrame({"x": [1.25]}).with_columns(pl.col("x").cast(pl.Decimal(10, 2)))
    assert list(rows(table, "<5")) == [[(1.25, False)]]
