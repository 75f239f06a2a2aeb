"""The date rule of "one year earlier" (docs/spec/METRICS.md): month ends, 29 February."""

from __future__ import annotations

import pytest

from metrics.year_earlier import covered, earlier_period, one_year_earlier
from tests.metrics.kpidb import d


@pytest.mark.parametrize(
    ("day", "earlier"),
    [
        ("14.3.2025", "14.3.2024"),  # an ordinary day
        ("1.3.2025", "1.3.2024"),
        ("28.2.2025", "29.2.2024"),  # February's last day -> February's last day (leap year)
        ("29.2.2024", "28.2.2023"),  # the leap day -> February's last day
        ("28.2.2024", "28.2.2023"),  # not a month's last day in 2024: the same day
        ("27.2.2025", "27.2.2024"),
        ("31.1.2025", "31.1.2024"),
        ("30.4.2025", "30.4.2024"),  # a 30-day month's last day
        ("30.3.2025", "30.3.2024"),  # not the month's last day
        ("31.12.2025", "31.12.2024"),
        ("1.1.2026", "1.1.2025"),
        ("29.2.2028", "28.2.2027"),
    ],
)
def test_one_year_earlier(day: str, earlier: str) -> None:
    assert one_year_earlier(d(day)) == d(earlier)


def test_a_whole_february_stays_a_whole_february() -> None:
    p = earlier_period(d("1.2.2025"), d("28.2.2025"), d("31.10.2025"))
    assert (p.start, p.end, p.as_of) == (d("1.2.2024"), d("29.2.2024"), d("31.10.2024"))


def test_the_as_of_date_moves_too_and_e_is_the_earlier_min() -> None:
    p = earlier_period(d("1.1.2026"), d("31.12.2026"), d("31.10.2026"))
    assert (p.start, p.end, p.as_of) == (d("1.1.2025"), d("31.12.2025"), d("31.10.2025"))
    assert p.effective_end == d("31.10.2025")
    assert earlier_period(d("1.1.2026"), d("31.3.2026"), d("31.10.2026")).effective_end == d(
        "31.3.2025"
    )


@pytest.mark.parametrize(
    ("start", "coverage", "expected"),
    [
        ("1.1.2025", "1.1.2025", True),  # starts on S
        ("2.1.2025", "1.1.2025", True),
        ("31.12.2024", "1.1.2025", False),  # a day before S
        ("1.1.2024", None, True),  # no S recorded: every period
    ],
)
def test_covered(start: str, coverage: str | None, expected: bool) -> None:
    assert covered(d(start), d(coverage) if coverage else None) is expected
