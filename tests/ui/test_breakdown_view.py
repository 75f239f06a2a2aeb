"""Breakdown tables on screen: codes and headers in the viewer's language, <5 for hidden."""

from __future__ import annotations

import polars as pl
import pytest

from metrics.breakdowns_people import outcome_codes
from ui.breakdown_view import screen_frame


@pytest.mark.parametrize(
    ("lang", "header", "words"),
    [
        ("fi", "Lopputulos", ["Ajallaan", "Myöhässä", "Rajattu pois", "Kesken"]),
        ("en", "Outcome", ["On time", "Late", "Excluded", "Pending"]),
    ],
)
def test_cohort_outcomes_are_words_not_codes(lang: str, header: str, words: list[str]) -> None:
    df = pl.DataFrame(
        {
            "area": ["Pohjois-Karjala"] * 4,
            "outcome": ["on_time", "late", "excluded", "pending"],
            "count": [253, 30, 3, 7],
            "count_suppressed": [False, False, True, False],
        }
    )
    shown = screen_frame(df, lang)  # type: ignore[arg-type]
    assert shown[header].to_list() == words
    assert shown.columns[-1] in ("Lukumäärä", "Count")
    assert shown[shown.columns[-1]].to_list()[2] == "<5"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi", ["Työttömyys päättyi", "Työtön tai lomautettu", "Kesken"]),
        ("en", ["Unemployment ended", "Unemployed or laid off", "Pending"]),
    ],
)
def test_training_outcomes_are_employment_words_not_deadline_words(
    lang: str, words: list[str]
) -> None:
    codes = outcome_codes("training_unemployment_ended_3_months")
    df = pl.DataFrame({"area": ["Rääkkylä"] * 3, "outcome": list(codes), "count": [5, 4, 9]})
    shown = screen_frame(df, lang)  # type: ignore[arg-type]
    assert shown[shown.columns[1]].to_list() == words
