"""Targets that are not in the plan's yearly table: reference/jatkuvat_tavoitteet.csv.

Columns ``metric_id, voimassa_alkaen, voimassa_asti (empty = until further notice),
target_op, target_value, lahde`` and an optional ``tolerance`` (as in tavoitteet_YYYY.csv).
``target_value`` is a number or ``edellinen_vuosi``: the same metric, level and area computed
on the day one year before E (metrics.year_before_target). A row applies to a metric that
the year's tavoitteet_YYYY.csv does not list, for a period whose last day lies in its
validity (docs/metrics.md: a period ending before the first row has no such target).
The file may name a metric another part of the project defines; ids are checked against the
registry by tests/metrics/test_standing_targets.py, not here.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from common.reference import ReferenceError, reference_dir
from metrics.targets import TargetOp

STANDING_FILE = "jatkuvat_tavoitteet.csv"
YEAR_EARLIER = "edellinen_vuosi"
_OPEN_END = dt.date(9999, 12, 31)


class StandingTarget(BaseModel):
    """One row: a target in force over ``[voimassa_alkaen, voimassa_asti]``; ``target_value``
    None means "the year-earlier value" (``edellinen_vuosi``)."""

    model_config = ConfigDict(frozen=True)
    metric_id: str = Field(pattern=r"^[a-z0-9_]+$")
    voimassa_alkaen: dt.date
    voimassa_asti: dt.date = _OPEN_END
    target_op: TargetOp
    target_value: float | None
    lahde: str = ""
    tolerance: float | None = Field(default=None, ge=0)

    @field_validator("voimassa_asti", mode="before")
    @classmethod
    def _open_end(cls, value: object) -> object:
        return _OPEN_END if value in ("", None) else value

    @field_validator("tolerance", mode="before")
    @classmethod
    def _empty_tolerance(cls, value: object) -> object:
        return None if value in ("", None) else str(value).replace(",", ".")

    @field_validator("target_value", mode="before")
    @classmethod
    def _number_or_year_earlier(cls, value: object) -> object:
        if value == YEAR_EARLIER:
            return None
        if value in ("", None):
            raise ValueError(f"a number or {YEAR_EARLIER!r}")
        return str(value).replace(",", ".")

    @property
    def year_earlier(self) -> bool:
        return self.target_value is None

    def in_force(self, day: dt.date) -> bool:
        return self.voimassa_alkaen <= day <= self.voimassa_asti


def load_standing_targets(directory: Path | None = None) -> tuple[StandingTarget, ...]:
    """Every row of the file (none when the file is absent); ReferenceError naming the row
    when one is broken or overlaps an earlier row of the same metric."""
    return _load(directory or reference_dir())


@lru_cache(maxsize=4)
def _load(directory: Path) -> tuple[StandingTarget, ...]:
    path = directory / STANDING_FILE
    if not path.exists():
        return ()
    rows: list[StandingTarget] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                target = StandingTarget.model_validate({k: v for k, v in row.items() if k})
            except ValidationError as exc:
                raise ReferenceError(STANDING_FILE, row_no, None, str(exc)) from exc
            if target.voimassa_asti < target.voimassa_alkaen:
                raise ReferenceError(
                    STANDING_FILE, row_no, "voimassa_asti", "ennen alkua / ends before it starts"
                )
            if any(
                o.metric_id == target.metric_id
                and o.voimassa_alkaen <= target.voimassa_asti
                and target.voimassa_alkaen <= o.voimassa_asti
                for o in rows
            ):
                raise ReferenceError(
                    STANDING_FILE,
                    row_no,
                    "voimassa_alkaen",
                    "päällekkäinen voimassaolo / overlaps an earlier row of the same metric",
                )
            rows.append(target)
    return tuple(rows)


def standing_target(
    metric_id: str, day: dt.date, directory: Path | None = None
) -> StandingTarget | None:
    """The row of ``metric_id`` in force on ``day`` (a period's last day), or None."""
    return next(
        (
            t
            for t in load_standing_targets(directory)
            if t.metric_id == metric_id and t.in_force(day)
        ),
        None,
    )
