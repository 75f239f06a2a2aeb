"""The target "lower than a year earlier" on the four counts: the same metric, level and area
on the day one year before E, empty before the coverage start S, 10 % tolerance, 0 against 0
ok, and the small-number rule on the year-earlier count too."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from metrics.engine import compute
from metrics.privacy import suppress
from metrics.year_earlier import one_year_earlier
from tests.metrics.kpidb import KpiDb, d

UNEMPLOYED = "unemployed_job_seekers"


@pytest.mark.parametrize(("day", "earlier"), [
    ("28.2.2025", "29.2.2024"),  # a month's last day maps to that month's last day
    ("29.2.2024", "28.2.2023"),
    ("27.2.2025", "27.2.2024"),
    ("30.11.2025", "30.11.2024"),
    ("31.12.2025", "31.12.2024"),
    ("15.6.2025", "15.6.2024"),
])  # fmt: skip
def test_one_year_before(day: str, earlier: str) -> None:
    assert one_year_earlier(d(day)) == d(earlier)


def _with_coverage_start(db: KpiDb, as_of: dt.date, start: dt.date | None) -> None:
    db.con.execute(
        "CREATE TABLE meta_load AS SELECT ?::DATE AS as_of, ?::DATE AS data_from", [as_of, start]
    )


def _unemployed(db: KpiDb, cid: str, kunta: str, start: str, end: str | None = None) -> None:
    db.client(cid, kunta)
    db.add("tilajaksot", asiakas_id=cid, tila="tyoton", alkupvm=d(start),
           loppupvm=d(end) if end else None)  # fmt: skip


def test_target_is_the_count_one_year_earlier_per_area() -> None:
    db = KpiDb()
    _with_coverage_start(db, d("31.12.2025"), d("1.1.2024"))
    for i in range(10):  # ten in Joensuu on 30.11.2024, nine of them still on 30.11.2025
        _unemployed(db, f"J{i}", "Joensuu", "1.6.2024", "1.12.2024" if i == 0 else None)
    for i in range(6):  # six in Lieksa a year earlier; seven now (risk: within 10 % of 6? no)
        _unemployed(db, f"L{i}", "Lieksa", "1.6.2024")
    _unemployed(db, "L6", "Lieksa", "1.10.2025")
    rows = db.kpi(UNEMPLOYED, d("1.11.2025"), d("30.11.2025"), as_of=d("31.12.2025"))
    joensuu, lieksa = rows["Joensuu"], rows["Lieksa"]
    assert (joensuu["value"], joensuu["target_op"], joensuu["target_value"]) == (9, "<", 10)
    assert joensuu["status"] == "ok"
    assert (lieksa["value"], lieksa["target_value"], lieksa["status"]) == (7, 6, "off")
    whole = rows["Pohjois-Karjala"]
    assert (whole["value"], whole["target_value"], whole["status"]) == (16, 16, "risk")
    assert rows["Kitee"]["value"] == 0 and rows["Kitee"]["target_value"] == 0
    assert rows["Kitee"]["status"] == "ok"  # 0 against 0 is ok


def test_the_tolerance_is_10_percent_of_the_year_earlier_count() -> None:
    db = KpiDb()
    _with_coverage_start(db, d("31.12.2025"), d("1.1.2024"))
    for i in range(20):
        _unemployed(db, f"A{i}", "Joensuu", "1.1.2024", "31.12.2024" if i < 18 else None)
    for i in range(20):
        _unemployed(db, f"B{i}", "Joensuu", "1.1.2025")
    # a year earlier (30.6.2024): 20; now 22 (+2 = 10 %): risk; 23 would be off
    rows = db.kpi(UNEMPLOYED, d("1.6.2025"), d("30.6.2025"), as_of=d("31.12.2025"))
    assert (rows["Joensuu"]["value"], rows["Joensuu"]["target_value"]) == (22, 20)
    assert rows["Joensuu"]["status"] == "risk"
    _unemployed(db, "C", "Joensuu", "1.1.2025")
    rows = db.kpi(UNEMPLOYED, d("1.6.2025"), d("30.6.2025"), as_of=d("31.12.2025"))
    assert rows["Joensuu"]["status"] == "off"


def test_before_the_coverage_start_the_target_columns_and_status_are_empty() -> None:
    db = KpiDb()
    _with_coverage_start(db, d("31.12.2025"), d("1.1.2025"))
    _unemployed(db, "A", "Joensuu", "1.6.2024")
    rows = db.kpi(UNEMPLOYED, d("1.11.2025"), d("30.11.2025"), as_of=d("31.12.2025"))
    assert rows["Joensuu"]["value"] == 1
    assert rows["Joensuu"]["target_op"] is None
    assert rows["Joensuu"]["target_value"] is None and rows["Joensuu"]["status"] is None
    # a count whose own day is before S is empty too
    early = db.kpi(UNEMPLOYED, d("1.11.2024"), d("30.11.2024"), as_of=d("31.12.2025"))
    assert early["Joensuu"]["value"] is None and early["Joensuu"]["numerator"] is None


def test_the_earlier_day_of_a_month_end_in_a_monthly_series() -> None:
    db = KpiDb()
    _with_coverage_start(db, d("31.3.2025"), d("1.1.2024"))
    _unemployed(db, "A", "Joensuu", "29.2.2024", "29.2.2024")  # unemployed on 29.2.2024 only
    _unemployed(db, "B", "Joensuu", "1.3.2024", "1.3.2024")
    rows = compute(db.con, d("1.2.2025"), d("31.3.2025"), grain="month", as_of=d("31.3.2025"),
                   levels=("kunta",), metric_ids=[UNEMPLOYED])  # fmt: skip
    joensuu = rows.filter(rows["area"] == "Joensuu")
    # February 2025 ends on 28.2: its year-earlier day is 29.2.2024
    assert joensuu["target_value"].to_list() == [1, 0]


def test_the_year_earlier_count_follows_the_small_number_rule() -> None:
    db = KpiDb()
    _with_coverage_start(db, d("31.12.2025"), d("1.1.2024"))
    for i in range(3):  # three a year earlier in Lieksa, none now
        _unemployed(db, f"L{i}", "Lieksa", "1.1.2024", "31.12.2024")
    for i in range(12):
        _unemployed(db, f"J{i}", "Joensuu", "1.1.2024")
    table = db.table(d("1.11.2025"), d("30.11.2025"), as_of=d("31.12.2025"),
                     metric_ids=[UNEMPLOYED])  # fmt: skip
    shown = {r["area"]: r for r in suppress(table).iter_rows(named=True)}
    assert shown["Lieksa"]["target_value"] is None and shown["Lieksa"]["status"] is None
    assert shown["Lieksa"]["value"] == 0  # zero is not a small number
    assert shown["Pielisen Karjala"]["target_value"] is None  # 3 as well
    # the whole area's year-earlier count minus the other municipalities would give Lieksa's
    # away: a second municipality's is hidden beside it
    kunnat = suppress(table).filter(pl.col("level") == "kunta")
    assert kunnat["target_value"].null_count() >= 2
    raw = {r["area"]: r for r in table.iter_rows(named=True)}
    assert raw["Lieksa"]["target_value"] == 3
