"""Tables of the Situation page (docs/dashboard.md "Tilanne / Situation") built from KPI rows
that already passed the small-number rule (metrics.disclosure): the four counts side by side
per area or per month end, and our count of the unemployed per municipality and month for the
comparison with Statistics Finland (pipelines.statfin_compare).

Each count cell is the shown value (null where hidden) with a ``<group>_suppressed`` flag, so
a surface prints ``<5`` there and its download carries the same.
"""

from __future__ import annotations

import polars as pl

from metrics.privacy import SUPPRESSED

GROUPS: tuple[str, ...] = (
    "unemployed_job_seekers",
    "unemployed_under_25",
    "long_term_unemployed",
    "unemployed_immigrants",
)
UNEMPLOYED = GROUPS[0]


def _wide(rows: pl.DataFrame, index: list[str]) -> pl.DataFrame:
    """One column per group (the value) and one flag per group, in the order of GROUPS."""
    rows = rows.filter(pl.col("metric_id").is_in(GROUPS))
    flag = pl.col(SUPPRESSED) if SUPPRESSED in rows.columns else pl.lit(False)
    rows = rows.with_columns(flag.fill_null(False).alias("_hidden"))
    keys = rows.select(index).unique(maintain_order=True)
    for group in GROUPS:
        part = rows.filter(pl.col("metric_id") == group).select(
            *index,
            pl.col("value").alias(group),
            pl.col("_hidden").alias(f"{group}_{SUPPRESSED}"),
        )
        keys = keys.join(part, on=index, how="left", maintain_order="left")
    return keys


def groups_by_area(table: pl.DataFrame, level: str) -> pl.DataFrame:
    """``area`` and the four counts on E per area of ``level`` (the KPI table's own order)."""
    return _wide(table.filter(pl.col("level") == level), ["area"])


def groups_by_month(monthly: pl.DataFrame, level: str, area: str) -> pl.DataFrame:
    """``month_end`` (each month's E: its last day, or A in the month A falls in) and the four
    counts of one area, oldest first."""
    rows = monthly.filter((pl.col("level") == level) & (pl.col("area") == area))
    as_of = rows["as_of"].max() if rows.height else None
    rows = rows.with_columns(
        pl.min_horizontal("period_end", pl.lit(as_of, dtype=pl.Date)).alias("month_end")
    )
    return _wide(rows.sort("period_start"), ["month_end"])


def own_unemployed_by_month(monthly: pl.DataFrame) -> pl.DataFrame:
    """``kunta, month, count, suppressed``: our unemployed job seekers on each month's E per
    municipality, as the screen shows them (a hidden count is null)."""
    rows = monthly.filter((pl.col("metric_id") == UNEMPLOYED) & (pl.col("level") == "kunta"))
    flag = (pl.col(SUPPRESSED) if SUPPRESSED in rows.columns else pl.lit(False)).fill_null(False)
    return rows.select(
        pl.col("area").alias("kunta"),
        pl.col("period_start").alias("month"),
        pl.when(flag).then(None).otherwise(pl.col("value")).alias("count"),
        flag.alias(SUPPRESSED),
    )
