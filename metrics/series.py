"""Time series for the dashboard: each metric by ISO week or calendar month, and the
year-end projection of counted targets (employer contacts) at the current pace.

A series is the KPI table computed with buckets instead of one period: every metric's SQL
groups by bucket once (cohort metrics bucket by the date that starts the case), so a year of
weeks costs one query per metric, not 53 KPI tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import duckdb
import polars as pl
from pydantic import BaseModel, ConfigDict

from metrics.engine import compute
from metrics.registry import get
from metrics.sql_context import MetricsError, read_as_of
from metrics.target_status import holds
from metrics.targets import targets_for_period

EMPLOYER_CONTACTS = "employer_contacts"


def metric_series(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    grain: Literal["week", "month"],
    as_of: dt.date | None = None,
    level: str = "koko_alue",
    area: str | None = None,
    metric_ids: Sequence[str] | None = None,
) -> pl.DataFrame:
    """KPI rows per metric × bucket (ISO week Mon..Sun or calendar month, clipped to the
    period) for one level, and one area of it when ``area`` is given."""
    if grain not in ("week", "month"):
        raise MetricsError(f"grain must be 'week' or 'month', not {grain!r}")
    rows = compute(
        con, start, end, grain=grain, as_of=as_of, levels=(level,), metric_ids=metric_ids
    )
    if area is not None:
        if area not in set(rows["area"].to_list()) and rows.height:
            raise MetricsError(f"tuntematon alue / unknown area {area!r} at level {level!r}")
        rows = rows.filter(pl.col("area") == area)
    return rows


class Projection(BaseModel):
    """Year-end projection of a counted target at the pace so far."""

    model_config = ConfigDict(frozen=True)
    year: int
    as_of: dt.date
    count_so_far: int
    projected_year_end: float
    target: float | None
    target_op: str | None
    targets_year: int
    on_pace: bool | None


def employer_contacts_projection(
    con: duckdb.DuckDBPyConnection, year: int, *, as_of: dt.date | None = None
) -> Projection:
    """Contacts from 1 Jan to min(31 Dec, A), scaled to the whole year by days elapsed."""
    a = as_of if as_of is not None else read_as_of(con)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    row = compute(
        con, first, last, grain="period", as_of=a, levels=("koko_alue",),
        metric_ids=(EMPLOYER_CONTACTS,),
    ).row(0, named=True)  # fmt: skip
    targets_year, targets = targets_for_period(last)
    target = targets.get(EMPLOYER_CONTACTS)
    count = row["numerator"]
    elapsed = (min(last, a) - first).days + 1
    days = (last - first).days + 1
    if count is None or elapsed <= 0:
        return Projection(
            year=year, as_of=a, count_so_far=int(count or 0), projected_year_end=0.0,
            target=target.target_value if target else None,
            target_op=target.target_op if target else None,
            targets_year=targets_year, on_pace=None,
        )  # fmt: skip
    projected = count * days / elapsed
    on_pace = holds(projected, target.target_op, target.target_value) if target else None
    return Projection(
        year=year, as_of=a, count_so_far=int(count), projected_year_end=projected,
        target=target.target_value if target else None,
        target_op=target.target_op if target else None,
        targets_year=targets_year, on_pace=on_pace,
    )  # fmt: skip


__all__ = ["Projection", "employer_contacts_projection", "get", "metric_series"]
