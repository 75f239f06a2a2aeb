"""Series by ISO week and month, and the employer-contacts projection, by hand."""

from __future__ import annotations

import polars as pl
import pytest

from metrics.series import employer_contacts_projection, metric_series
from metrics.sql_context import MetricsError
from tests.metrics.kpidb import KpiDb, d


@pytest.fixture
def events(db: KpiDb) -> KpiDb:
    db.client("A", "Joensuu")
    db.client("B", "Kitee")
    for who, day, kanava in [
        ("A", "3.1.2025", "kasvokkain"),  # week 1 (1.1-5.1, clipped to the period)
        ("A", "6.1.2025", "puhelin"),  # week 2 (Mon 6.1)
        ("B", "12.1.2025", "kasvokkain"),  # week 2 (Sun 12.1)
        ("B", "31.1.2025", "kasvokkain"),  # week 5 (27.1-31.1, clipped)
        ("A", "3.2.2025", "kasvokkain"),  # February
    ]:
        db.event(who, "alkuhaastattelu", d(day), kanava=kanava)
    return db


def test_weekly_series_buckets_by_iso_week_clipped_to_the_period(events: KpiDb) -> None:
    rows = metric_series(
        events.con,
        d("1.1.2025"),
        d("31.1.2025"),
        grain="week",
        as_of=d("28.2.2025"),
        metric_ids=["initial_interviews_face_to_face"],
    )
    assert rows["period_start"].to_list() == [
        d("1.1.2025"),
        d("6.1.2025"),
        d("13.1.2025"),
        d("20.1.2025"),
        d("27.1.2025"),
    ]
    assert rows["period_end"].to_list()[0] == d("5.1.2025")
    assert rows["numerator"].to_list() == [1, 1, 0, 0, 1]
    assert rows["denominator"].to_list() == [1, 2, 0, 0, 1]
    assert rows["value"].to_list() == [1.0, 0.5, None, None, 1.0]
    assert rows["status"].to_list() == ["ok", "off", None, None, "ok"]


def test_monthly_series_for_one_area(events: KpiDb) -> None:
    rows = metric_series(
        events.con,
        d("1.1.2025"),
        d("31.3.2025"),
        grain="month",
        as_of=d("28.2.2025"),
        level="kunta",
        area="Joensuu",
        metric_ids=["initial_interviews_face_to_face"],
    )
    assert rows["area"].unique().to_list() == ["Joensuu"]
    assert rows["denominator"].to_list() == [2, 1, None]  # March begins after A: empty
    assert rows["numerator"].to_list() == [1, 1, None]


def test_series_cohorts_bucket_by_the_start_date(db: KpiDb) -> None:
    db.client("T", "Liperi")
    db.add("palvelujaksot", asiakas_id="T", palvelu="tym", alkupvm=d("15.1.2025"))
    db.event("T", "palvelutarpeen_arviointi", d("20.3.2025"))
    rows = metric_series(
        db.con,
        d("1.1.2025"),
        d("31.3.2025"),
        grain="month",
        as_of=d("30.4.2025"),
        metric_ids=["tym_assessment_within_3_months"],
    )
    assert rows["numerator"].to_list() == [1, 0, 0]
    assert rows["denominator"].to_list() == [1, 0, 0]


def test_series_employer_contacts_target_per_bucket(db: KpiDb) -> None:
    for i in range(50):
        db.add(
            "yrityskontaktit",
            tyonantaja_id="Y",
            pvm=d("7.1.2025"),
            kunta="Joensuu",
            kontakti_id=f"k{i}",
        )
    rows = metric_series(
        db.con,
        d("1.1.2025"),
        d("31.1.2025"),
        grain="week",
        as_of=d("31.1.2025"),
        metric_ids=["employer_contacts"],
    )
    week2 = rows.filter(pl.col("period_start") == d("6.1.2025")).row(0, named=True)
    assert week2["value"] == 50
    assert week2["target_value"] == pytest.approx(2500 * 7 / 365)  # 47.9
    assert week2["status"] == "ok"
    assert rows["value"].to_list() == [0, 50, 0, 0, 0]


def test_series_rejects_an_unknown_grain_or_area(events: KpiDb) -> None:
    with pytest.raises(MetricsError):
        metric_series(
            events.con,
            d("1.1.2025"),
            d("31.1.2025"),
            grain="day",  # type: ignore[arg-type]
            as_of=d("28.2.2025"),
        )
    with pytest.raises(MetricsError, match="unknown area"):
        metric_series(
            events.con,
            d("1.1.2025"),
            d("31.1.2025"),
            grain="week",
            as_of=d("28.2.2025"),
            level="kunta",
            area="Helsinki",
        )


def test_employer_contacts_projection_at_the_current_pace(db: KpiDb) -> None:
    for i in range(100):
        db.add(
            "yrityskontaktit",
            tyonantaja_id="Y",
            pvm=d("10.2.2025"),
            kunta="Nurmes",
            kontakti_id=f"k{i}",
        )
    p = employer_contacts_projection(db.con, 2025, as_of=d("28.2.2025"))
    # 100 contacts in the 59 days of January and February: 100 * 365 / 59 = 618.6 a year.
    assert p.count_so_far == 100
    assert p.projected_year_end == pytest.approx(100 * 365 / 59)
    assert (p.target, p.target_op, p.targets_year, p.on_pace) == (2500, ">", 2025, False)
    done = employer_contacts_projection(db.con, 2025, as_of=d("31.1.2026"))
    assert done.projected_year_end == pytest.approx(100)  # the year is over: the count itself
