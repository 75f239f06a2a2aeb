"""The dashboard's drill-down tables behind the KPIs (METRICS_API.md, "breakdowns").

Each table is computed from the same period relations as the KPI table (metrics.sql_context:
``kpi_days`` = the days of ``[from, E]``, ``E = min(to, A)``), with its SQL in
``breakdowns_sql/`` and DuckDB bound parameters only. Areas follow the KPI table: ``level``
is ``koko_alue``, ``palvelualue`` or ``kunta``; ``area=None`` gives every area of the level.
A table whose export is not loaded comes back empty. Tables that count people take
``threshold`` to apply the small-number rule (metrics.privacy) with the right margins; the
ones a board member sees (channel split, meeting flows, cohort outcomes) are judged month by
month over every level (metrics.breakdown_disclosure, docs/privacy.md "Breakdowns").
"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from metrics.breakdowns_channels import channel_split
from metrics.breakdowns_fill_time import (
    FILL_BUCKETS,
    fill_time_distribution,
    fill_time_summary,
)
from metrics.breakdowns_meetings import meeting_flows
from metrics.breakdowns_people import (
    caseworker_offer_summary,
    caseworkers_without_offers,
    cohort_outcomes,
)
from metrics.disclosure import disclose
from metrics.engine import kpi_table
from metrics.privacy import SUPPRESSED

__all__ = [
    "FILL_BUCKETS",
    "caseworker_offer_summary",
    "caseworkers_without_offers",
    "channel_split",
    "clients_per_htv",
    "cohort_outcomes",
    "fill_time_distribution",
    "fill_time_summary",
    "meeting_flows",
]


def clients_per_htv(
    con: duckdb.DuckDBPyConnection,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None = None,
    level: str = "koko_alue",
    area: str | None = None,
    threshold: int | None = None,
) -> pl.DataFrame:
    """Job seekers with a search open on E per budgeted customer-service person-year:
    ``level, area, clients, htv, ratio`` — the rows of clients_per_customer_service_htv,
    so the table and the KPI never differ. ``threshold``: the KPI rows as the screens show
    them (metrics.disclosure), clients and ratio hidden where the row is."""
    ids = ["clients_per_customer_service_htv"]
    if threshold is None:
        rows = kpi_table(con, start, end, as_of=as_of, levels=[level], metric_ids=ids)
    else:
        shown = disclose(con, start, end, as_of=as_of, metric_ids=ids, threshold=threshold)
        rows = shown.period.filter(pl.col("level") == level)
    if area is not None:
        rows = rows.filter(pl.col("area") == area)
    out = rows.select(
        "level",
        "area",
        pl.col("numerator").cast(pl.Int64).alias("clients"),
        pl.col("denominator").alias("htv"),
        pl.col("value").alias("ratio"),
    )
    if threshold is None:
        return out
    flag = rows[SUPPRESSED]
    return out.with_columns(flag.alias("clients_suppressed"), flag.alias("ratio_suppressed"))
