"""The KPI table a year earlier (metrics.year_earlier_table) and ``python -m metrics export
--compare previous-year``: the earlier period's dates, as-of, coverage start and targets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from metrics.__main__ import main
from metrics.engine import KPI_COLUMNS
from metrics.sql_context import coverage_start_or_first_event
from metrics.year_earlier_table import year_earlier_disclosed, year_earlier_kpi
from tests.metrics.kpidb import KpiDb, d

FACE = "initial_interviews_face_to_face"
PLAN = "integration_plan_within_30_days"


def _record_start(db: KpiDb, day: dt.date) -> None:
    db.con.execute("ALTER TABLE meta_load ADD COLUMN data_from DATE")
    db.con.execute("UPDATE meta_load SET data_from = ?", [day])


def _interviews(db: KpiDb, prefix: str, kunta: str, day: dt.date, face: int, other: int) -> None:
    for i in range(face + other):
        db.client(f"{prefix}{i}", kunta)
        channel = "kasvokkain" if i < face else "puhelin"
        db.event(f"{prefix}{i}", "alkuhaastattelu", day, kanava=channel)


@pytest.fixture
def two_years() -> KpiDb:
    """Interviews in Joensuu: February 2024 (before S) 1 of 2 face to face, February 2025
    3 of 4, February 2026 6 of 8; S = 1.1.2025, A = 31.10.2026."""
    db = KpiDb(as_of=d("31.10.2026"))
    _interviews(db, "A", "Joensuu", d("14.2.2024"), 1, 1)
    _interviews(db, "B", "Joensuu", d("14.2.2025"), 3, 1)
    _interviews(db, "C", "Joensuu", d("14.2.2026"), 6, 2)
    _record_start(db, d("1.1.2025"))
    return db


def _row(
    table: pl.DataFrame, area: str = "Pohjois-Karjala", level: str = "koko_alue"
) -> dict[str, object]:
    rows = table.filter((pl.col("level") == level) & (pl.col("area") == area))
    assert rows.height == 1
    return rows.row(0, named=True)


def test_a_2026_period_has_its_2025_figure_and_targets(two_years: KpiDb) -> None:
    table = year_earlier_kpi(
        two_years.con, d("1.2.2026"), d("28.2.2026"), levels=("koko_alue",), metric_ids=[FACE]
    )
    assert table.columns == list(KPI_COLUMNS)
    row = _row(table)
    assert (row["period_start"], row["period_end"], row["as_of"]) == (
        d("1.2.2025"), d("28.2.2025"), d("31.10.2025"),
    )  # fmt: skip
    assert (row["numerator"], row["denominator"], row["value"]) == (3.0, 4.0, 0.75)
    assert (row["target_op"], row["target_value"], row["status"]) == (">=", 0.75, "ok")


def test_a_2025_period_reaches_before_s_and_before_the_first_targets(two_years: KpiDb) -> None:
    row = _row(
        year_earlier_kpi(
            two_years.con, d("1.2.2025"), d("28.2.2025"), levels=("koko_alue",), metric_ids=[FACE]
        )
    )
    assert (row["period_start"], row["period_end"]) == (d("1.2.2024"), d("29.2.2024"))
    # 2024 has data, but it lies before S: empty, not 1 of 2
    assert [row[c] for c in ("value", "numerator", "denominator", "pending")] == [None] * 4
    assert [row[c] for c in ("target_op", "target_value", "status")] == [None] * 3


def test_no_targets_file_for_the_earlier_year_means_no_target(two_years: KpiDb) -> None:
    two_years.con.execute("UPDATE meta_load SET data_from = ?", [d("1.1.2024")])
    row = _row(
        year_earlier_kpi(
            two_years.con, d("1.2.2025"), d("28.2.2025"), levels=("koko_alue",), metric_ids=[FACE]
        )
    )
    assert (row["numerator"], row["denominator"], row["value"]) == (1.0, 2.0, 0.5)
    assert [row[c] for c in ("target_op", "target_value", "status")] == [None] * 3


def test_a_period_starting_a_day_before_s_is_empty(two_years: KpiDb) -> None:
    two_years.con.execute("UPDATE meta_load SET data_from = ?", [d("2.2.2025")])
    row = _row(
        year_earlier_kpi(
            two_years.con, d("1.2.2026"), d("28.2.2026"), levels=("koko_alue",), metric_ids=[FACE]
        )
    )
    assert row["value"] is None and row["numerator"] is None
    assert row["target_op"] == ">="  # the targets of 2025 exist; only the figure is empty


def test_without_a_recorded_start_s_is_the_earliest_event() -> None:
    db = KpiDb(as_of=d("31.10.2026"))
    _interviews(db, "B", "Joensuu", d("14.2.2025"), 1, 0)
    assert coverage_start_or_first_event(db.con) == d("14.2.2025")
    _record_start(db, d("1.1.2025"))
    assert coverage_start_or_first_event(db.con) == d("1.1.2025")


def test_the_earlier_period_is_judged_at_the_earlier_as_of_date() -> None:
    """A plan made after A - 1 year is still pending in the year-earlier view."""
    db = KpiDb(as_of=d("15.10.2026"))
    db.client("K1", "Joensuu")
    db.add("palvelujaksot", asiakas_id="K1", palvelu="kotoutuminen", alkupvm=d("1.10.2025"))
    db.event("K1", "kotoutumissuunnitelma", d("20.10.2025"))
    _record_start(db, d("1.1.2025"))
    now = db.kpi(PLAN, d("1.10.2025"), d("31.10.2025"), levels=("koko_alue",))["Pohjois-Karjala"]
    assert (now["numerator"], now["denominator"], now["pending"]) == (1.0, 1.0, 0)
    row = _row(
        year_earlier_kpi(
            db.con, d("1.10.2026"), d("31.10.2026"), levels=("koko_alue",), metric_ids=[PLAN]
        )
    )
    assert row["as_of"] == d("15.10.2025")
    assert (row["numerator"], row["denominator"], row["pending"]) == (0.0, 0.0, 1)


def test_the_small_number_rule_judges_the_earlier_period_on_its_own(two_years: KpiDb) -> None:
    """4 interviews in Joensuu in 2025: hidden in the earlier period though 8 in 2026 are not."""
    table = year_earlier_disclosed(
        two_years.con, d("1.2.2026"), d("28.2.2026"), metric_ids=[FACE]
    ).period
    joensuu = _row(table, "Joensuu", "kunta")
    assert joensuu["suppressed"] is True and joensuu["value"] is None
    assert joensuu["period_start"] == d("1.2.2025")


# ---- the command line: exact rows ----------------------------------------------------------


@pytest.fixture
def dbfile(two_years: KpiDb, tmp_path: Path) -> Path:
    path = tmp_path / "kpi.duckdb"
    two_years.con.execute(f"ATTACH '{path}' AS target")
    two_years.con.execute("COPY FROM DATABASE memory TO target")
    two_years.con.execute("DETACH target")
    return path


def _export(dbfile: Path, tmp_path: Path, start: str, end: str, *more: str) -> list[str]:
    out = tmp_path / "out.csv"
    argv = ["export", "--from", start, "--to", end, "--db", str(dbfile), "--metric", FACE,
            "--compare", "previous-year", *more, "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    return out.read_text(encoding="utf-8").splitlines()


HEADER = ",".join(KPI_COLUMNS)


def test_cli_writes_the_period_then_the_period_a_year_earlier(dbfile: Path, tmp_path: Path) -> None:
    lines = _export(dbfile, tmp_path, "2026-02-01", "2026-02-28", "--level", "koko_alue")
    assert lines == [
        HEADER,
        f"{FACE},koko_alue,Pohjois-Karjala,2026-02-01,2026-02-28,2026-10-31,0.75,6.0,8.0,,>=,0.75,ok",
        f"{FACE},koko_alue,Pohjois-Karjala,2025-02-01,2025-02-28,2025-10-31,0.75,3.0,4.0,,>=,0.75,ok",
    ]


def test_cli_leaves_figures_and_targets_before_s_and_the_first_targets_empty(
    dbfile: Path, tmp_path: Path
) -> None:
    lines = _export(dbfile, tmp_path, "2025-02-01", "2025-02-28", "--level", "koko_alue")
    assert lines == [
        HEADER,
        f"{FACE},koko_alue,Pohjois-Karjala,2025-02-01,2025-02-28,2026-10-31,0.75,3.0,4.0,,>=,0.75,ok",
        f"{FACE},koko_alue,Pohjois-Karjala,2024-02-01,2024-02-29,2025-10-31,,,,,,,",
    ]


def test_cli_level_applies_to_both_periods(dbfile: Path, tmp_path: Path) -> None:
    lines = _export(dbfile, tmp_path, "2026-02-01", "2026-02-28", "--level", "palvelualue")
    assert len(lines) == 1 + 2 * 4
    starts = [line.split(",")[3] for line in lines[1:]]
    assert starts == ["2026-02-01"] * 4 + ["2025-02-01"] * 4
    assert [line.split(",")[2] for line in lines[1:5]] == [line.split(",")[2] for line in lines[5:]]
    joensuu = [line for line in lines if ",Joensuu," in line]
    assert joensuu == [
        f"{FACE},palvelualue,Joensuu,2026-02-01,2026-02-28,2026-10-31,0.75,6.0,8.0,,>=,0.75,ok",
        f"{FACE},palvelualue,Joensuu,2025-02-01,2025-02-28,2025-10-31,0.75,3.0,4.0,,>=,0.75,ok",
    ]


def test_cli_suppresses_each_period_on_its_own(dbfile: Path, tmp_path: Path) -> None:
    lines = _export(
        dbfile, tmp_path, "2026-02-01", "2026-02-28", "--level", "kunta", "--suppress", "5"
    )
    joensuu = [line for line in lines if ",Joensuu," in line]
    assert joensuu == [
        f"{FACE},kunta,Joensuu,2026-02-01,2026-02-28,2026-10-31,0.75,6.0,8.0,,>=,0.75,ok",
        f"{FACE},kunta,Joensuu,2025-02-01,2025-02-28,2025-10-31,<5,<5,<5,,>=,0.75,",
    ]


def test_cli_refuses_an_unknown_comparison() -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--from", "2026-01-01", "--to", "2026-01-31", "--compare", "last-week",
              "--out", "x.csv"])  # fmt: skip
    assert exit_.value.code == 2
