"""kustannusjako over a year: all 13 municipalities, none negative, the sum 100 ± 0.01."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from common.reference import municipalities
from pipelines.cost_share_rule import check_cost_shares
from pipelines.validation_report import ValidationReport


def _frame(shares: dict[str, str], year: int = 2025) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "_row": list(range(2, 2 + len(shares))),
            "vuosi": [year] * len(shares),
            "kunta": list(shares),
            "osuus": [Decimal(v) for v in shares.values()],
        },
        schema={"_row": pl.Int64, "vuosi": pl.Int32, "kunta": pl.String,
                "osuus": pl.Decimal(12, 6)},
    )  # fmt: skip


def _even(last: str) -> dict[str, str]:
    names = [m.kunta for m in municipalities()]
    shares = dict.fromkeys(names[:-1], "8")  # 12 x 8 = 96
    shares[names[-1]] = last
    return shares


@pytest.mark.parametrize("last", ["4", "4.01", "3.99"])
def test_a_year_adding_up_to_100_within_a_hundredth_passes(last: str) -> None:
    report = ValidationReport()
    check_cost_shares(_frame(_even(last)), "kustannusjako.csv", report)
    assert report.ok


@pytest.mark.parametrize(("last", "total"), [("3.5", "99,5"), ("4.02", "100,02")])
def test_a_year_off_by_more_names_the_year_and_the_sum(last: str, total: str) -> None:
    report = ValidationReport()
    check_cost_shares(_frame(_even(last), 2026), "kustannusjako.csv", report)
    (issue,) = report.errors
    assert (issue.row, issue.column, issue.rule) == (2, "osuus", "cost_shares")
    assert "2026" in issue.message_fi and total in issue.message_fi


def test_a_missing_municipality_is_named() -> None:
    shares = _even("4")
    shares.pop("Nurmes")
    shares["Joensuu"] = "12"
    report = ValidationReport()
    check_cost_shares(_frame(shares), "kustannusjako.csv", report)
    (issue,) = report.errors
    assert "Nurmes" in issue.message_en and "100" in issue.message_en
