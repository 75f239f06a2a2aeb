"""Every table on screen: cells as the viewer reads them, never True/False or ISO dates."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest

from ui.formatting import NNBSP
from ui.tables import for_screen


def _typed() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "name": ["Joensuu", None],
            "youth": [True, False],
            "since": [date(2025, 3, 14), None],
            "at": [datetime(2025, 3, 14, 9, 5), datetime(2026, 1, 2, 14, 30)],
            "rows": [29151, 7],
            "htv": [12.5, 3.0],
        }
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fi",
            {
                "name": ["Joensuu", "–"],
                "youth": ["Kyllä", "Ei"],
                "since": ["14.3.2025", "–"],
                "at": ["14.3.2025 klo 9.05", "2.1.2026 klo 14.30"],
                "rows": [f"29{NNBSP}151", "7"],
                "htv": ["12,5", "3"],
            },
        ),
        (
            "en",
            {
                "name": ["Joensuu", "–"],
                "youth": ["Yes", "No"],
                "since": ["14 Mar 2025", "–"],
                "at": ["14 Mar 2025 09:05", "2 Jan 2026 14:30"],
                "rows": ["29,151", "7"],
                "htv": ["12.5", "3"],
            },
        ),
    ],
)
def test_cells_become_the_viewers_words_dates_and_numbers(
    lang: str, expected: dict[str, list[str]]
) -> None:
    shown = for_screen(_typed(), lang)  # type: ignore[arg-type]
    assert shown.to_dict(as_series=False) == expected
    assert all(dtype == pl.String for dtype in shown.dtypes)


def test_text_already_formatted_is_kept() -> None:
    df = pl.DataFrame({"value": ["75,3\u00a0%", "<5"], "status": ["✔ Tavoitteessa", ""]})
    assert for_screen(df, "fi").equals(df)
