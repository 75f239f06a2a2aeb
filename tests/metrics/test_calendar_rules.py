"""Working days with Finnish holidays, calendar months and buckets, as the deadline SQL uses
them (the dated rules table: tests/metrics/test_deadline_rules.py)."""

from __future__ import annotations

import duckdb
import pytest

from metrics.working_days import buckets, calendar_frame, nth_working_day_after
from tests.metrics.kpidb import d


@pytest.mark.parametrize(
    ("start", "limit", "deadline"),
    [
        ("3.3.2025", 5, "10.3.2025"),  # docs/spec/METRICS.md's example
        ("18.4.2025", 5, "28.4.2025"),  # Good Friday; Easter Monday 21.4 a holiday
        ("17.4.2025", 5, "28.4.2025"),  # the Thursday before Easter
        ("19.6.2025", 5, "27.6.2025"),  # Midsummer Eve 20.6 a holiday
        ("20.6.2025", 5, "27.6.2025"),  # starting on Midsummer Eve itself
        ("23.12.2025", 5, "5.1.2026"),  # Christmas Eve, Christmas, Boxing Day, New Year
        ("5.1.2026", 10, "20.1.2026"),  # Epiphany 6.1
        ("29.11.2025", 5, "5.12.2025"),  # a Saturday start: Mon 1.12 is the first
    ],
)
def test_nth_working_day_after(start: str, limit: int, deadline: str) -> None:
    assert nth_working_day_after(d(start), limit) == d(deadline)
    cal = calendar_frame(2024, 2027)
    ordinal = dict(zip(cal["d"], cal["wd_ord"], strict=True))
    working = {day for day, w in zip(cal["d"], cal["is_working_day"], strict=True) if w}
    found = [day for day in working if ordinal[day] == ordinal[d(start)] + limit]
    assert found == [d(deadline)]


def test_midsummer_and_christmas_eves_are_not_working_days() -> None:
    cal = calendar_frame(2025, 2025)
    off = {day for day, w in zip(cal["d"], cal["is_working_day"], strict=True) if not w}
    assert {d("20.6.2025"), d("24.12.2025"), d("18.4.2025"), d("6.12.2025")} <= off
    assert d("19.6.2025") not in off


@pytest.mark.parametrize(
    ("start", "later"),
    [
        ("30.11.2025", "28.2.2026"),
        ("30.11.2023", "29.2.2024"),
        ("31.5.2025", "31.8.2025"),
        ("31.1.2025", "30.4.2025"),
        ("15.3.2025", "15.6.2025"),
    ],
)
def test_plus_three_calendar_months_clips_to_the_month_end(start: str, later: str) -> None:
    rows = (
        duckdb.connect()
        .sql("SELECT CAST($d + INTERVAL 3 MONTH AS DATE)", params={"d": d(start)})
        .fetchall()
    )
    assert rows[0][0] == d(later)


def test_weeks_and_months_are_clipped_to_the_period() -> None:
    weeks = buckets(d("1.1.2025"), d("31.1.2025"), "week")
    assert weeks == [
        (d("1.1.2025"), d("5.1.2025")),
        (d("6.1.2025"), d("12.1.2025")),
        (d("13.1.2025"), d("19.1.2025")),
        (d("20.1.2025"), d("26.1.2025")),
        (d("27.1.2025"), d("31.1.2025")),
    ]
    months = buckets(d("15.1.2025"), d("10.3.2025"), "month")
    assert months == [
        (d("15.1.2025"), d("31.1.2025")),
        (d("1.2.2025"), d("28.2.2025")),
        (d("1.3.2025"), d("10.3.2025")),
    ]
    assert buckets(d("1.1.2025"), d("31.12.2025"), "period") == [(d("1.1.2025"), d("31.12.2025"))]
    assert len(buckets(d("1.1.2025"), d("31.12.2025"), "week")) == 53
