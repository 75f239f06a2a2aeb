"""The drill-down tables on tiny hand-made databases; each also agrees with its KPI row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from metrics.breakdowns import (
    caseworkers_without_offers,
    channel_split,
    clients_per_htv,
    fill_time_distribution,
    meeting_flows,
)
from metrics.sql_context import MetricsError
from tests.metrics.kpidb import KpiDb, d

Q1 = (d("1.1.2025"), d("31.3.2025"))
A = d("30.4.2025")


def kpi_row(
    db: KpiDb, metric_id: str, area: str, start: dt.date = Q1[0], end: dt.date = Q1[1]
) -> dict[str, Any]:
    return db.kpi(metric_id, start, end, as_of=A)[area]


def counts(df: pl.DataFrame, *keys: str) -> dict[object, int]:
    """count by key (one key) or by a tuple of keys."""
    rows = df.iter_rows(named=True)
    if len(keys) == 1:
        return {r[keys[0]]: r["count"] for r in rows}
    return {tuple(r[k] for k in keys): r["count"] for r in rows}


def test_channel_split_by_type_and_channel(db: KpiDb) -> None:
    db.client("A", "Joensuu")
    db.client("B", "Kitee")
    db.event("A", "alkuhaastattelu", d("2.1.2025"), kanava="kasvokkain")
    db.event("A", "alkuhaastattelu", d("3.1.2025"), kanava="puhelin")
    db.event("B", "alkuhaastattelu", d("4.1.2025"), kanava="kasvokkain")
    db.event("B", "tyonhakukeskustelu", d("5.2.2025"), kanava="video")
    db.event("B", "taydentava_tyonhakukeskustelu", d("6.2.2025"), kanava="verkko")
    db.event("B", "alkuhaastattelu", d("1.4.2025"), kanava="kasvokkain")  # after the period
    db.event("A", "osaamiskartoitus", d("7.1.2025"))  # not a meeting
    whole = channel_split(db.con, *Q1, as_of=A)
    assert whole.height == 3 * 4  # every type x channel, zeros included
    got = counts(whole, "tyyppi", "kanava")
    assert got[("alkuhaastattelu", "kasvokkain")] == 2
    assert got[("alkuhaastattelu", "puhelin")] == 1
    assert got[("tyonhakukeskustelu", "video")] == 1
    assert got[("taydentava_tyonhakukeskustelu", "verkko")] == 1
    assert sum(got.values()) == 5
    kunnat = channel_split(db.con, *Q1, as_of=A, level="kunta")
    assert kunnat.height == 13 * 12
    kitee = counts(kunnat.filter(pl.col("area") == "Kitee"), "tyyppi", "kanava")
    assert (
        kitee[("alkuhaastattelu", "kasvokkain")] == 1 and kitee[("alkuhaastattelu", "puhelin")] == 0
    )
    one = channel_split(db.con, *Q1, as_of=A, level="palvelualue", area="Keski-Karjala")
    assert set(one["area"]) == {"Keski-Karjala"} and one["count"].sum() == 3
    # The KPI's denominator is the same interviews.
    interviews = sum(
        v for k, v in got.items() if isinstance(k, tuple) and k[0] == "alkuhaastattelu"
    )
    assert (
        interviews
        == kpi_row(db, "initial_interviews_face_to_face", "Pohjois-Karjala")["denominator"]
    )


def test_channel_split_with_the_small_number_rule(db: KpiDb) -> None:
    db.client("A", "Joensuu")
    for day in range(2, 22):
        db.event("A", "alkuhaastattelu", d(f"{day}.1.2025"), kanava="kasvokkain")
    db.event("A", "alkuhaastattelu", d("22.1.2025"), kanava="puhelin")
    out = channel_split(db.con, *Q1, as_of=A, threshold=5)
    row = out.filter((pl.col("tyyppi") == "alkuhaastattelu") & (pl.col("kanava") == "puhelin"))
    assert row["count"][0] is None and row["count_suppressed"][0]
    # the interviews' total is public (the KPI card), so the 20 face to face go with it
    face = out.filter((pl.col("tyyppi") == "alkuhaastattelu") & (pl.col("kanava") == "kasvokkain"))
    assert face["count_suppressed"][0]


def test_meeting_flows(db: KpiDb) -> None:
    db.client("A", "Liperi")
    db.client("B", "Joensuu")
    for day in (2, 3):
        db.event("A", "tyonhakukeskustelu", d(f"{day}.1.2025"), kanava="kasvokkain",
                 palvelupiste="Joensuu")  # fmt: skip
    db.event("A", "alkuhaastattelu", d("4.1.2025"), kanava="kasvokkain", palvelupiste="Liperi")
    db.event("A", "alkuhaastattelu", d("5.1.2025"), kanava="puhelin", palvelupiste="Joensuu")
    db.event("B", "alkuhaastattelu", d("6.1.2025"), kanava="kasvokkain")  # no service point
    db.event("B", "alkuhaastattelu", d("7.1.2025"), kanava="kasvokkain", palvelupiste="Joensuu")
    flows = meeting_flows(db.con, *Q1, as_of=A)
    got = {
        (r["kotikunta"], r["palvelupiste"]): (r["count"], r["outside"])
        for r in flows.iter_rows(named=True)
    }
    assert got == {("Joensuu", "Joensuu"): (1, False), ("Liperi", "Joensuu"): (2, True),
                   ("Liperi", "Liperi"): (1, False)}  # fmt: skip
    kpi = kpi_row(db, "meetings_outside_home_municipality", "Pohjois-Karjala")
    assert (kpi["numerator"], kpi["denominator"]) == (2, 4)
    only = meeting_flows(db.con, *Q1, as_of=A, level="palvelualue", area="Joensuu")
    assert only["kotikunta"].to_list() == ["Joensuu"]
    hidden = meeting_flows(db.con, *Q1, as_of=A, threshold=5)
    assert hidden["count_suppressed"].all()


def test_clients_per_htv_is_the_kpi(db: KpiDb) -> None:
    db.client("A", "Juuka")
    db.add("tyonhakujaksot", asiakas_id="A", alkupvm=d("1.2.2025"))
    out = clients_per_htv(db.con, *Q1, as_of=A, level="kunta")
    juuka = out.filter(pl.col("area") == "Juuka").row(0, named=True)
    kpi = kpi_row(db, "clients_per_customer_service_htv", "Juuka")
    assert (juuka["clients"], juuka["htv"], juuka["ratio"]) == (1, kpi["denominator"], kpi["value"])
    hidden = clients_per_htv(db.con, *Q1, as_of=A, level="kunta", threshold=5)
    assert hidden.filter(pl.col("area") == "Juuka")["ratio"][0] is None


def test_missing_exports_give_empty_tables_and_bad_areas_an_error() -> None:
    db = KpiDb(exports=("asiakkaat",))
    assert channel_split(db.con, *Q1, as_of=A).height == 0
    assert fill_time_distribution(db.con, *Q1, as_of=A).height == 0
    assert meeting_flows(db.con, *Q1, as_of=A).height == 0
    assert caseworkers_without_offers(db.con, *Q1, as_of=A).height == 0
    with pytest.raises(MetricsError, match="unknown area"):
        channel_split(KpiDb().con, *Q1, as_of=A, level="kunta", area="Tampere")
    with pytest.raises(MetricsError, match="after its end"):
        channel_split(KpiDb().con, Q1[1], Q1[0], as_of=A)
