"""The five tables of ``python -m metrics costs`` (docs/spec/CLI.md): by item, by municipality,
by municipality x item, by month and by course. Euros are DECIMAL with two decimals, shares
are fractions (Float64); the ``yhteensa`` rows close the item and municipality tables."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import polars as pl

from metrics.costs.cent_allocation import to_cents, to_euros
from metrics.costs.cost_bills import Bills
from metrics.costs.cost_data import CostInputs
from metrics.costs.cost_year import CostYear

TOTAL = "yhteensa"
EURO = pl.Decimal(18, 2)
# A projection above the budget by at most this share of the budget is a risk, beyond: off.
RISK_MARGIN = Decimal("0.05")
CENT = Decimal("0.01")


def euros(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, ROUND_HALF_UP)


def projection(actual: Decimal, commitments: Decimal, scope: CostYear) -> Decimal:
    """ennuste: the year-end at the current pace, or actual + commitments if larger."""
    pace = actual * scope.days_in_year / scope.days_elapsed
    return euros(max(pace, actual + commitments)) or Decimal(0)


def status(forecast: Decimal, budget: Decimal | None) -> str | None:
    if budget is None or budget <= 0:
        return None
    if forecast <= budget:
        return "ok"
    return "risk" if forecast - budget <= budget * RISK_MARGIN else "off"


def _use_row(
    scope: CostYear, item: str, flag: bool | None, actual: Decimal, commit: Decimal,
    budget: Decimal | None,
) -> dict[str, object]:  # fmt: skip
    forecast = projection(actual, commit, scope)
    return {
        "year": scope.year, "as_of": scope.as_of, "kustannuslaji": item,
        "aiheuttamisperusteinen": flag, "toteuma": actual, "sitoumus": commit,
        "talousarvio": budget,
        "vapaa": None if budget is None else budget - actual - commit,
        "kaytetty_osuus": float(actual / budget) if budget else None,
        "kulunut_osuus": scope.elapsed_share, "ennuste": forecast,
        "status": status(forecast, budget),
    }  # fmt: skip


_BY_ITEM = pl.Schema(
    {
        "year": pl.Int32(),
        "as_of": pl.Date(),
        "kustannuslaji": pl.String(),
        "aiheuttamisperusteinen": pl.Boolean(),
        "toteuma": EURO,
        "sitoumus": EURO,
        "talousarvio": EURO,
        "vapaa": EURO,
        "kaytetty_osuus": pl.Float64(),
        "kulunut_osuus": pl.Float64(),
        "ennuste": EURO,
        "status": pl.String(),
    }
)


def by_item(inputs: CostInputs, bills: Bills) -> pl.DataFrame:
    scope = inputs.scope
    rows: list[dict[str, object]] = []
    for item in bills.items:
        actual = to_euros(bills.item_total.get(item, 0))
        commit = inputs.commitments.get(item, Decimal("0.00"))
        rows.append(
            _use_row(scope, item, bills.causation[item], actual, commit, inputs.budget.get(item))
        )
    actual = to_euros(sum(bills.item_total.values()))
    commit = sum(inputs.commitments.values(), Decimal("0.00"))
    budget = sum(inputs.budget.values(), Decimal("0.00")) if inputs.budget else None
    rows.append(_use_row(scope, TOTAL, None, actual, commit, budget))
    return pl.DataFrame(rows, schema=_BY_ITEM, orient="row")


_BY_KUNTA = pl.Schema(
    {
        "year": pl.Int32(),
        "as_of": pl.Date(),
        "kunta": pl.String(),
        "aiheuttamisperusteiset": EURO,
        "jako_osuus": pl.Float64(),
        "jaettu_osuus": EURO,
        "kunnan_osuus": EURO,
    }
)


def _opt(cents: int | None) -> Decimal | None:
    return None if cents is None else to_euros(cents)


def by_kunta(inputs: CostInputs, bills: Bills) -> pl.DataFrame:
    scope = inputs.scope
    weights = dict(inputs.shares)
    total_weight = sum(weights.values(), Decimal(0))
    rows: list[dict[str, object]] = []
    for kunta in bills.kunnat:
        weight = float(weights[kunta] / total_weight) if kunta in weights else None
        rows.append(
            {
                "year": scope.year,
                "as_of": scope.as_of,
                "kunta": kunta,
                "aiheuttamisperusteiset": to_euros(bills.own_total(kunta)),
                "jako_osuus": weight,
                "jaettu_osuus": _opt(bills.shared_total(kunta)),
                "kunnan_osuus": _opt(bills.bill(kunta)),
            }
        )
    pooled = sum(bills.pool.values())
    has = bills.shared is not None
    rows.append(
        {
            "year": scope.year,
            "as_of": scope.as_of,
            "kunta": TOTAL,
            "aiheuttamisperusteiset": to_euros(sum(bills.own.values())),
            "jako_osuus": 1.0 if has else None,
            "jaettu_osuus": to_euros(pooled) if has else None,
            "kunnan_osuus": to_euros(sum(bills.item_total.values())) if has else None,
        }
    )
    return pl.DataFrame(rows, schema=_BY_KUNTA, orient="row")


_BY_KUNTA_ITEM = pl.Schema(
    {
        "year": pl.Int32(),
        "as_of": pl.Date(),
        "kunta": pl.String(),
        "kustannuslaji": pl.String(),
        "aiheuttamisperusteinen": pl.Boolean(),
        "toteuma": EURO,
        "kunnan_osuus": EURO,
    }
)


def by_kunta_item(inputs: CostInputs, bills: Bills) -> pl.DataFrame:
    scope = inputs.scope
    rows = [
        {
            "year": scope.year,
            "as_of": scope.as_of,
            "kunta": kunta,
            "kustannuslaji": item,
            "aiheuttamisperusteinen": bills.causation[item],
            "toteuma": to_euros(bills.own.get((kunta, item), 0)) if bills.causation[item] else None,
            "kunnan_osuus": _opt(bills.cell(kunta, item)),
        }
        for kunta in bills.kunnat
        for item in bills.items
    ]
    return pl.DataFrame(rows, schema=_BY_KUNTA_ITEM, orient="row")


_BY_MONTH = pl.Schema(
    {
        "year": pl.Int32(),
        "as_of": pl.Date(),
        "kuukausi": pl.Int32(),
        "kustannuslaji": pl.String(),
        "toteuma": EURO,
        "kertyma": EURO,
        "talousarvion_vauhti": EURO,
    }
)


def _pace(budget: Decimal | None, scope: CostYear, month: int) -> Decimal | None:
    """The budget pro-rated to the month's end."""
    if budget is None:
        return None
    last = dt.date(scope.year, month, calendar.monthrange(scope.year, month)[1])
    return euros(budget * ((last - scope.start).days + 1) / scope.days_in_year)


def by_month(inputs: CostInputs, bills: Bills) -> pl.DataFrame:
    scope = inputs.scope
    spent: dict[tuple[int, str], int] = {}
    for month, item, toteuma in inputs.monthly.iter_rows():
        spent[(int(month), item)] = to_cents(Decimal(toteuma))
    budget_total = sum(inputs.budget.values(), Decimal(0)) if inputs.budget else None
    running: dict[str, int] = {}
    rows: list[dict[str, object]] = []
    for month in range(1, scope.end.month + 1):
        for item in (*bills.items, TOTAL):
            if item == TOTAL:
                cents = sum(spent.get((month, i), 0) for i in bills.items)
                budget = budget_total
            else:
                cents = spent.get((month, item), 0)
                budget = inputs.budget.get(item)
            running[item] = running.get(item, 0) + cents
            rows.append(
                {
                    "year": scope.year,
                    "as_of": scope.as_of,
                    "kuukausi": month,
                    "kustannuslaji": item,
                    "toteuma": to_euros(cents),
                    "kertyma": to_euros(running[item]),
                    "talousarvion_vauhti": _pace(budget, scope, month),
                }
            )
    return pl.DataFrame(rows, schema=_BY_MONTH, orient="row")
