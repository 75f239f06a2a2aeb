"""The official statistics beside our own counts, for the situation page (docs/statistics.md).

``official_beside_own`` gives, per municipality and month, Statistics Finland's unemployed
job seekers at the month's end beside our own count of them, the difference as a fraction of
the official figure (0.062 = 6,2 %) and a warning flag where it exceeds the threshold
(``KPI_STATFIN_DIFFERENCE_THRESHOLD``, default 0.05); and per month the area's unemployment
rate (its 13 municipalities' unemployed job seekers over their labour force) beside the whole
country's published rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl

from common.reference import municipalities
from common.settings import get_settings
from pipelines.statfin_carry import TABLE
from pipelines.statfin_codes import COUNTRY, LABOUR_FORCE, RATE, UNEMPLOYED
from pipelines.statfin_jsonstat import TIDY_SCHEMA
from pipelines.validation_report import PipelineError


@dataclass(frozen=True)
class OfficialBesideOwn:
    # kunta, month, official, own, difference (fraction of official), differs (bool)
    municipalities: pl.DataFrame
    # month, area_rate, country_rate, difference_pp (area - country, fractions)
    rates: pl.DataFrame


def _first_days(months: Sequence[date]) -> list[date]:
    return sorted({m.replace(day=1) for m in months})


def _official(con: duckdb.DuckDBPyConnection, months: list[date]) -> pl.DataFrame:
    try:
        rows = con.execute(
            f"SELECT kunta, month, indicator, value FROM {TABLE} "
            "WHERE month IN (SELECT unnest(?::DATE[]))",
            [months],
        ).fetchall()
    except duckdb.CatalogException as exc:
        raise PipelineError.single(
            TABLE,
            "Virallisia tilastoja ei ole haettu. Hae ne: python -m pipelines statfin",
            "The official statistics have not been fetched. Fetch them: "
            "python -m pipelines statfin",
            "statfin_none",
        ) from exc
    return pl.DataFrame(rows, schema=TIDY_SCHEMA, orient="row")


def official_beside_own(
    con: duckdb.DuckDBPyConnection,
    months: Sequence[date],
    own: pl.DataFrame,
    threshold: float | None = None,
) -> OfficialBesideOwn:
    """``own``: our counts as (kunta, month, count), a month given by any of its days."""
    limit = get_settings().statfin_difference_threshold if threshold is None else threshold
    wanted = _first_days(months)
    official = _official(con, wanted)
    kunnat = [m.kunta for m in municipalities()]
    grid = pl.DataFrame(
        [(k, m) for k in kunnat for m in wanted],
        schema={"kunta": pl.String, "month": pl.Date},
        orient="row",
    )
    counts = (
        official.filter(pl.col("indicator") == UNEMPLOYED)
        .select("kunta", "month", pl.col("value").alias("official"))
    )  # fmt: skip
    ours = own.select(
        pl.col("kunta").cast(pl.String),
        pl.col("month").cast(pl.Date).dt.month_start(),
        pl.col("count").cast(pl.Float64).alias("own"),
    )
    table = grid.join(counts, on=["kunta", "month"], how="left").join(
        ours, on=["kunta", "month"], how="left"
    )
    difference = (pl.col("own") - pl.col("official")) / pl.col("official")
    table = table.with_columns(
        pl.when(pl.col("official") > 0).then(difference).otherwise(None).alias("difference")
    ).with_columns(
        pl.when(pl.col("official").is_null() | pl.col("own").is_null())
        .then(None)
        .when(pl.col("official") == 0)
        .then(pl.col("own") != 0)
        .otherwise(pl.col("difference").abs() > limit)
        .alias("differs")
    )
    return OfficialBesideOwn(table, _rates(official, wanted, len(kunnat)))


def _rates(official: pl.DataFrame, months: list[date], n_kunnat: int) -> pl.DataFrame:
    """The area's rate from its municipalities (null unless all of them are there)."""
    local = official.filter(
        (pl.col("kunta") != COUNTRY) & pl.col("indicator").is_in([UNEMPLOYED, LABOUR_FORCE])
    )
    area = (
        local.pivot(on="indicator", index=["kunta", "month"], values="value")
        if local.height
        else pl.DataFrame(schema={"kunta": pl.String, "month": pl.Date,
                                  UNEMPLOYED: pl.Float64, LABOUR_FORCE: pl.Float64})
    )  # fmt: skip
    area = (
        area.drop_nulls([UNEMPLOYED, LABOUR_FORCE])
        .group_by("month")
        .agg(pl.len().alias("n"), pl.col(UNEMPLOYED).sum(), pl.col(LABOUR_FORCE).sum())
        .filter((pl.col("n") == n_kunnat) & (pl.col(LABOUR_FORCE) > 0))
        .select("month", (pl.col(UNEMPLOYED) / pl.col(LABOUR_FORCE)).alias("area_rate"))
    )
    country = official.filter((pl.col("kunta") == COUNTRY) & (pl.col("indicator") == RATE))
    return (
        pl.DataFrame({"month": months}, schema={"month": pl.Date})
        .join(area, on="month", how="left")
        .join(country.select("month", pl.col("value").alias("country_rate")), on="month",
              how="left")
        .with_columns((pl.col("area_rate") - pl.col("country_rate")).alias("difference_pp"))
    )  # fmt: skip
