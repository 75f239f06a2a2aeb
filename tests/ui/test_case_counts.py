"""Numbers a reader can cite (ui/case_counts.py): the cases beside a share, and the table
under a trend chart, both under the small-number rule."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from metrics.privacy import SMALL
from ui import case_counts, charts, kpi_view
from ui.i18n import t


def _row(**values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "numerator": 128.0,
        "denominator": 170.0,
        "pending": None,
        "suppressed": False,
        "pending_suppressed": False,
    }
    return row | values


@pytest.mark.parametrize(
    ("row", "unit", "fi", "en"),
    [
        (_row(), "share", "(128 / 170)", "(128 / 170)"),
        (_row(pending=4), "share", "(128 / 170, kesken 4)", "(128 / 170, 4 pending)"),
        (
            _row(numerator=1234.0, denominator=2000.0),
            "share",
            "(1\u202f234 / 2\u202f000)",
            "(1,234 / 2,000)",
        ),
        (
            _row(pending=None, pending_suppressed=True),
            "share",
            f"(128 / 170, kesken {SMALL})",
            f"(128 / 170, {SMALL} pending)",
        ),
        (
            _row(numerator=0.0, denominator=0.0, pending=3),
            "share",
            "(0 / 0, kesken 3)",
            "(0 / 0, 3 pending)",
        ),  # all cases pending: said so
        (_row(numerator=0.0, denominator=0.0, pending=0), "share", None, None),  # no cases
        (_row(numerator=None, denominator=None, suppressed=True), "share", None, None),
        (_row(numerator=None, denominator=None), "share", None, None),  # export missing
        (_row(numerator=954.0, denominator=45.0), "days", None, None),  # not a share
    ],
)
def test_the_cases_beside_a_share(
    row: dict[str, object], unit: str, fi: str | None, en: str | None
) -> None:
    assert case_counts.counts_text(row, unit, "fi") == fi
    assert case_counts.counts_text(row, unit, "en") == en


def test_the_area_table_has_the_cases_of_a_share_and_hides_a_hidden_row() -> None:
    table = pl.DataFrame(
        {
            "metric_id": ["initial_interviews_face_to_face"] * 2,
            "area": ["Kitee", "Rääkkylä"],
            "value": [0.8, None],
            "numerator": [40.0, None],
            "denominator": [50.0, None],
            "pending": [None, None],
            "target_op": [">=", ">="],
            "target_value": [0.75, 0.75],
            "status": ["ok", None],
            "suppressed": [False, True],
        }
    )
    shown = kpi_view.screen_table(table, "fi")
    assert shown[t("col_cases", "fi")].to_list() == ["40 / 50", SMALL]
    assert shown[t("col_value", "fi")].to_list() == ["80,0\u00a0%", SMALL]


AS_OF = date(2026, 3, 15)


def _series() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period_start": [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1),
                             date(2026, 4, 1)],
            "period_end": [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31),
                           date(2026, 4, 30)],
            "as_of": [AS_OF] * 4,
            "value": [0.9, None, 0.5, None],
            "numerator": [18.0, None, 5.0, None],
            "denominator": [20.0, None, 10.0, None],
            "pending": [0, 1, None, None],
            "suppressed": [False, True, False, False],
            "pending_suppressed": [False, False, True, False],
        }
    )  # fmt: skip


def test_the_table_under_a_trend_says_each_point_with_the_rule_of_the_chart() -> None:
    table = case_counts.trend_table(_series(), "share", "fi", "month", cohort=True)
    assert table.columns == [
        t(k, "fi") for k in ("col_period", "col_value", "col_numerator", "col_denominator",
                             "col_pending")
    ]  # fmt: skip
    assert table.rows() == [
        ("1/2026", "90,0\u00a0%", "18", "20", "0"),
        ("2/2026", SMALL, SMALL, SMALL, "1"),  # hidden: the value and both counts
        ("3/2026 (osittainen kuukausi 1.3.–15.3.)", "50,0\u00a0%", "5", "10", SMALL),
    ]  # April had not begun by the as-of date: no point, no row


def test_a_trend_table_without_pending_cases_and_in_english() -> None:
    series = _series().with_columns(pl.lit(None).alias("pending"), pl.lit(False).alias(
        "pending_suppressed"))  # fmt: skip
    table = case_counts.trend_table(series, "share", "en", "month", cohort=False)
    assert t("col_pending", "en") not in table.columns
    assert table.row(0) == ("Jan 2026", "90.0%", "18", "20")


def test_a_sum_of_months_keeps_its_decimal() -> None:
    series = _series().with_columns(pl.Series("numerator", [17.25, None, 4.0, None]))
    table = case_counts.trend_table(series, "months", "fi", "month", cohort=False)
    assert table[t("col_numerator", "fi")].to_list()[0] == "17,3"


def test_a_trend_s_hover_gives_a_share_s_cases_but_not_a_hidden_point_s() -> None:
    series = _series().with_columns(pl.lit(0.75).alias("target_value"))
    fig = charts.trend(series, "share", "fi", grain="month", cohort=True)
    (marks,) = [d for d in fig.data if d.type == "scatter" and d.mode == "markers"]
    first, hidden = marks.customdata[0], marks.customdata[1]
    assert first.split("<br>")[1] == "90,0\u00a0% (18 / 20)"
    assert "/" not in hidden.split("<br>")[1]
