"""Cost per result of purchased training (docs/spec/METRICS.md, "Cost per result"): per course
and per training kind, euros per participant and per success (the success of
``training_unemployment_ended_3_months``, resolved cases); empty where the count is 0."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from metrics.costs.cost_data import CostInputs
from metrics.costs.cost_tables import EURO, euros
from metrics.costs.cost_year import CostYear

_BY_COURSE = pl.Schema(
    {
        "year": pl.Int32(),
        "as_of": pl.Date(),
        "koulutus_id": pl.String(),
        "laji": pl.String(),
        "kustannus": EURO,
        "osallistujat": pl.Int64(),
        "suorittaneet": pl.Int64(),
        "tyottomyys_paattynyt": pl.Int64(),
        "kesken": pl.Int64(),
        "eur_per_osallistuja": EURO,
        "eur_per_tulos": EURO,
    }
)


def _per(cost: Decimal, count: int) -> Decimal | None:
    return euros(cost / count) if count else None


def per_result_rows(frame: pl.DataFrame, key: str, scope: CostYear) -> list[dict[str, object]]:
    """Rows of cost per participant and per result for the rows of ``frame`` (by ``key``)."""
    out: list[dict[str, object]] = []
    for row in frame.iter_rows(named=True):
        cost = Decimal(row["kustannus"])
        out.append(
            {
                "year": scope.year,
                "as_of": scope.as_of,
                **{k: row[k] for k in frame.columns},
                "kustannus": cost,
                "eur_per_osallistuja": _per(cost, row["osallistujat"]),
                "eur_per_tulos": _per(cost, row["tyottomyys_paattynyt"]),
            }
        )
    return out


def by_course(inputs: CostInputs) -> pl.DataFrame:
    return pl.DataFrame(
        per_result_rows(inputs.courses, "koulutus_id", inputs.scope), schema=_BY_COURSE,
        orient="row",
    )  # fmt: skip


_COUNTS = ("osallistujat", "suorittaneet", "tyottomyys_paattynyt", "kesken")


def by_kind(inputs: CostInputs) -> pl.DataFrame:
    """Cost per result by training kind (``laji``; a course unknown in koulutukset: null)."""
    grouped = (
        inputs.courses.group_by("laji")
        .agg(pl.col("kustannus").sum(), *(pl.col(c).sum() for c in _COUNTS))
        .sort("laji", nulls_last=True)
    )
    schema = pl.Schema({k: v for k, v in _BY_COURSE.items() if k != "koulutus_id"})
    frame = pl.DataFrame(
        per_result_rows(grouped, "laji", inputs.scope), schema=schema, orient="row"
    )
    resolved = pl.col("suorittaneet") - pl.col("kesken")
    rate = pl.when(resolved > 0).then(pl.col("tyottomyys_paattynyt") / resolved)
    return frame.with_columns(rate.alias("tulos_osuus"))
