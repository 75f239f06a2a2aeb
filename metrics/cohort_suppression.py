"""The small-number rule on a cohort's outcome table, consistent with the KPI table.

A cohort table (metrics.breakdowns_people.cohort_outcomes) repeats figures the KPI row of the
same area publishes on the card: its pending count, and success + failure = the denominator.
Judged on its own, the table chose the card's pending count as the partner of a small
failure count and showed ``<5`` beside a card saying ``kesken 5`` (or showed a pending count
the KPI table hides as a partner in another municipality). Here the table follows the KPI.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from metrics.breakdown_disclosure import TableOf, under_month_rule
from metrics.disclosure import Disclosed
from metrics.privacy import PENDING_SUPPRESSED, SUPPRESSED, suppress_counts

_FROM, _TO = "__piece_from", "__piece_to"


def like_the_kpi(
    out: pl.DataFrame,
    kpi: pl.DataFrame,
    codes: tuple[str, ...],
    threshold: int,
    forced: str | None = None,
) -> pl.DataFrame:
    """The cohort table under the small-number rule, consistent with the KPI rows the cards
    show. The pending count is the KPI's own ``pending``: it is hidden exactly where the KPI
    table hides it (its own primary and secondary suppression over every area). Success and
    failure add up to the KPI denominator, a published total: they are suppressed as a pair
    (and both where the KPI row is hidden). The excluded count is published nowhere else and
    is judged on its own. Pending is never a partner of another outcome, so a pending count
    the card shows is never ``<5`` in the table. ``forced`` names a boolean column of cells
    hidden for another reason (protected like small ones). With every level in ``out``, the
    areas add up (kunnat to their service area to the whole area)."""
    success, failure = codes[0], codes[1]
    group = (
        pl.when(pl.col("outcome").is_in([success, failure]))
        .then(pl.lit("resolved"))
        .otherwise(pl.col("outcome"))
        .alias("__group")
    )
    rowid = "__cohort_row"
    work = out.with_row_index(rowid).with_columns(group)
    others = work.filter(pl.col("outcome") != "pending")
    judged = suppress_counts(
        others,
        keys=("outcome",),
        margins=[("level", "area", "__group")],
        threshold=threshold,
        forced=forced,
    ).select(rowid, "count_suppressed")
    flags = kpi.select(
        "level", "area", pl.col(SUPPRESSED).alias("__row_hidden"),
        pl.col(PENDING_SUPPRESSED).alias("__pending_hidden"),
    )  # fmt: skip
    joined = work.join(judged, on=rowid, how="left").join(flags, on=["level", "area"], how="left")
    resolved = pl.col("outcome").is_in([success, failure])
    hidden = (
        pl.when(pl.col("outcome") == "pending")
        .then(
            pl.col("__pending_hidden").fill_null(
                (pl.col("count") > 0) & (pl.col("count") < threshold)
            )
        )
        .otherwise(
            pl.col("count_suppressed").fill_null(False)
            | (resolved & pl.col("__row_hidden").fill_null(False))
        )
    )
    return (
        joined.sort(rowid)
        .with_columns(hidden.alias("count_suppressed"))
        .with_columns(
            pl.when(pl.col("count_suppressed")).then(None).otherwise(pl.col("count")).alias("count")
        )
        .select(*out.columns, "count_suppressed")
    )


def disclosed_cohorts(
    table_of: TableOf,
    shown: Disclosed,
    start: dt.date,
    end: dt.date,
    codes: tuple[str, ...],
    threshold: int,
) -> pl.DataFrame:
    """The cohort table of ``[start, end]`` (``end`` = E; every level) like the KPI rows of
    ``shown`` (each month piece like its month's rows) and under the month rule. Only the
    excluded cases take it from the months: success and failure follow the KPI row, whose
    own month rule hides it where a month is hidden, and pending is the KPI's own."""

    def tagged(s: dt.date, e: dt.date) -> pl.DataFrame:
        return table_of(s, e).with_columns(pl.lit(s).alias(_FROM), pl.lit(e).alias(_TO))

    def protect_table(table: pl.DataFrame, forced: str | None) -> pl.DataFrame:
        s, e = table[_FROM][0], table[_TO][0]
        kpi = shown.period
        if (s, e) != (start, end):
            kpi = shown.monthly.filter(pl.col("period_start") == s)
        if forced is not None:
            only_excluded = pl.col(forced) & (pl.col("outcome") == "excluded")
            table = table.with_columns(only_excluded.alias(forced))
        return like_the_kpi(table, kpi, codes, threshold, forced)

    cell = ("level", "area", "outcome")
    return under_month_rule(tagged, protect_table, start, end, cell=cell).drop(_FROM, _TO)
