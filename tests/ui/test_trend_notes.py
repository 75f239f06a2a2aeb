"""Partial buckets (ui/chart_buckets.py) and the texts under a trend (ui/trend_notes.py):
why a trend is not drawn, hidden buckets, hollow points, pending cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ui.test_charts import WEEKS, series
from ui import trend_notes
from ui.chart_buckets import Bucket, bucket_name, day_range, partial_note, whole_values
from ui.i18n import t


@pytest.mark.parametrize(
    ("start", "end", "as_of", "grain", "partial"),
    [
        (date(2025, 3, 3), date(2025, 3, 9), date(2025, 3, 31), "week", False),
        (date(2025, 3, 3), date(2025, 3, 9), date(2025, 3, 9), "week", False),
        (date(2025, 3, 3), date(2025, 3, 9), date(2025, 3, 8), "week", True),  # not over yet
        (date(2026, 1, 1), date(2026, 1, 4), date(2026, 3, 1), "week", True),  # starts Thursday
        (date(2025, 12, 29), date(2025, 12, 31), date(2026, 3, 1), "week", True),  # period ends
        (date(2026, 2, 1), date(2026, 2, 28), date(2026, 3, 1), "month", False),
        (date(2026, 2, 10), date(2026, 2, 28), date(2026, 3, 1), "month", True),
        (date(2026, 2, 1), date(2026, 2, 28), date(2026, 2, 27), "month", True),
        (date(2026, 3, 1), date(2026, 3, 31), date(2026, 2, 27), "month", False),  # not begun
    ],
)
def test_partial_buckets(start: date, end: date, as_of: date, grain: str, partial: bool) -> None:
    assert Bucket(start, end, as_of, grain).partial is partial


def test_bucket_names_and_partial_notes() -> None:
    week = Bucket(date(2025, 12, 1), date(2025, 12, 7), date(2025, 12, 2), "week")
    assert bucket_name(week, "fi") == "Viikko 49: 1.12.–7.12.2025"
    assert bucket_name(week, "en") == "Week 49: 1 Dec – 7 Dec 2025"
    assert partial_note(week, "fi") == "osittainen viikko 1.12.–2.12."
    assert partial_note(week, "en") == "partial week 1 Dec – 2 Dec"
    whole = Bucket(date(2025, 3, 1), date(2025, 3, 31), date(2025, 4, 1), "month")
    assert (bucket_name(whole, "fi"), bucket_name(whole, "en")) == ("3/2025", "Mar 2025")
    assert partial_note(whole, "fi") == ""
    assert day_range(date(2025, 12, 29), date(2026, 1, 4), "fi") == "29.12.2025–4.1.2026"
    assert day_range(date(2026, 1, 1), date(2026, 1, 1), "fi", with_year=False) == "1.1."


def test_the_sparkline_leaves_out_partial_first_and_last_weeks() -> None:
    """1.1.2026 is a Thursday and the data end on Tuesday 13.1.: only week 2 is whole."""
    starts = [date(2026, 1, 1), date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]
    ends = [date(2026, 1, 4), date(2026, 1, 11), date(2026, 1, 18), date(2026, 1, 25)]
    values: list[float | None] = [0.1, 0.8, 0.05, None]
    assert whole_values(starts, ends, values, date(2026, 1, 13), "week") == [0.8]
    assert whole_values(starts, ends, values, date(2026, 1, 31), "week") == [0.8, 0.05]


def test_a_trend_hidden_by_the_small_number_rule_is_not_called_empty() -> None:
    frame = series(WEEKS, [None, None, None], as_of=date(2025, 3, 23),
                   suppressed=[True, False, True])  # fmt: skip
    reason = trend_notes.empty_reason(frame, "en", "week")
    assert reason == t("trend_hidden_small", "en", buckets="week")
    assert "small-number rule" in str(reason)


@pytest.mark.parametrize(
    ("pending", "key"), [([4, 8, 0], "trend_all_pending"), ([None, None, None], "no_rows")]
)
def test_why_a_trend_without_values_is_not_drawn(pending: list[int | None], key: str) -> None:
    frame = series(WEEKS, [None] * 3, as_of=date(2025, 3, 23), pending=pending,
                   denominators=[0.0] * 3)  # fmt: skip
    reason = trend_notes.empty_reason(frame, "fi", "week")
    assert reason == (t(key, "fi", n="12") if key == "trend_all_pending" else t(key, "fi"))


def test_a_trend_with_a_value_is_drawn() -> None:
    frame = series(WEEKS, [None, 0.5, None], as_of=date(2025, 3, 23))
    assert trend_notes.empty_reason(frame, "fi", "week") is None


def test_notes_under_a_trend() -> None:
    starts = [date(2026, 1, 1), date(2026, 1, 5), date(2026, 1, 12)]
    frame = series(starts, [None, 1.0, 1.0], as_of=date(2026, 1, 18), pending=[2, 1, 30],
                   denominators=[None, 10.0, 2.0], suppressed=[True, False, False])  # fmt: skip
    notes = trend_notes.notes(frame, "fi", "week", cohort=True)
    assert notes == [
        "1 viikko piilotettu pienten lukujen säännöllä (alle 5 henkilöä).",
        t("chart_partial_legend", "fi", bucket="viikko"),
        t("trend_pending_large", "fi", buckets="Viikko 3"),
    ]
    whole = frame.filter(frame["period_start"] == date(2026, 1, 5))
    assert trend_notes.notes(whole, "en", "week", cohort=True) == []
    two_hidden = series(WEEKS, [None, None, 0.5], as_of=date(2025, 3, 23),
                        suppressed=[True, True, False])  # fmt: skip
    assert trend_notes.notes(two_hidden, "en", "week", cohort=False) == [
        "2 weeks hidden by the small-number rule (fewer than 5 people)."
    ]


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
    length=st.integers(min_value=0, max_value=40),
    lag=st.integers(min_value=-40, max_value=40),
    grain=st.sampled_from(["week", "month"]),
)
def test_whole_values_leaves_out_exactly_the_partial_buckets(
    start: date, length: int, lag: int, grain: str
) -> None:
    """The sparklines' inline check is Bucket.partial, on any bucket and as-of date."""
    end, as_of = start + timedelta(days=length), start + timedelta(days=lag)
    expected = [] if Bucket(start, end, as_of, grain).partial else [1.0]
    assert whole_values([start], [end], [1.0], as_of, grain) == expected
