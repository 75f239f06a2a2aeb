"""A year earlier (docs/spec/METRICS.md "One year earlier", "A year earlier"): the date rule.

The same day a year earlier, but a month's last day maps to that month's last day a year
earlier (28.2.2025 -> 29.2.2024, 29.2.2024 -> 28.2.2023), so a whole month stays a whole
month (February 2025 -> 1.-29.2.2024). A period ``[from, to]`` seen at ``A`` becomes
``[from - 1 year, to - 1 year]`` seen at ``A - 1 year``.

``E - 12 months`` (the long-term unemployment rule, a duration) follows the months rule of
the common rules instead; it is not this function.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

__all__ = ["EarlierPeriod", "covered", "earlier_period", "one_year_earlier"]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def one_year_earlier(day: dt.date) -> dt.date:
    """The same day one year earlier; a month's last day maps to that month's last day."""
    year = day.year - 1
    if day.day == _last_day(day.year, day.month):
        return dt.date(year, day.month, _last_day(year, day.month))
    return dt.date(year, day.month, day.day)  # not a month's last day: exists a year earlier


@dataclass(frozen=True)
class EarlierPeriod:
    """The period a year earlier: its days ``[start, end]``, its as-of date and ``E``."""

    start: dt.date
    end: dt.date
    as_of: dt.date

    @property
    def effective_end(self) -> dt.date:
        """``E = min(to, A)`` of the earlier period."""
        return min(self.end, self.as_of)


def earlier_period(start: dt.date, end: dt.date, as_of: dt.date) -> EarlierPeriod:
    """``[from, to]`` at ``A`` one year earlier: every date by :func:`one_year_earlier`."""
    return EarlierPeriod(one_year_earlier(start), one_year_earlier(end), one_year_earlier(as_of))


def covered(period_start: dt.date, coverage_start: dt.date | None) -> bool:
    """Whether a figure of a period starting on ``period_start`` can be computed: the period
    starts on or after the coverage start ``S`` (no ``S`` recorded: every period)."""
    return coverage_start is None or period_start >= coverage_start
