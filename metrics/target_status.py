"""Status against a target (docs/spec/METRICS.md "Status"): ok, risk (misses by no more than the
tolerance) or off; None when the value is empty."""

from __future__ import annotations

from typing import Literal

from metrics.definition import Unit
from metrics.targets import DEFAULT_RELATIVE_TOLERANCE, DEFAULT_SHARE_TOLERANCE, TargetOp

Status = Literal["ok", "risk", "off"]
# Float noise (0.75 - 0.70 = 0.05000000000000004) must not turn a boundary "risk" into "off".
_EPS = 1e-9


def holds(value: float, op: TargetOp, target: float) -> bool:
    if op == ">=":
        return value >= target - _EPS
    if op == ">":
        return value > target + _EPS
    if op == "<=":
        return value <= target + _EPS
    return value < target - _EPS


def allowed_miss(unit: Unit, target: float, tolerance: float | None) -> float:
    """The tolerance in the unit of the value: absolute for shares, relative to the target else."""
    if unit == "share":
        return DEFAULT_SHARE_TOLERANCE if tolerance is None else tolerance
    fraction = DEFAULT_RELATIVE_TOLERANCE if tolerance is None else tolerance
    return abs(target) * fraction


def status(
    value: float | None,
    op: TargetOp | None,
    target: float | None,
    unit: Unit,
    tolerance: float | None = None,
) -> Status | None:
    """ok when ``value op target`` holds; risk when it misses by at most the tolerance; off."""
    if value is None or op is None or target is None:
        return None
    if holds(value, op, target):
        return "ok"
    miss = abs(value - target)
    return "risk" if miss <= allowed_miss(unit, target, tolerance) + _EPS else "off"
