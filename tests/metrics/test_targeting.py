"""metrics.targeting: each row takes the targets of the year its bucket ends in; a yearly
count target is pro-rated to the period's days (and its status to the elapsed days); levels
without a target get empty target columns and no status."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from metrics.registry import get
from metrics.targeting import attach_targets, target_rows
from metrics.targets import targets_for_period

SHARE = get("initial_interviews_face_to_face")  # a share, targets at every level
COUNT = get("employer_contacts")  # a yearly count, target at the whole area only
NO_TARGET = get("meetings_outside_home_municipality")
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
JAN = (dt.date(2025, 1, 1), dt.date(2025, 1, 31))


def _target(metric_id: str) -> float:
    return targets_for_period(YEAR[1])[1][metric_id].target_value


def _one(df: pl.DataFrame, metric_id: str, **keys: object) -> dict[str, object]:
    rows = df.filter(pl.col("metric_id") == metric_id)
    for k, v in keys.items():
        rows = rows.filter(pl.col(k) == v)
    return rows.row(0, named=True)


def test_a_share_target_is_the_year_file_value() -> None:
    out = target_rows([SHARE, NO_TARGET], [JAN], as_of=JAN[1])
    row = _one(out, SHARE.id)
    assert (row["target_op"], row["target_value"]) == (">=", _target(SHARE.id))
    none = _one(out, NO_TARGET.id)
    assert none["target_op"] is None and none["target_value"] is None


@pytest.mark.parametrize(
    ("span", "as_of", "days", "elapsed"),
    [
        (JAN, JAN[1], 31, 31),
        (YEAR, dt.date(2025, 3, 31), 365, 90),  # status against the part up to A
    ],
)
def test_a_yearly_count_is_pro_rated(
    span: tuple[dt.date, dt.date], as_of: dt.date, days: int, elapsed: int
) -> None:
    row = _one(target_rows([COUNT], [span], as_of=as_of), COUNT.id)
    yearly = _target(COUNT.id)
    assert row["target_value"] == pytest.approx(yearly * days / 365)
    assert row["_cmp"] == pytest.approx(yearly * elapsed / 365)


def _kpi_rows(metric_id: str, value: float, level: str, span: tuple[dt.date, dt.date]) -> dict:
    return {"metric_id": metric_id, "level": level, "area": "x", "b_start": span[0],
            "b_end": span[1], "value": value}  # fmt: skip


def test_status_and_levels_without_a_target() -> None:
    target = _target(SHARE.id)
    rows = pl.DataFrame(
        [
            _kpi_rows(SHARE.id, target + 0.01, "kunta", JAN),
            _kpi_rows(SHARE.id, target - 0.5, "koko_alue", JAN),
            _kpi_rows(COUNT.id, 10_000.0, "koko_alue", JAN),
            _kpi_rows(COUNT.id, 10_000.0, "kunta", JAN),  # no target at a municipality
        ]
    )
    out = attach_targets(rows, [SHARE, COUNT], as_of=JAN[1])
    assert out["status"].to_list() == ["ok", "off", "ok", None]
    assert out["target_value"][3] is None and out["target_op"][3] is None
    assert "_cmp" not in out.columns and "_tol" not in out.columns
