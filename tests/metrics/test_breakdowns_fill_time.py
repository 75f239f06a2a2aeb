"""metrics.breakdowns_fill_time: filled vacancies by fill time, mean and median per area.
Vacancies are not people: no small-number rule (no ``_suppressed`` column)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from metrics.breakdowns_fill_time import FILL_BUCKETS, fill_time_distribution, fill_time_summary
from tests.metrics.kpidb import KpiDb, d

A = d("30.4.2025")


def counts(df: pl.DataFrame, key: str) -> dict[object, int]:
    return {r[key]: r["count"] for r in df.iter_rows(named=True)}


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def kpi_row(db: KpiDb, metric_id: str, area: str, start: dt.date, end: dt.date) -> dict:
    return db.kpi(metric_id, start, end, as_of=A)[area]


def test_fill_time_buckets_mean_and_median(db: KpiDb) -> None:
    for i, days in enumerate([0, 7, 8, 21, 22, 61, 100]):
        closed = d("1.1.2025") + _days(days)
        kunta = "Joensuu" if i < 4 else "Lieksa"
        db.add("tyopaikat", tyopaikka_id=f"V{i}", kunta=kunta, julkaistu=d("1.1.2025"),
               sulkeutunut=closed, tulos="taytetty")  # fmt: skip
    db.add("tyopaikat", tyopaikka_id="X1", kunta="Joensuu", julkaistu=d("1.1.2025"),
           sulkeutunut=d("5.1.2025"), tulos="peruttu")  # fmt: skip
    dist = fill_time_distribution(db.con, d("1.1.2025"), d("30.4.2025"), as_of=A)
    # 100 days after 1.1.2025 is 11.4.2025: inside the period.
    assert counts(dist, "bucket") == {
        "0–7": 2, "8–14": 1, "15–21": 1, "22–30": 1, "31–60": 0, "61+": 2
    }  # fmt: skip
    summary = fill_time_summary(db.con, d("1.1.2025"), d("30.4.2025"), as_of=A, level="kunta")
    joensuu = summary.filter(pl.col("area") == "Joensuu").row(0, named=True)
    assert (joensuu["vacancies"], joensuu["mean_days"], joensuu["median_days"]) == (4, 9.0, 7.5)
    lieksa = summary.filter(pl.col("area") == "Lieksa").row(0, named=True)
    assert (lieksa["vacancies"], lieksa["median_days"]) == (3, 61.0)
    empty = summary.filter(pl.col("area") == "Kitee").row(0, named=True)
    assert empty["vacancies"] == 0 and empty["mean_days"] is None
    whole = kpi_row(db, "vacancy_fill_time_days", "Pohjois-Karjala", d("1.1.2025"), d("30.4.2025"))
    assert whole["value"] == pytest.approx((0 + 7 + 8 + 21 + 22 + 61 + 100) / 7)


def test_no_rule_for_vacancies_and_no_rows_without_the_export() -> None:
    db = KpiDb(exports=("asiakkaat",))
    dist = fill_time_distribution(db.con, d("1.1.2025"), A, as_of=A)
    assert dist.height == 0 and "count_suppressed" not in dist.columns
    summary = fill_time_summary(db.con, d("1.1.2025"), A, as_of=A, level="kunta")
    assert summary.height == 13 and summary["vacancies"].sum() == 0
    assert len(FILL_BUCKETS) == 6 and FILL_BUCKETS[-1] == (61, None)
