"""Working days and periods: the calendar relation the deadline SQL uses, and the buckets
(the whole period, ISO weeks or calendar months) every metric's SQL groups by.

A working day is Monday to Friday except the public holidays of ``holidays.Finland``, which
lists Midsummer Eve and Christmas Eve too. ``wd_ord`` numbers the working days: on a working
day it is that day's number, on any other day the number of the last working day before it,
so "the n-th working day after d" is the working day whose ``wd_ord`` is ``wd_ord(d) + n``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

import holidays
import polars as pl

Grain = Literal["period", "week", "month"]
# Deadlines reach at most a few weeks past a case's start; a year either side is ample.
_MARGIN_YEARS = 1


def is_working_day(day: dt.date, finnish_holidays: holidays.HolidayBase) -> bool:
    return day.weekday() < 5 and day not in finnish_holidays


@lru_cache(maxsize=8)
def calendar_frame(first_year: int, last_year: int) -> pl.DataFrame:
    """Every day of the years with ``is_working_day`` and the working-day ordinal ``wd_ord``."""
    finnish = holidays.Finland(years=range(first_year, last_year + 1))
    start, end = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    days = pl.date_range(start, end, interval="1d", eager=True).alias("d")
    working = [is_working_day(d, finnish) for d in days.to_list()]
    return pl.DataFrame({"d": days, "is_working_day": working}).with_columns(
        pl.col("is_working_day").cast(pl.Int32).cum_sum().cast(pl.Int32).alias("wd_ord")
    )


def calendar_for(start: dt.date, end: dt.date) -> pl.DataFrame:
    return calendar_frame(start.year - _MARGIN_YEARS, end.year + _MARGIN_YEARS)


def nth_working_day_after(day: dt.date, n: int) -> dt.date:
    """The n-th working day after ``day`` (``day`` itself not counted); for tests and pages."""
    finnish = holidays.Finland(years=range(day.year, day.year + 2))
    current, counted = day, 0
    while counted < n:
        current += dt.timedelta(days=1)
        counted += is_working_day(current, finnish)
    return current


def bucket_start(day: dt.date, start: dt.date, grain: Grain) -> dt.date:
    """The first day of the bucket of ``day`` within a period starting on ``start``."""
    if grain == "week":
        first = day - dt.timedelta(days=day.weekday())
    elif grain == "month":
        first = day.replace(day=1)
    else:
        first = start
    return max(first, start)


def bucket_end(first: dt.date, end: dt.date, grain: Grain) -> dt.date:
    """The last day of the bucket beginning on ``first``, clipped to the period's ``end``."""
    if grain == "week":
        last = first + dt.timedelta(days=6 - first.weekday())
    elif grain == "month":
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = following - dt.timedelta(days=1)
    else:
        last = end
    return min(last, end)


def buckets(start: dt.date, end: dt.date, grain: Grain) -> list[tuple[dt.date, dt.date]]:
    """The buckets of ``[start, end]``: (first day, last day), in order."""
    out: list[tuple[dt.date, dt.date]] = []
    first = start
    while first <= end:
        last = bucket_end(first, end, grain)
        out.append((first, last))
        first = last + dt.timedelta(days=1)
    return out
