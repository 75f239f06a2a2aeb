"""The KPI table's shape: columns, a row for every metric × area × level, missing exports,
the as-of date, and periods not yet begun."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from metrics.engine import KPI_COLUMNS, kpi_table, targets_year_used
from metrics.registry import REGISTRY
from metrics.sql_context import MetricsError
from tests.metrics.kpidb import ALL_EXPORTS, KpiDb, d

YEAR = (d("1.1.2025"), d("31.12.2025"))


def test_columns_in_order_and_a_row_for_every_metric_and_area() -> None:
    db = KpiDb(as_of=d("31.10.2026"))
    table = db.table(*YEAR)
    assert tuple(table.columns) == KPI_COLUMNS
    # Every metric × (1 + 4 + 13) areas but ecosystem_groups_started, at koko_alue alone.
    assert table.height == (len(REGISTRY) - 1) * 18 + 1
    assert table["as_of"].unique().to_list() == [d("31.10.2026")]  # read from meta_load
    assert set(table["period_start"]) == {d("1.1.2025")} and set(table["period_end"]) == {
        d("31.12.2025")
    }
    assert table["metric_id"].unique(maintain_order=True).to_list() == [m.id for m in REGISTRY]
    first = table.filter(pl.col("metric_id") == REGISTRY[0].id)
    assert first["level"].to_list()[:6] == ["koko_alue"] + ["palvelualue"] * 4 + ["kunta"]
    assert first["area"].to_list()[:5] == [
        "Pohjois-Karjala",
        "Joensuu",
        "Joensuun seutu",
        "Keski-Karjala",
        "Pielisen Karjala",
    ]
    assert table.schema["value"] == pl.Float64 and table.schema["pending"] == pl.Int64


def test_levels_and_metrics_can_be_chosen() -> None:
    db = KpiDb()
    table = db.table(
        *YEAR,
        as_of=d("31.10.2026"),
        levels=("palvelualue",),
        metric_ids=["employer_contacts", "ecosystem_groups_started"],
    )
    assert table["area"].to_list() == [
        "Joensuu",
        "Joensuun seutu",
        "Keski-Karjala",
        "Pielisen Karjala",
    ]
    assert set(table["metric_id"]) == {"employer_contacts"}


def test_a_missing_export_gives_empty_rows_and_the_others_still_work() -> None:
    db = KpiDb(exports=[e for e in ALL_EXPORTS if e not in ("tyopaikat", "tilajaksot")])
    db.client("A", "Joensuu")
    db.event("A", "alkuhaastattelu", d("3.2.2025"), kanava="kasvokkain")
    table = db.table(*YEAR, as_of=d("31.10.2026"))
    assert table.height == (len(REGISTRY) - 1) * 18 + 1
    empty = table.filter(
        pl.col("metric_id").is_in(
            [
                "vacancy_fill_time_days",
                "training_unemployment_ended_3_months",
                "supplementary_discussions_first_3_months",
            ]
        )
    )
    assert empty.height == 3 * 18
    for column in ("value", "numerator", "denominator", "pending", "status"):
        assert empty[column].null_count() == empty.height
    assert empty.filter(pl.col("level") == "koko_alue")["target_value"].to_list() == [22, 0.5, 1.0]
    working = table.filter(
        (pl.col("metric_id") == "initial_interviews_face_to_face")
        & (pl.col("area") == "Joensuu")
        & (pl.col("level") == "kunta")
    )
    assert working["value"].to_list() == [1.0]


def test_a_period_after_the_as_of_date_has_empty_values() -> None:
    db = KpiDb()
    table = db.table(d("1.11.2026"), d("30.11.2026"), as_of=d("31.10.2026"))
    assert table["value"].null_count() == table.height
    assert table["status"].null_count() == table.height


def test_bad_requests_have_clear_errors() -> None:
    db = KpiDb()
    with pytest.raises(MetricsError, match="Period start"):
        kpi_table(db.con, d("2.1.2025"), d("1.1.2025"), as_of=d("1.1.2025"))
    with pytest.raises(MetricsError, match="unknown level"):
        kpi_table(db.con, *YEAR, as_of=d("1.1.2025"), levels=("maakunta",))
    with pytest.raises(MetricsError, match="meta_load"):
        kpi_table(db.con, *YEAR)  # no load record and no as_of
    with pytest.raises(KeyError, match="unknown metric"):
        kpi_table(db.con, *YEAR, as_of=d("1.1.2025"), metric_ids=["nope"])


def test_targets_year_used_is_the_year_the_period_ends() -> None:
    assert targets_year_used(d("31.12.2025")) == 2025
    assert targets_year_used(d("31.10.2026")) == 2025  # no 2026 file yet: the latest earlier


def test_the_callers_connection_is_left_as_it_was() -> None:
    db = KpiDb()
    db.table(*YEAR, as_of=d("31.10.2026"))
    names = {
        r[0] for r in db.con.sql("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert not {n for n in names if n.startswith("kpi_")}


def test_works_on_a_read_only_database_file(tmp_path: Path) -> None:
    path = tmp_path / "kpi.duckdb"
    db = KpiDb(as_of=d("31.1.2025"))
    db.client("A", "Rääkkylä")
    db.event("A", "alkuhaastattelu", d("3.1.2025"), kanava="kasvokkain")
    db.con.execute(f"ATTACH '{path}' AS target")
    db.con.execute("COPY FROM DATABASE memory TO target")
    db.con.execute("DETACH target")
    con = duckdb.connect(str(path), read_only=True)
    try:
        table = kpi_table(con, d("1.1.2025"), d("31.1.2025"), levels=("kunta",))
    finally:
        con.close()
    row = table.filter(
        (pl.col("metric_id") == "initial_interviews_face_to_face") & (pl.col("area") == "Rääkkylä")
    ).row(0, named=True)
    assert (row["value"], row["as_of"]) == (1.0, d("31.1.2025"))


def test_an_empty_or_repeated_metric_list() -> None:
    db = KpiDb()
    assert db.table(*YEAR, as_of=d("31.10.2026"), metric_ids=[]).columns == list(KPI_COLUMNS)
    twice = db.table(
        *YEAR,
        as_of=d("31.10.2026"),
        levels=("koko_alue",),
        metric_ids=["employer_contacts", "employer_contacts"],
    )
    assert twice.height == 1


def test_a_shared_query_must_name_its_metrics() -> None:
    from metrics.engine import _run
    from metrics.registry import get
    from metrics.sql_context import open_cursor

    db = KpiDb()
    contacts = get("employer_contacts")
    twin = contacts.model_copy(update={"id": "employer_contacts_twin"})
    cur, _ = open_cursor(db.con, *YEAR, d("31.12.2025"), "period")
    with pytest.raises(MetricsError, match="metric_id"):
        _run(cur, [contacts, twin], d("31.12.2025"))
    shared = [get("initial_interviews_face_to_face"), get("meetings_outside_home_municipality")]
    assert _run(cur, shared, d("31.12.2025")).height == 0  # no events: no rows, no error
