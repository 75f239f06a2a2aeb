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
from metrics.standing_targets import standing_target
from metrics.target_status import status
from metrics.targets import Target, targets_for_period
from metrics.year_before_target import EARLIER


def _days_in_year(year: int) -> int:
    return 366 if isleap(year) else 365


def _prorated(yearly: float, first: dt.date, last: dt.date, year: int) -> float:
    days = max((last - first).days + 1, 0)
    return yearly * days / _days_in_year(year)


def _standing(m: MetricDefinition, targets: dict[str, Target], last: dt.date) -> bool | None:
    """None when the year's table or no standing row gives ``m`` a target on ``last``; else
    whether the standing row is the year-earlier one (reference/jatkuvat_tavoitteet.csv)."""
    if not m.has_target or m.id in targets:
        return None
    row = standing_target(m.id, last)
    return None if row is None else row.year_earlier


def year_earlier_metrics(
    defs: list[MetricDefinition], spans: list[tuple[dt.date, dt.date]]
) -> list[MetricDefinition]:
    """The metrics whose target is the year-earlier value in some bucket of ``spans``."""
    by_year = {last: targets_for_period(last)[1] for _first, last in spans}
    return [m for m in defs if any(_standing(m, by_year[last], last) for _f, last in spans)]


def target_rows(
    defs: list[MetricDefinition], spans: list[tuple[dt.date, dt.date]], as_of: dt.date
) -> pl.DataFrame:
    """One row per metric × bucket: target_op, target_value, the value compared, tolerance,
    and ``_ye`` (the target is the year-earlier value, filled in by attach_targets)."""
    out: dict[str, list[object]] = {
        k: [] for k in ("metric_id", "b_start", "target_op", "target_value", "_cmp", "_tol", "_ye")
    }
    for first, last in spans:
        _year, targets = targets_for_period(last)
        for m in defs:
            t = targets.get(m.id) if m.has_target else None
            op = t.target_op if t else None
            value = t.target_value if t else None
            tolerance = t.tolerance if t else None
            compared = value
            if t is not None and m.unit == "count":
                value = _prorated(t.target_value, first, last, last.year)
                compared = _prorated(t.target_value, first, min(last, as_of), last.year)
            year_earlier = _standing(m, targets, last)
            if year_earlier is not None:
                row = standing_target(m.id, last)
                assert row is not None
                op, value, compared, tolerance = (
                    row.target_op, row.target_value, row.target_value, row.tolerance
                )  # fmt: skip
            for key, item in zip(
                out, (m.id, first, op, value, compared, tolerance, bool(year_earlier)), strict=True
            ):
                out[key].append(item)
    return pl.DataFrame(
        out,
        schema={"metric_id": pl.String, "b_start": pl.Date, "target_op": pl.String,
                "target_value": pl.Float64, "_cmp": pl.Float64, "_tol": pl.Float64,
                "_ye": pl.Boolean},
    )  # fmt: skip


def _with_year_earlier(rows: pl.DataFrame, earlier: pl.DataFrame | None) -> pl.DataFrame:
    """target_value and the value compared from the year-earlier counts; all target columns
    empty where there is none (the earlier day is before S, or nothing was computed)."""
    keys = ["metric_id", "level", "area", "b_start"]
    if earlier is None:
        earlier = pl.DataFrame(schema={**rows.select(keys).schema, EARLIER: pl.Float64})
    rows = rows.join(earlier.select(*keys, EARLIER), on=keys, how="left")
    ye = pl.col("_ye").fill_null(False)
    return rows.with_columns(
        pl.when(ye).then(pl.col(EARLIER)).otherwise(pl.col("target_value")).alias("target_value"),
        pl.when(ye).then(pl.col(EARLIER)).otherwise(pl.col("_cmp")).alias("_cmp"),
        pl.when(ye & pl.col(EARLIER).is_null())
        .then(None)
        .otherwise(pl.col("target_op"))
        .alias("target_op"),
    ).drop(EARLIER)


def attach_targets(
    rows: pl.DataFrame,
    defs: list[MetricDefinition],
    as_of: dt.date,
    earlier: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Targets and status on KPI rows; ``earlier`` (metrics.year_before_target) holds the
    year-earlier counts of the metrics whose target is the year-earlier value."""
    spans = rows.select("b_start", "b_end").unique().sort("b_start").rows()
    targets = target_rows(defs, spans, as_of)
    rows = rows.join(targets, on=["metric_id", "b_start"], how="left")
    rows = _with_year_earlier(rows, earlier)
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
        # "lower than a year earlier": 0 against 0 is ok (docs/spec/METRICS.md)
        "ok" if ye and value == 0 and cmp == 0 else status(value, op, cmp, units[mid], tol)
        for mid, value, op, cmp, tol, ye in zip(
            rows["metric_id"], rows["value"], rows["target_op"], rows["_cmp"], rows["_tol"],
            rows["_ye"], strict=True,
        )
    ]  # fmt: skip
    return rows.with_columns(pl.Series("status", statuses, dtype=pl.String)).drop(
        "_cmp", "_tol", "_ye"
    )
