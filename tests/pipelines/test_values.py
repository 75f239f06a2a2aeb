"""pipelines.values: the cell conversion rules of docs/spec/DATA_CONTRACT.md, each on a tiny
column: dates (ISO, Finnish, timestamps), whole numbers (Excel's 1985.0), booleans, codes
(Finnish or English, any case) and municipalities (name or code)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from common.data_contract import EXPORTS_BY_NAME, Column
from pipelines.values import (
    bool_mapping,
    clean,
    code_mapping,
    expected,
    mapped,
    municipality_mapping,
    needs_cleaning,
    to_date,
    to_int,
    to_iso_date,
)

COLUMNS = {c.name: c for c in EXPORTS_BY_NAME["tapahtumat"].columns}
ASIAKKAAT = {c.name: c for c in EXPORTS_BY_NAME["asiakkaat"].columns}


def _apply(expr: pl.Expr, values: list[str | None]) -> list[object]:
    return (
        pl.DataFrame({"t": values}, schema={"t": pl.String}).select(expr.alias("t"))["t"].to_list()
    )


def test_clean_strips_and_empties_to_null() -> None:
    assert _apply(clean("t"), ["  a ", "", "   ", None, "b"]) == ["a", None, None, None, "b"]
    assert _apply(needs_cleaning(pl.col("t")), [" a", "a\t", "\xa0a", "", "a b"]) == [
        True, True, True, True, False
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025-03-14", dt.date(2025, 3, 14)),
        ("2025-3-4", dt.date(2025, 3, 4)),
        ("14.3.2025", dt.date(2025, 3, 14)),
        ("4.3.2025 12:30:00", dt.date(2025, 3, 4)),
        ("2025-03-14T08:00:00.000", dt.date(2025, 3, 14)),
        ("31.2.2025", None),
        ("3/14/2025", None),
        ("maaliskuu", None),
    ],
)
def test_to_date(text: str, date: dt.date | None) -> None:
    assert _apply(to_date(pl.col("t")), [text]) == [date]


def test_the_iso_fast_path_takes_only_plain_iso() -> None:
    assert _apply(to_iso_date(pl.col("t")), ["2025-03-14", "14.3.2025"]) == [
        dt.date(2025, 3, 14), None
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"),
    [("1985", 1985), ("1985.0", 1985), ("1985,00", 1985), ("19.5", None), ("abc", None),
     ("99999999999", None)],
)  # fmt: skip
def test_to_int(text: str, value: int | None) -> None:
    assert _apply(to_int(pl.col("t")), [text]) == [value]


def test_booleans_and_the_x_style() -> None:
    mapping, x_style = bool_mapping(["Kyllä", "EI", "x", "maybe"])
    assert mapping == {"Kyllä": True, "EI": False, "x": True} and x_style
    assert bool_mapping(["1", "0"]) == ({"1": True, "0": False}, False)
    assert _apply(mapped(pl.col("t"), mapping, pl.Boolean()), ["Kyllä", "maybe"]) == [True, None]


def test_codes_in_finnish_or_english_any_case() -> None:
    mapping = code_mapping(COLUMNS["kanava"], ["Kasvokkain", "phone", "ONLINE", "posti"])
    assert mapping == {"Kasvokkain": "kasvokkain", "phone": "puhelin", "ONLINE": "verkko"}


def test_municipalities_by_name_or_code() -> None:
    mapping = municipality_mapping(["joensuu", "167", "167.0", "Helsinki", "999"])
    assert mapping == {"joensuu": "Joensuu", "167": "Joensuu", "167.0": "Joensuu"}


@pytest.mark.parametrize(
    ("column", "words"),
    [
        (COLUMNS["pvm"], "14.3.2025 or 2025-03-14"),
        (ASIAKKAAT["syntymavuosi"], "whole number"),
        (ASIAKKAAT["maahanmuuttaja"], "x/empty"),
        (ASIAKKAAT["kunta"], "Joensuu or 167"),
        (COLUMNS["kanava"], "kasvokkain, puhelin, video, verkko (face_to_face"),
        (COLUMNS["asiakas_id"], "Invalid value"),
    ],
)
def test_what_a_cell_should_hold(column: Column, words: str) -> None:
    fi, en = expected(column)
    assert words in en and fi
