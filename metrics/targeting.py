"""Targets and status on KPI rows.

Each row takes the targets of the year in which its period (or bucket) ends. A count with a
yearly target (employer_contacts) gets ``target_value`` pro-rated to the period's days over the
days of the year of its end, and its status compares the count with the target pro-rated to
the elapsed part ``from..E`` (docs/spec/METRICS.md). Rows of levels a metric has no target at, and
figures without a target, get empty target columns and status.
"""

from __future__ import annotations

import datetime as dt
from calendar import isleap

import polars as pl

from metrics.definition import MetricDefinition
from metrics.target_status import status
from metrics.targets import targets_for_period


def _days_in_year(year: int) -> int:
    return 366 if isleap(year) else 365


def _prorated(yearly: float, first: dt.date, last: dt.date, year: int) -> float:
    days = max((last - first).days + 1, 0)
    return yearly * days / _days_in_year(year)


def target_rows(
    defs: list[MetricDefinition], spans: list[tuple[dt.date, dt.date]], as_of: dt.date
) -> pl.DataFrame:
    """One row per metric × bucket: target_op, target_value, the value compared, tolerance."""
    out: dict[str, list[object]] = {
        k: [] for k in ("metric_id", "b_start", "target_op", "target_value", "_cmp", "_tol")
    }
    for first, last in spans:
        _year, targets = targets_for_period(last)
        for m in defs:
            t = targets.get(m.id) if m.has_target else None
            op = t.target_op if t else None
            value = t.target_value if t else None
            compared = value
            if t is not None and m.unit == "count":
                value = _prorated(t.target_value, first, last, last.year)
                compared = _prorated(t.target_value, first, min(last, as_of), last.year)
            for key, item in zip(
                out, (m.id, first, op, value, compared, t.tolerance if t else None), strict=True
            ):
                out[key].append(item)
    return pl.DataFrame(
        out,
        schema={"metric_id": pl.String, "b_start": pl.Date, "target_op": pl.String,
                "target_value": pl.Float64, "_cmp": pl.Float64, "_tol": pl.Float64},
    )  # fmt: skip


def attach_targets(
    rows: pl.DataFrame, defs: list[MetricDefinition], as_of: dt.date
) -> pl.DataFrame:
    spans = rows.select("b_start", "b_end").unique().sort("b_start").rows()
    targets = target_rows(defs, spans, as_of)
    rows = rows.join(targets, on=["metric_id", "b_start"], how="left")
    at_level = pl.lit(False)
    for m in defs:
        at_level = at_level | (
            (pl.col("metric_id") == m.id) & pl.col("level").is_in(list(m.target_levels))
        )
    rows = rows.with_columns(
        *[pl.when(at_level).then(pl.col(c)).alias(c) for c in ("target_op", "target_value", "_cmp")]
    )
    units = {m.id: m.unit for m in defs}
    statuses = [
        status(value, op, cmp, units[mid], tol)
        for mid, value, op, cmp, tol in zip(
            rows["metric_id"], rows["value"], rows["target_op"], rows["_cmp"], rows["_tol"],
            strict=True,
        )
    ]  # fmt: skip
    return rows.with_columns(pl.Series("status", statuses, dtype=pl.String)).drop("_cmp", "_tol")
