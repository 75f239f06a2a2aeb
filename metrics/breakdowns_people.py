"""Breakdowns whose rows are people or their cases: cohort outcomes, caseworkers and their
job offers (the flows of face-to-face meetings: metrics.breakdowns_meetings).

Cohort outcomes reuse each cohort metric's own SQL (metrics-core's ``.sql`` files), so the
drill-down can never disagree with the KPI: a metric whose SQL builds a CTE
``outcomes(b_start, kunta, outcome)`` is run with its final SELECT replaced by a count per
outcome; a cohort metric without one (training outcome, which has no exclusion rule) is read
from its own numerator, denominator and pending. The outcomes are the metric's own
(on time / late for a deadline, unemployment ended / unemployed for training), and the
small-number rule hides what the KPI table hides (metrics/cohort_suppression.py).
"""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import polars as pl

from metrics.breakdown_base import area_grid, of_area, place, run_breakdown_sql, sql_text
from metrics.cohort_suppression import disclosed_cohorts
from metrics.definition import ALL_LEVELS, MetricDefinition
from metrics.disclosure import disclose
from metrics.privacy import suppress_counts
from metrics.registry import get
from metrics.sql_context import MetricsError, read_as_of

OUTCOMES = ("on_time", "late", "excluded", "pending")  # the deadline cohorts' outcomes
# Training has no deadline: its resolved cases either left unemployment or did not, and it
# has no exclusion rule (docs/spec/METRICS.md); its outcomes say so.
TRAINING = "training_unemployment_ended_3_months"
OUTCOMES_OF: dict[str, tuple[str, ...]] = {
    TRAINING: ("unemployment_ended", "unemployed", "pending"),
    # unemployment spells of the period: lasted over 3 months (the numerator) or ended before
    "unemployment_reaching_3_months": ("reached", "not_reached", "pending"),
}
_FINAL_SELECT = re.compile(r"^SELECT\b", re.MULTILINE)


def outcome_codes(metric_id: str) -> tuple[str, ...]:
    """A cohort metric's outcomes in order: success (the KPI numerator), failure (with the
    success the KPI denominator), excluded (deadline cohorts only) and pending."""
    return OUTCOMES_OF.get(metric_id, OUTCOMES)


def outcome_sql(metric: MetricDefinition) -> str | None:
    """The metric's SQL ending in ``kunta, outcome, count`` per case outcome, or None when
    its SQL has no ``outcomes`` CTE."""
    text = metric.query()
    finals = list(_FINAL_SELECT.finditer(text))
    if not finals or "outcomes AS (" not in text[: finals[-1].start()]:
        return None
    head = text[: finals[-1].start()]
    return head + "SELECT kunta, outcome, count(*) AS count FROM outcomes GROUP BY kunta, outcome"


def _case_outcomes(
    con: duckdb.DuckDBPyConnection,
    metric: MetricDefinition,
    start: dt.date,
    end: dt.date,
    as_of: dt.date | None,
) -> pl.DataFrame | None:
    sql = outcome_sql(metric)
    if sql is not None:
        return run_breakdown_sql(con, sql, start, end, as_of=as_of, needs=metric.exports)
    rows = run_breakdown_sql(con, metric.query(), start, end, as_of=as_of, needs=metric.exports)
    if rows is None:
        return None
    success, failure, *_ = outcome_codes(metric.id)
    n, d, p = pl.col("numerator"), pl.col("denominator"), pl.col("pending")
    parts = {success: n, failure: d - n, "pending": p.fill_null(0)}
    return pl.concat(
        [
            rows.select("kunta", pl.lit(k).alias("outcome"), v.cast(pl.Int64).alias("count"))
            for k, v in parts.items()
        ]
    )


def cohort_outcomes(
    con: duckdb.DuckDBPyConnection,
    metric_id: str,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "kunta",
    area: str | None = None,
    threshold: int | None = None,
) -> pl.DataFrame:
    """A cohort metric's cases per area: ``level, area, outcome, count`` with ``outcome`` one
    of :func:`outcome_codes` (on_time, late, excluded, pending for the deadline cohorts;
    success + failure = the KPI denominator, success = its numerator, pending = its pending).

    With ``threshold`` the small-number rule hides the same figures the KPI table hides
    (metrics.cohort_suppression), so a card and its cohort table never disagree, and the
    excluded cases follow the month rule (metrics.breakdown_disclosure)."""
    metric = get(metric_id)
    if not metric.cohort:
        raise MetricsError(f"{metric_id} ei ole kohorttimittari / is not a cohort metric")
    codes = outcome_codes(metric_id)
    a = as_of if as_of is not None else read_as_of(con)
    raw = _case_outcomes(con, metric, start, end, a)
    if raw is None:
        grid = area_grid(level, area, outcome=codes)
        return grid.with_columns(pl.lit(None, dtype=pl.Int64).alias("count")).head(0)
    if threshold is None:
        return _cohort_table(raw, level, area, codes)
    e_end = min(end, a)
    # The KPI rows as the cards show them (month rule included: docs/privacy.md).
    shown = disclose(con, start, end, as_of=a, metric_ids=[metric_id], threshold=threshold)

    def every_level(s: dt.date, e: dt.date) -> pl.DataFrame:
        rows = raw if (s, e) == (start, e_end) else _case_outcomes(con, metric, s, e, a)
        rows = raw.clear() if rows is None else rows
        return pl.concat([_cohort_table(rows, lv, None, codes) for lv in ALL_LEVELS])

    out = disclosed_cohorts(every_level, shown, start, e_end, codes, threshold)
    return of_area(out, level, area)


def _cohort_table(
    raw: pl.DataFrame, level: str, area: str | None, codes: tuple[str, ...]
) -> pl.DataFrame:
    grid = area_grid(level, area, outcome=codes)
    counts = place(raw, level, area).group_by("level", "area", "outcome").agg(pl.col("count").sum())
    out = grid.join(counts, on=["level", "area", "outcome"], how="left")
    return out.with_columns(pl.col("count").fill_null(0).cast(pl.Int64))


def caseworkers_without_offers(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "kunta",
    area: str | None = None,
) -> pl.DataFrame:
    """Customer-work caseworkers of the period with their number of job offers, notices and
    presentations, those without any first: ``level, area, yksikko, kunta, virkailija_id,
    offers``. Pseudonymous ids only (no names exist in the data)."""
    raw = run_breakdown_sql(
        con, sql_text("caseworker_offers"), start, end, as_of=as_of,
        needs=("virkailijat", "tapahtumat"),
    )  # fmt: skip
    columns = ["level", "area", "yksikko", "kunta", "virkailija_id", "offers"]
    if raw is None:
        schema = dict.fromkeys(columns, pl.String) | {"offers": pl.Int64}
        return pl.DataFrame(schema=schema)
    placed = place(raw, level, area).with_columns(pl.col("offers").cast(pl.Int64))
    return placed.select(columns).sort("offers", "yksikko", "kunta", "virkailija_id")


def caseworker_offer_summary(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "kunta",
    area: str | None = None,
    threshold: int | None = None,
) -> pl.DataFrame:
    """Per area and unit: ``level, area, yksikko, caseworkers, without_offers``."""
    people = caseworkers_without_offers(con, start, end, as_of=as_of, level=level, area=area)
    out = (
        people.group_by("level", "area", "yksikko")
        .agg(
            pl.len().cast(pl.Int64).alias("caseworkers"),
            (pl.col("offers") == 0).sum().cast(pl.Int64).alias("without_offers"),
        )
        .sort("area", "yksikko")
    )
    if threshold is None:
        return out
    for column in ("without_offers", "caseworkers"):
        out = suppress_counts(
            out, column, keys=("yksikko",), margins=[("area",)], threshold=threshold
        )
    return out
