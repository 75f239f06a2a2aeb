"""pipelines.hetu: a henkilötunnus found anywhere in a cell and in any disguise, checked for a
real date and its check character (so a random number does not trigger the guard); only the
count of cells and the first row are returned, never a code."""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.hetu import hetu_columns, holds_hetu, is_valid_hetu, normalised

CODE = "131052-308T"  # the tax administration's example code


@pytest.mark.parametrize(
    ("text", "whole", "inside"),
    [
        (CODE, True, True),
        ("131052A308T", True, True),  # the 2000s sign: the check character is the same
        ("131052Z308T", False, False),  # Z is no century sign
        ("131052-308U", False, False),  # wrong check character
        ("321052-308T", False, False),  # no 32nd day
        (" 131052-308t ", True, True),  # spaces, lower case
        ("１３１０５２－３０８Ｔ", True, True),  # full width
        ("131052\u2212308T", True, True),  # a minus sign
        ("1310\u200b52-308T", True, True),  # a zero-width space
        ("131052 - 308T", True, True),  # spaces around the sign
        ("hlö 131052-308T soitti", False, True),
        ("9131052-308T", False, False),  # a longer number is not a code
        ("2025-03-14", False, False),
    ],
)
def test_codes_and_disguises(text: str, whole: bool, inside: bool) -> None:
    assert pl.select(is_valid_hetu(pl.lit(text))).item() is whole
    assert pl.select(holds_hetu(pl.lit(text))).item() is inside


def test_normalised_text() -> None:
    got = pl.select(normalised(pl.lit("ａbc\u00ad 131052 \u2013 308t"))).item()
    assert got == "ABC 131052-308T"


def test_columns_report_how_many_cells_and_the_first_row_only() -> None:
    frame = pl.DataFrame(
        {
            "_row": [2, 3, 4, 5],
            "note": ["ok", f"soita {CODE}", None, CODE.lower()],
            "id": ["A1", "A2", "A3", "A4"],
            "nothing": [None, None, None, None],
        }
    )
    found = hetu_columns(frame, ["note", "id", "nothing"])
    assert found == {"note": (2, 3)}
    assert CODE not in str(found)
    assert hetu_columns(frame.head(0), ["note"]) == {}
    assert hetu_columns(frame, []) == {}
