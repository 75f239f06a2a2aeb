"""metrics.working_days: Finnish working days (holidays, Midsummer and Christmas Eve off) and
their ordinals, and the buckets (period, ISO weeks, calendar months) of a period."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from metrics.working_days import (
    bucket_end,
    bucket_start,
    buckets,
    calendar_for,
    calendar_frame,
    nth_working_day_after,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        (D(2025, 3, 3), 5, D(2025, 3, 10)),  # Monday + 5 working days: next Monday
        (D(2025, 3, 7), 1, D(2025, 3, 10)),  # Friday: the weekend does not count
        (D(2025, 12, 23), 1, D(2025, 12, 29)),  # Christmas Eve, Day and Boxing Day off
        (D(2025, 6, 19), 1, D(2025, 6, 23)),  # Midsummer Eve (Fri 20.6.) off
        (D(2025, 4, 17), 1, D(2025, 4, 22)),  # Good Friday and Easter Monday off
        (D(2025, 3, 8), 0, D(2025, 3, 8)),
    ],
)
def test_nth_working_day_after(day: dt.date, n: int, expected: dt.date) -> None:
    assert nth_working_day_after(day, n) == expected


def test_the_calendar_ordinal_gives_the_same_days() -> None:
    cal = calendar_frame(2025, 2025)
    assert cal.height == 365 and cal["d"].min() == D(2025, 1, 1)
    ordinal = dict(zip(cal["d"].to_list(), cal["wd_ord"].to_list(), strict=True))
    working = dict(zip(cal["d"].to_list(), cal["is_working_day"].to_list(), strict=True))
    assert not working[D(2025, 1, 1)] and not working[D(2025, 1, 6)]  # New Year, Epiphany
    # a weekend day has the ordinal of the Friday before it
    assert ordinal[D(2025, 3, 8)] == ordinal[D(2025, 3, 7)]
    for day, n in ((D(2025, 3, 3), 5), (D(2025, 12, 23), 1), (D(2025, 6, 19), 1)):
        target = ordinal[day] + n
        first = min(d for d, o in ordinal.items() if o == target and working[d])
        assert first == nth_working_day_after(day, n)


def test_the_calendar_covers_a_year_either_side() -> None:
    cal = calendar_for(D(2025, 5, 1), D(2026, 2, 1))
    assert cal["d"].min() == D(2024, 1, 1) and cal["d"].max() == D(2027, 12, 31)


@pytest.mark.parametrize(
    ("grain", "expected"),
    [
        ("period", [(D(2025, 1, 29), D(2025, 3, 4))]),
        ("month", [(D(2025, 1, 29), D(2025, 1, 31)), (D(2025, 2, 1), D(2025, 2, 28)),
                   (D(2025, 3, 1), D(2025, 3, 4))]),
        ("week", [(D(2025, 1, 29), D(2025, 2, 2))]),  # the first week: Wednesday to Sunday
    ],
)  # fmt: skip
def test_buckets(grain: str, expected: list[tuple[dt.date, dt.date]]) -> None:
    got = buckets(D(2025, 1, 29), D(2025, 3, 4), grain)  # type: ignore[arg-type]
    assert got[: len(expected)] == expected
    assert got[-1][1] == D(2025, 3, 4)
    assert all(b[0] == a[1] + dt.timedelta(days=1) for a, b in pairwise(got))


def test_bucket_start_and_end_are_clipped_to_the_period() -> None:
    start, end = D(2025, 1, 29), D(2025, 3, 4)
    assert bucket_start(D(2025, 1, 30), start, "week") == start
    assert bucket_start(D(2025, 2, 12), start, "week") == D(2025, 2, 10)
    assert bucket_start(D(2025, 2, 12), start, "month") == D(2025, 2, 1)
    assert bucket_start(D(2025, 2, 12), start, "period") == start
    assert bucket_end(D(2025, 3, 3), end, "week") == end
    assert bucket_end(D(2024, 2, 1), D(2024, 12, 31), "month") == D(2024, 2, 29)
    assert bucket_end(D(2025, 12, 1), D(2026, 6, 30), "month") == D(2025, 12, 31)
