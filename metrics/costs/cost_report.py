"""A cost year in one call: ``cost_report(con, year, as_of)`` reads the inputs, computes the
bills and builds every table; the command line and the Finances page use it alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import polars as pl

from metrics.costs import cost_suppression, cost_tables, course_results, periodic_bills
from metrics.costs.cost_bills import Bills, compute_bills
from metrics.costs.cost_data import CostInputs, read_inputs
from metrics.costs.cost_year import ITEM_ORDER, CostYear, causation_items
from metrics.sql_context import MetricsError, read_as_of

GROUPINGS = ("item", "kunta", "kunta-item", "month", "course")


class CostsError(MetricsError):
    """A cost year that cannot be computed; the message is in Finnish and English."""


@dataclass(frozen=True)
class CostReport:
    inputs: CostInputs
    bills: Bills
    warnings: tuple[tuple[str, str], ...]  # (Finnish, English)

    @property
    def scope(self) -> CostYear:
        return self.inputs.scope

    def table(self, by: str) -> pl.DataFrame:
        if by == "item":
            return cost_tables.by_item(self.inputs, self.bills)
        if by == "kunta":
            return cost_tables.by_kunta(self.inputs, self.bills)
        if by == "kunta-item":
            return cost_tables.by_kunta_item(self.inputs, self.bills)
        if by == "month":
            return cost_tables.by_month(self.inputs, self.bills)
        if by == "course":
            return course_results.by_course(self.inputs)
        raise ValueError(f"unknown grouping {by!r}")

    def bills_by(self, grain: str) -> pl.DataFrame:
        """The bills by ``month`` or ``quarter`` (metrics.costs.periodic_bills)."""
        return periodic_bills.bills_by_period(self.inputs, self.bills, grain)

    def board_cells(self) -> pl.DataFrame:
        """``--by kunta-item`` as the board sees it (metrics.costs.cost_suppression)."""
        return cost_suppression.board_cells(self.table("kunta-item"), self.bills)


def _items(inputs: CostInputs) -> tuple[tuple[str, ...], dict[str, bool], list[str]]:
    """The year's items (those in force and any other that has data) and the unknown ones."""
    causation = causation_items(inputs.scope.year)
    seen = set(inputs.actuals["kustannuslaji"].to_list()) | set(inputs.budget)
    seen |= set(inputs.commitments)
    strays = [i for i in ITEM_ORDER if i in seen and i not in causation]
    for item in strays:
        causation[item] = False
    items = tuple(i for i in ITEM_ORDER if i in causation)
    return items, causation, strays


def cost_report(
    con: duckdb.DuckDBPyConnection, year: int, as_of: dt.date | None = None
) -> CostReport:
    """The cost year ``year`` at ``as_of`` (default: the load's as-of date)."""
    scope = CostYear(year, as_of or read_as_of(con))
    if not scope.started:
        raise CostsError(
            f"Vuosi {year} ei ole alkanut tilannepäivänä {scope.as_of:%d.%m.%Y}: "
            "kustannuksia ei lasketa. / "
            f"The year {year} has not begun on the as-of date {scope.as_of.isoformat()}: "
            "no costs are computed."
        )
    inputs = read_inputs(con, scope)
    items, causation, strays = _items(inputs)
    warnings: list[tuple[str, str]] = []
    if not inputs.shares:
        warnings.append((
            f"Vuodelle {year} ei ole kustannusjakoa (kustannusjako): kunnan osuutta ei "
            "lasketa, vain aiheuttamisperusteiset kustannukset näytetään.",
            f"There are no cost-sharing percentages (kustannusjako) for {year}: the "
            "municipalities' bills are not computed, only the causation-based costs are shown.",
        ))  # fmt: skip
    for item in strays:
        warnings.append((
            f"Kustannuslaji {item} ei ole voimassa vuonna {year} (reference/"
            "kustannuslajit.csv); se käsitellään jaettavana.",
            f"The cost item {item} is not in force in {year} (reference/kustannuslajit.csv); "
            "it is treated as shared.",
        ))  # fmt: skip
    return CostReport(inputs, compute_bills(inputs, items, causation), tuple(warnings))
