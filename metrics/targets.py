"""Targets per year as data: reference/tavoitteet_YYYY.csv (one file per plan year).

Columns: ``vuosi, metric_id, target_op, target_value, tavoite, mittari`` and an optional
``tolerance``. A period takes the targets of the year in which it ends; where that year has no
file yet, the latest earlier year's apply (and before the first file, the first file's).
Tolerance (docs/spec/METRICS.md "Status"): for shares, the allowed miss in the unit of the value
(0.05 = 5 percentage points); for means and counts, a fraction of the target compared with
(0.10 = 10 %). An empty cell or a missing column means those defaults.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from common.reference import ReferenceError, reference_dir
from metrics.registry import REGISTRY

TargetOp = Literal[">=", ">", "<=", "<"]
DEFAULT_SHARE_TOLERANCE = 0.05
DEFAULT_RELATIVE_TOLERANCE = 0.10
_FILE = re.compile(r"^tavoitteet_(\d{4})\.csv$")
_KNOWN = {m.id for m in REGISTRY}


class Target(BaseModel):
    """One metric's target for one plan year, with the plan's own Tavoite and Mittari texts."""

    model_config = ConfigDict(frozen=True)
    vuosi: int
    metric_id: str
    target_op: TargetOp
    target_value: float
    tavoite: str = ""
    mittari: str = ""
    tolerance: float | None = Field(default=None, ge=0)

    @field_validator("tolerance", mode="before")
    @classmethod
    def _empty_tolerance(cls, value: object) -> object:
        return None if value in ("", None) else str(value).replace(",", ".")

    @field_validator("target_value", mode="before")
    @classmethod
    def _decimal_comma(cls, value: object) -> object:
        return str(value).replace(",", ".") if isinstance(value, str) else value


def target_years(directory: Path | None = None) -> tuple[int, ...]:
    """The years that have a targets file, ascending."""
    folder = directory or reference_dir()
    found = (_FILE.match(p.name) for p in folder.glob("tavoitteet_*.csv"))
    return tuple(sorted(int(m.group(1)) for m in found if m))


def targets_year_used(end: dt.date, directory: Path | None = None) -> int:
    """The year whose targets apply to a period ending on ``end``."""
    years = target_years(directory)
    if not years:
        raise ReferenceError("tavoitteet_YYYY.csv", None, None, "ei tavoitetiedostoa / no file")
    earlier = [y for y in years if y <= end.year]
    return max(earlier) if earlier else years[0]


def load_targets(year: int, directory: Path | None = None) -> dict[str, Target]:
    """The targets of the file ``tavoitteet_{year}.csv`` by metric id."""
    return dict(_load_targets(year, directory or reference_dir()))


@lru_cache(maxsize=16)
def _load_targets(year: int, directory: Path) -> dict[str, Target]:
    name = f"tavoitteet_{year}.csv"
    path = directory / name
    if not path.exists():
        raise ReferenceError(name, None, None, "tiedosto puuttuu / file is missing")
    out: dict[str, Target] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                target = Target.model_validate({k: v for k, v in row.items() if k})
            except ValidationError as exc:
                raise ReferenceError(name, row_no, None, str(exc)) from exc
            if target.vuosi != year:
                raise ReferenceError(name, row_no, "vuosi", f"{target.vuosi} ≠ {year}")
            if target.metric_id not in _KNOWN:
                raise ReferenceError(
                    name, row_no, "metric_id", f"tuntematon / unknown {target.metric_id!r}"
                )
            if target.metric_id in out:
                raise ReferenceError(name, row_no, "metric_id", "toistuu / duplicate")
            out[target.metric_id] = target
    return out


def targets_for_period(
    end: dt.date, directory: Path | None = None
) -> tuple[int, dict[str, Target]]:
    """(year used, targets by metric id) for a period ending on ``end``."""
    year = targets_year_used(end, directory)
    return year, load_targets(year, directory)
