"""The Situation page's tables from KPI rows that passed the small-number rule."""

from __future__ import annotations

import datetime as dt

import polars as pl

from metrics.privacy import SUPPRESSED
from metrics.situation_tables import (
    GROUPS,
    groups_by_area,
    groups_by_month,
    own_unemployed_by_month,
)

OCT, NOV = dt.date(2025, 10, 1), dt.date(2025, 11, 1)
AS_OF = dt.date(2025, 11, 20)


def _rows() -> pl.DataFrame:
    out = []
    for start, end in ((OCT, dt.date(2025, 10, 31)), (NOV, dt.date(2025, 11, 30))):
        for level, area in (("kunta", "Joensuu"), ("kunta", "Lieksa"), ("palvelualue", "Joensuu")):
            for i, group in enumerate(GROUPS):
                small = area == "Lieksa" and group == "unemployed_immigrants"
                value = None if small else float(100 - 10 * i + start.month)
                out.append((group, level, area, start, end, AS_OF, value, small))
    return pl.DataFrame(
        out,
        schema={"metric_id": pl.String, "level": pl.String, "area": pl.String,
                "period_start": pl.Date, "period_end": pl.Date, "as_of": pl.Date,
                "value": pl.Float64, SUPPRESSED: pl.Boolean},
        orient="row",
    )  # fmt: skip


def test_the_four_groups_side_by_side_per_area() -> None:
    table = groups_by_area(_rows().filter(pl.col("period_start") == NOV), "kunta")
    assert table["area"].to_list() == ["Joensuu", "Lieksa"]
    assert [c for c in table.columns if c in GROUPS] == list(GROUPS)
    lieksa = table.row(1, named=True)
    assert lieksa["unemployed_immigrants"] is None
    assert lieksa[f"unemployed_immigrants_{SUPPRESSED}"] is True
    assert lieksa["unemployed_job_seekers"] == 111


def test_the_counts_by_month_end_stop_at_the_as_of_date() -> None:
    table = groups_by_month(_rows(), "kunta", "Joensuu")
    assert table["month_end"].to_list() == [dt.date(2025, 10, 31), AS_OF]
    assert table["long_term_unemployed"].to_list() == [90, 91]


def test_own_counts_for_the_official_comparison_keep_the_hidden_flag() -> None:
    rows = _rows().with_columns(
        pl.when(pl.col("area") == "Lieksa").then(True).otherwise(pl.col(SUPPRESSED))
        .alias(SUPPRESSED)
    )  # fmt: skip
    own = own_unemployed_by_month(rows)
    assert own.columns == ["kunta", "month", "count", SUPPRESSED]
    assert own.height == 4
    lieksa = own.filter(pl.col("kunta") == "Lieksa")
    assert lieksa[SUPPRESSED].to_list() == [True, True]
    assert lieksa["count"].to_list() == [None, None]
