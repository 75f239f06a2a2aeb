"""Storage order: the large exports are stored a year after another, in the export's order
within a year, so that DuckDB can skip the row groups of the other years."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from common.data_contract import EXPORTS_BY_NAME
from pipelines import load_folder
from pipelines.exports import SPECS_BY_NAME
from pipelines.staging import Staging
from pipelines.storage_order import STORAGE_ORDER, storage_parts
from tests.pipelines.fixtures import GOOD, write_folder


@pytest.mark.parametrize(("export", "column"), sorted(STORAGE_ORDER.items()))
def test_every_storage_column_is_a_required_date_of_the_contract(export: str, column: str) -> None:
    spec = EXPORTS_BY_NAME[export].column(column)
    assert spec.kind == "date"
    assert spec.required


def _events(days: list[date | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {"n": list(range(len(days))), "pvm": days}, schema={"n": pl.Int64, "pvm": pl.Date}
    )


def test_parts_come_a_year_after_another_in_the_export_order_within_a_year() -> None:
    days = [date(2026, 2, 1), date(2024, 5, 1), date(2026, 1, 1), None, date(2025, 12, 31),
            date(2024, 1, 2), date(2025, 1, 1), date(2024, 12, 31)]  # fmt: skip
    parts = list(storage_parts("tapahtumat", _events(days)))
    assert [p["n"].to_list() for p in parts] == [[1, 5, 7], [4, 6], [0, 2], [3]]


def test_a_frame_already_in_year_order_is_written_as_it_is() -> None:
    frame = _events([date(2024, 12, 1), date(2024, 1, 1), date(2025, 3, 1), date(2025, 2, 1)])
    assert [p is frame for p in storage_parts("tapahtumat", frame)] == [True]


def test_an_export_without_a_storage_order_is_written_as_it_is() -> None:
    frame = pl.DataFrame({"asiakas_id": ["A2", "A1"], "kunta": ["Lieksa", "Joensuu"]})
    assert [p is frame for p in storage_parts("asiakkaat", frame)] == [True]


def test_the_loaded_table_is_stored_by_year_and_keeps_the_export_order(tmp_path: Path) -> None:
    header = GOOD["tapahtumat"].splitlines()[0]
    # By client, as the exports come: A1's 2026 event before A2's 2025 event.
    events = [
        "T9;A1;tyonhakukeskustelu;2026-02-02;puhelin;V1;;",
        "T1;A1;alkuhaastattelu;2025-01-14;kasvokkain;V1;;Joensuu",
        "T2;A1;tyotarjous;2025-02-01;;V1;;",
        "T8;A2;tyonhakukeskustelu;2026-01-05;video;V1;;",
        "T3;A2;osaamiskartoitus;2025-03-01;;;Heinävesi;",
    ]
    folder = write_folder(tmp_path / "in", tapahtumat="\n".join([header, *events]) + "\n")
    db = tmp_path / "kpi.duckdb"
    load_folder(folder, db, as_of=date(2026, 10, 31))
    con = duckdb.connect(str(db), read_only=True)
    stored = con.sql("SELECT tapahtuma_id FROM tapahtumat ORDER BY rowid").fetchall()
    con.close()
    assert [r[0] for r in stored] == ["T1", "T2", "T3", "T9", "T8"]


def _big_events(rows: int) -> pl.DataFrame:
    """Clients' events across 2024-2026 in client order, as an export has them: each client
    has nine events, three in every year."""
    i = pl.int_range(rows)
    pvm = pl.date(2024 + (i // 3) % 3, 1, 1) + pl.duration(days=(i * 7) % 365)
    text = pl.lit(None, dtype=pl.String)
    return pl.select(
        ("T" + i.cast(pl.String)).alias("tapahtuma_id"),
        ("A" + (i // 9).cast(pl.String).str.zfill(7)).alias("asiakas_id"),
        pl.lit("tyonhakukeskustelu").alias("tyyppi"),
        pvm.alias("pvm"),
        pl.lit("puhelin").alias("kanava"),
        text.alias("virkailija_id"),
        text.alias("tuottaja_kunta"),
        text.alias("palvelupiste"),
    )


def test_a_year_query_skips_the_row_groups_of_the_other_years(tmp_path: Path) -> None:
    """With more rows than a row group (122 880) per year, only a row group at the turn of
    a year holds two years, and a filter on one year reads only the row groups that hold
    it (DuckDB's EXPLAIN ANALYZE)."""
    db = tmp_path / "kpi.duckdb"
    staging = Staging(db)
    try:
        staging.write(SPECS_BY_NAME["tapahtumat"], _big_events(450_000), {})
        staging.finish(date(2026, 10, 31), None, "test", time.perf_counter(), [])
    except BaseException:
        staging.discard()
        raise
    con = duckdb.connect(str(db), read_only=True)
    segments = con.sql(
        "SELECT row_group_id, stats FROM pragma_storage_info('tapahtumat') "
        "WHERE column_name = 'pvm' AND segment_type = 'DATE'"
    ).fetchall()
    plan = con.sql(
        "EXPLAIN ANALYZE SELECT count(*) FROM tapahtumat "
        "WHERE pvm BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'"
    ).fetchall()[0][1]
    con.close()
    years = {group: (stats["min"].year, stats["max"].year) for group, stats in segments}
    assert len(years) >= 4
    assert sum(1 for first, last in years.values() if first != last) <= 2  # 2 turns of year
    scanned, total = (int(x) for x in plan.split("Row Groups Scanned: ")[1].split()[0:3:2])
    assert total == len(years)
    assert scanned == sum(1 for y in years.values() if y[0] <= 2025 <= y[1]) < total
