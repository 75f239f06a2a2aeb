"""The generator's day arithmetic follows docs/spec/METRICS.md's calendar rules."""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt
import pytest

from sample_data.day_numbers import add_months, day_number, to_date, working_day_offset
from sample_data.profiles import contact_rule, geography, visit_matrix


def _days(*dates: dt.date) -> npt.NDArray[np.int64]:
    return np.array([day_number(d) for d in dates], dtype=np.int64)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
        (dt.date(2027, 11, 30), 3, dt.date(2028, 2, 29)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2025, 3, 14), 3, dt.date(2025, 6, 14)),
        (dt.date(2025, 12, 15), 3, dt.date(2026, 3, 15)),
    ],
)
def test_add_months_clamps_to_the_month_end(start: dt.date, months: int, expected: dt.date) -> None:
    assert to_date(int(add_months(_days(start), months)[0])) == expected


@pytest.mark.parametrize(
    ("start", "offset", "expected"),
    [
        (dt.date(2025, 3, 3), 5, dt.date(2025, 3, 10)),  # docs/spec/METRICS.md's example
        (dt.date(2025, 3, 8), 5, dt.date(2025, 3, 14)),  # a Saturday start: Mon..Fri
        (dt.date(2025, 6, 18), 1, dt.date(2025, 6, 19)),
        (dt.date(2025, 6, 19), 1, dt.date(2025, 6, 23)),  # Midsummer Eve is not a working day
        (dt.date(2025, 12, 23), 1, dt.date(2025, 12, 29)),  # Christmas Eve to Boxing Day
    ],
)
def test_working_day_offset(start: dt.date, offset: int, expected: dt.date) -> None:
    assert to_date(int(working_day_offset(_days(start), offset)[0])) == expected


def test_contact_rule_changes_on_1_1_2026() -> None:
    limit, series = contact_rule(_days(dt.date(2025, 12, 31), dt.date(2026, 1, 1)))
    assert limit.tolist() == [5, 10]
    assert series.tolist() == [True, False]


def test_visits_outside_home_go_to_other_service_points() -> None:
    matrix = visit_matrix(geography(2025))
    assert np.allclose(matrix.sum(axis=1), 1.0)
    assert np.all(np.diag(matrix) == 0)
