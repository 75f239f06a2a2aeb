"""Status at the tolerance boundaries: 5 pp for shares, 10 % of the compared target else."""

from __future__ import annotations

import pytest

from metrics.target_status import status


@pytest.mark.parametrize(
    ("value", "op", "target", "unit", "expected"),
    [
        (0.75, ">=", 0.75, "share", "ok"),
        (0.70, ">=", 0.75, "share", "risk"),  # misses by exactly 5 pp
        (0.6999, ">=", 0.75, "share", "off"),
        (0.5001, ">", 0.50, "share", "ok"),
        (0.50, ">", 0.50, "share", "risk"),  # "> 50 %" does not hold at 50 %
        (0.45, ">", 0.50, "share", "risk"),
        (0.4499, ">", 0.50, "share", "off"),
        (1.0, ">=", 1.0, "share", "ok"),
        (0.95, ">=", 1.0, "share", "risk"),
        (0.9499, ">=", 1.0, "share", "off"),
        (21.9, "<", 22, "days", "ok"),
        (22.0, "<", 22, "days", "risk"),
        (24.2, "<", 22, "days", "risk"),  # 10 % of 22 = 2.2
        (24.21, "<", 22, "days", "off"),
        (18.0, "<=", 18, "months", "ok"),
        (19.8, "<=", 18, "months", "risk"),
        (19.81, "<=", 18, "months", "off"),
        (2501, ">", 2500, "count", "ok"),
        (2250, ">", 2500, "count", "risk"),
        (2249, ">", 2500, "count", "off"),
    ],
)
def test_status_boundaries(value: float, op: str, target: float, unit: str, expected: str) -> None:
    assert status(value, op, target, unit) == expected  # type: ignore[arg-type]


def test_status_with_a_tolerance_set_per_target() -> None:
    assert status(0.65, ">=", 0.75, "share", tolerance=0.10) == "risk"
    assert status(0.64, ">=", 0.75, "share", tolerance=0.10) == "off"
    assert status(26.4, "<", 22, "days", tolerance=0.20) == "risk"  # 20 % of 22 = 4.4
    assert status(0.74, ">=", 0.75, "share", tolerance=0.0) == "off"


def test_no_status_without_a_value_or_a_target() -> None:
    assert status(None, ">=", 0.75, "share") is None
    assert status(0.8, None, None, "share") is None
