"""Breakdown tables on screen: codes and headers in the viewer's language, <5 for hidden."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from metrics.breakdowns_people import outcome_codes
from ui.breakdown_view import channel_shares, screen_frame


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


@pytest.mark.parametrize(
    ("lang", "since", "youth"),
    [
        ("fi", ["1.1.2025", "2.3.2026"], ["Kyllä", "Ei"]),
        ("en", ["1 Jan 2025", "2 Mar 2026"], ["Yes", "No"]),
    ],
)
def test_a_register_shows_dates_and_yes_no_as_the_viewer_reads_them(
    lang: str, since: list[str], youth: list[str]
) -> None:
    register = pl.DataFrame(
        {
            "kunta": ["Joensuu", "Heinävesi"],
            "toiminta_alkanut": [dt.date(2025, 1, 1), dt.date(2026, 3, 2)],
            "nuorten_yhteispalvelu": [True, False],
        }
    )
    shown = screen_frame(register, lang)  # type: ignore[arg-type]
    assert shown[shown.columns[1]].to_list() == since
    assert shown[shown.columns[2]].to_list() == youth


def test_meeting_flows_have_headers_and_yes_no_in_finnish() -> None:
    flows = pl.DataFrame(
        {"kotikunta": ["Heinävesi"], "palvelupiste": ["Joensuu"], "outside": [True], "count": [42]}
    )
    shown = screen_frame(flows, "fi")
    assert shown.columns == ["Kotikunta", "Palvelupiste", "Toisessa kunnassa", "Lukumäärä"]
    assert shown.row(0) == ("Heinävesi", "Joensuu", "Kyllä", "42")


def _split(counts: dict[tuple[str, str], int | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "level": "koko_alue",
            "area": "Pohjois-Karjala",
            "tyyppi": [k[0] for k in counts],
            "kanava": [k[1] for k in counts],
            "count": list(counts.values()),
            "count_suppressed": [v is None for v in counts.values()],
        }
    )


def test_channel_shares_only_for_types_shown_whole() -> None:
    df = _split({("alkuhaastattelu", "kasvokkain"): 30, ("alkuhaastattelu", "puhelin"): 10,
                 ("tyonhakukeskustelu", "kasvokkain"): 40,
                 ("tyonhakukeskustelu", "puhelin"): None})  # fmt: skip
    types, channels, shares = channel_shares(df)
    assert types == ["alkuhaastattelu", "tyonhakukeskustelu"]
    assert channels == ["kasvokkain", "puhelin"]
    assert shares["kasvokkain"][0] == pytest.approx(75.0)
    assert shares["puhelin"][0] == pytest.approx(25.0)
    # the discussions have a hidden cell: 40 of the shown 40 would read "100 % face to face"
    assert shares["kasvokkain"][1] == 0.0 and shares["puhelin"][1] == 0.0
