"""The municipalities' bills by month and by quarter, consistent to the cent both ways.

A period's bill is the bill of the year up to the period's end minus the bill up to the
previous period's end, each computed with the year's rule (``cost_bills``): so a month's 13
bills add up to the month's actuals, and a municipality's months add up to its bill of the
year, both to the cent (allocating each month on its own would leave them a cent apart).
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from metrics.costs.cent_allocation import to_euros
from metrics.costs.cost_bills import Bills, compute_bills
from metrics.costs.cost_data import CostInputs

QUARTERS = ((1, 3), (2, 6), (3, 9), (4, 12))  # (quarter, its last month)


def _through(inputs: CostInputs, month: int, bills: Bills) -> Bills:
    upto = inputs.monthly_kunta.filter(pl.col("kuukausi") <= month)
    actuals = upto.group_by("kustannuslaji", "kunta").agg(
        pl.col("toteuma").sum(), pl.lit(0, dtype=pl.Int64).alias("asiakkaita")
    )
    trimmed = CostInputs(
        inputs.scope, actuals.select("kustannuslaji", "kunta", "toteuma", "asiakkaita"),
        {}, {}, inputs.monthly, inputs.shares, inputs.courses, inputs.loaded,
        inputs.monthly_kunta,
    )  # fmt: skip
    return compute_bills(trimmed, bills.items, bills.causation)


def bills_by_period(inputs: CostInputs, bills: Bills, grain: str) -> pl.DataFrame:
    """``year, as_of, kausi, kunta, kunnan_osuus`` for every month (``grain`` "month": kausi
    1..12) or quarter ("quarter": 1..4) that has begun by E; empty without percentages."""
    scope = inputs.scope
    last_month = scope.end.month
    ends = (
        [(m, m) for m in range(1, last_month + 1)]
        if grain == "month"
        else [(q, min(m, last_month)) for q, m in QUARTERS if m - 2 <= last_month]
    )
    rows: list[dict[str, object]] = []
    if bills.shared is None:
        return pl.DataFrame(schema=SCHEMA)
    before = dict.fromkeys(bills.kunnat, 0)
    for period, month in ends:
        upto = _through(inputs, month, bills)
        for kunta in bills.kunnat:
            now = upto.bill(kunta) or 0
            amount = to_euros(now - before[kunta])
            rows.append({"year": scope.year, "as_of": scope.as_of, "kausi": period,
                         "kunta": kunta, "kunnan_osuus": amount})  # fmt: skip
            before[kunta] = now
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")


SCHEMA = pl.Schema({"year": pl.Int32(), "as_of": pl.Date(), "kausi": pl.Int32(),
                    "kunta": pl.String(), "kunnan_osuus": pl.Decimal(18, 2)})  # fmt: skip


def total_of(frame: pl.DataFrame) -> Decimal:
    return Decimal(frame["kunnan_osuus"].sum() or 0)
