"""Day arithmetic on numpy day numbers (int64 days since 1970-01-01), vectorised.

Working days follow docs/spec/METRICS.md: Monday to Friday except the Finnish public holidays of the
``holidays`` package (Midsummer Eve and Christmas Eve included).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
import numpy as np
import numpy.typing as npt

Days = npt.NDArray[np.int64]
EPOCH = dt.date(1970, 1, 1)


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def to_date(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))


@lru_cache(maxsize=8)
def _holidays(first_year: int, last_year: int) -> npt.NDArray[np.datetime64]:
    years = range(first_year, last_year + 1)
    return np.array(sorted(holidays.Finland(years=years)), dtype="datetime64[D]")


def working_day_offset(days: Days, offset: npt.ArrayLike) -> Days:
    """The ``offset``-th working day after each day (the day itself not counted)."""
    if len(days) == 0:
        return days
    first = to_date(int(days.min())).year - 1
    last = to_date(int(days.max())).year + 2
    shifted = np.busday_offset(
        days.astype("datetime64[D]"), offset, roll="backward", holidays=_holidays(first, last)
    )
    return shifted.astype(np.int64)


def next_working_day(days: Days) -> Days:
    """The day itself when it is a working day, else the next working day."""
    if len(days) == 0:
        return days
    first = to_date(int(days.min())).year - 1
    last = to_date(int(days.max())).year + 2
    rolled = np.busday_offset(
        days.astype("datetime64[D]"), 0, roll="forward", holidays=_holidays(first, last)
    )
    return rolled.astype(np.int64)


def add_months(days: Days, months: int) -> Days:
    """Same day ``months`` calendar months later, or that month's last day (as in
    docs/spec/METRICS.md)."""
    as_days = days.astype("datetime64[D]")
    month = as_days.astype("datetime64[M]")
    day_of_month = (as_days - month.astype("datetime64[D]")).astype(np.int64)
    target = month + months
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    result = target.astype("datetime64[D]") + np.minimum(day_of_month, length - 1)
    return result.astype(np.int64)


def year_of(days: Days) -> npt.NDArray[np.int64]:
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
