"""``python -m metrics due``: columns, zeros, the case list, suppression and exit codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from metrics.__main__ import main
from metrics.deadlines_due import COUNT_COLUMNS, DUE_RULES
from tests.metrics.kpidb import KpiDb, d

A = d("22.12.2025")  # Monday; the 5th working day after it is 2.1.2026


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Integration customerships: Joensuu 6 overdue (D 1.12), Lieksa 2 due (D 30.12), one
    Kitee client due on 5.1.2026 (the 6th working day) whose id looks like a formula."""
    db = KpiDb(as_of=A)

    def plan(cid: str, kunta: str, deadline: dt.date) -> None:
        db.client(cid, kunta)
        start = deadline - dt.timedelta(days=29)
        db.add("palvelujaksot", asiakas_id=cid, palvelu="kotoutuminen", alkupvm=start)

    for i in range(6):
        plan(f"J{i}", "Joensuu", d("1.12.2025"))
    for i in range(2):
        plan(f"L{i}", "Lieksa", d("30.12.2025"))
    plan("=K1", "Kitee", d("5.1.2026"))
    path = tmp_path_factory.mktemp("due") / "kpi.duckdb"
    db.con.execute(f"ATTACH '{path}' AS target")
    db.con.execute("COPY FROM DATABASE memory TO target")
    db.con.execute("DETACH target")
    return path


def _read(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False)


def test_counts_every_rule_area_and_group_with_zeros(dbfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "due.csv"
    assert main(["due", "--db", str(dbfile), "--out", str(out)]) == 0
    table = _read(out)
    assert tuple(table.columns) == COUNT_COLUMNS
    assert table.height == len(DUE_RULES) * 2 * 18
    plan = table.filter(pl.col("rule") == "integration_plan_within_30_days")
    cells = {(r["area"], r["group"]): r["cases"] for r in plan.iter_rows(named=True)}
    assert cells[("Pohjois-Karjala", "overdue")] == "6"
    assert cells[("Pohjois-Karjala", "due")] == "2"  # the 6th working day not counted
    assert cells[("Kitee", "due")] == "0"
    assert set(table["as_of"]) == {"2025-12-22"}
    assert set(table.filter(pl.col("group") == "due")["within_working_days"]) == {"5"}
    assert table.filter(pl.col("group") == "overdue")["within_working_days"].null_count() == 72


def test_within_and_level(dbfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "due.csv"
    argv = ["due", "--db", str(dbfile), "--within", "6", "--level", "kunta", "--out", str(out)]
    assert main(argv) == 0
    table = _read(out)
    assert set(table["level"]) == {"kunta"} and table.height == len(DUE_RULES) * 2 * 13
    kitee = table.filter(pl.col("area") == "Kitee", pl.col("group") == "due")
    assert kitee["cases"].to_list() == ["0", "0", "0", "1"]


def test_the_case_list(dbfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "cases.csv"
    assert main(["due", "--db", str(dbfile), "--cases", "--within", "6", "--out", str(out)]) == 0
    table = _read(out)
    assert table.columns == ["rule", "group", "asiakas_id", "kunta", "deadline"]
    assert table.height == 9
    assert table["group"].to_list() == ["overdue"] * 6 + ["due"] * 3
    assert "'=K1" in table["asiakas_id"].to_list()  # made inert for spreadsheets


def test_suppress_hides_small_counts(dbfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "due.csv"
    assert main(["due", "--db", str(dbfile), "--suppress", "5", "--out", str(out)]) == 0
    table = _read(out)
    assert tuple(table.columns) == COUNT_COLUMNS  # the flag column is not written
    lieksa = table.filter(
        pl.col("rule") == "integration_plan_within_30_days",
        pl.col("area") == "Lieksa",
        pl.col("group") == "due",
    )
    assert lieksa["cases"].to_list() == ["<5"]


def test_finnish_csv_and_xlsx(dbfile: Path, tmp_path: Path) -> None:
    fi = tmp_path / "due_fi.csv"
    assert main(["due", "--db", str(dbfile), "--dialect", "fi", "--out", str(fi)]) == 0
    data = fi.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b";22.12.2025;overdue;;6\r\n" in data
    xlsx = tmp_path / "due.xlsx"
    assert main(["due", "--db", str(dbfile), "--format", "xlsx", "--out", str(xlsx)]) == 0
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == list(COUNT_COLUMNS)


@pytest.mark.parametrize(
    "argv",
    [
        ["due"],  # no --out
        ["due", "--within", "0", "--out", "x.csv"],
        ["due", "--within", "21", "--out", "x.csv"],
        ["due", "--level", "maakunta", "--out", "x.csv"],
        ["due", "--format", "parquet", "--out", "x.parquet"],
        ["due", "--format", "xlsx", "--dialect", "fi", "--out", "x.xlsx"],
    ],
)
def test_bad_usage_exits_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def test_cases_with_suppress_is_refused_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    with pytest.raises(SystemExit) as exit_:
        main(["due", "--cases", "--suppress", "5", "--out", str(out)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "eivät käy yhdessä" in err and "do not go together" in err
    assert not out.exists()


def test_bad_input_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.csv"
    assert main(["due", "--db", str(tmp_path / "none.duckdb"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Tietokantaa ei ole" in err and "There is no database" in err
    assert not out.exists()
