"""Bills by month and by quarter: each period's 13 bills add up to its actuals, and each
municipality's periods add up to its bill of the year, both to the cent."""

from __future__ import annotations

import polars as pl
import pytest

from metrics.costs.cost_report import cost_report
from tests.metrics.test_costs import _db, _ledger


@pytest.mark.parametrize("grain", ["month", "quarter"])
def test_periods_add_up_both_ways(grain: str) -> None:
    report = cost_report(_ledger().con, 2025)
    periods = report.bills_by(grain)
    year = report.table("kunta").filter(pl.col("kunta") != "yhteensa")
    per_kunta = periods.group_by("kunta").agg(pl.col("kunnan_osuus").sum())
    joined = year.join(per_kunta, on="kunta", suffix="_periods")
    assert (joined["kunnan_osuus"] == joined["kunnan_osuus_periods"]).all()
    assert periods["kausi"].max() == (6 if grain == "month" else 2)
    months = report.table("month").filter(pl.col("kustannuslaji") == "yhteensa")
    if grain == "month":
        spent = periods.group_by("kausi").agg(pl.col("kunnan_osuus").sum()).sort("kausi")
        assert spent["kunnan_osuus"].to_list() == months["toteuma"].to_list()


def test_no_percentages_no_periodic_bills() -> None:
    assert cost_report(_db(shares=None).con, 2025).bills_by("month").height == 0
