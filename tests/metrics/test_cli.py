"""``python -m metrics export``: arguments, exit codes, messages and the files it writes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
import pytest

from common.settings import PROJECT_ROOT
from metrics.__main__ import main
from metrics.engine import KPI_COLUMNS, kpi_table
from metrics.kpi_file import to_csv_bytes
from metrics.registry import REGISTRY
from tests.metrics.kpidb import KpiDb, d

YEAR = ["--from", "2025-01-01", "--to", "2025-12-31"]


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A loaded database file: initial interviews Joensuu 6 (4 face to face), Kitee 7,
    Rääkkylä 2; one employer contact whose employer id looks like a formula."""
    db = KpiDb(as_of=d("31.12.2025"))
    for i in range(6):
        db.client(f"J{i}", "Joensuu")
        channel = "kasvokkain" if i < 4 else "puhelin"
        db.event(f"J{i}", "alkuhaastattelu", d(f"{i + 2}.2.2025"), kanava=channel)
    for i in range(7):
        db.client(f"K{i}", "Kitee")
        db.event(f"K{i}", "alkuhaastattelu", d("3.3.2025"), kanava="video")
    for i in range(2):
        db.client(f"R{i}", "Rääkkylä")
        db.event(f"R{i}", "alkuhaastattelu", d("3.3.2025"), kanava="kasvokkain")
    db.add("yrityskontaktit", tyonantaja_id="=1+1", pvm=d("4.3.2025"), kunta="Joensuu")
    path = tmp_path_factory.mktemp("cli") / "kpi.duckdb"
    db.con.execute(f"ATTACH '{path}' AS target")
    db.con.execute("COPY FROM DATABASE memory TO target")
    db.con.execute("DETACH target")
    return path


def run(argv: list[str]) -> int:
    return main(argv)


def test_help_lists_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    for option in (
        "--from",
        "--to",
        "--db",
        "--as-of",
        "--level",
        "--metric",
        "--format",
        "--dialect",
        "--suppress",
        "--out",
    ):
        assert option in text


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["export", *YEAR],  # no --out
        ["export", "--from", "2025-13-01", "--to", "2025-12-31", "--out", "x.csv"],
        ["export", *YEAR, "--level", "maakunta", "--out", "x.csv"],
        ["export", *YEAR, "--format", "xlsx", "--dialect", "fi", "--out", "x.xlsx"],
        ["export", *YEAR, "--format", "parquet", "--out", "-"],
        ["export", *YEAR, "--suppress", "0", "--out", "x.csv"],
        ["export", *YEAR, "--dialect", "se", "--out", "x.csv"],
    ],
)
def test_bad_usage_exits_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def test_bad_input_exits_1_with_a_bilingual_message(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "k.csv")
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    unloaded = tmp_path / "unloaded.duckdb"
    duckdb.connect(str(unloaded)).close()  # a database file that no load completed
    cases = [
        (["--db", str(tmp_path / "none.duckdb")], "There is no database"),
        (["--db", str(broken)], "The database is broken"),
        (["--db", str(unloaded)], "incomplete"),
        (["--db", str(dbfile), "--metric", "no_such_metric"], "unknown metric"),
        (["--db", str(dbfile), "--out", str(tmp_path / "no" / "k.csv")], "Folder does not exist"),
    ]
    for extra, english in cases:
        argv = ["export", *YEAR, "--out", out, *extra]
        assert run(argv) == 1, extra
        err = capsys.readouterr().err
        assert (english in err and "Virhe" in err) or "Tietokanta" in err, err
    argv = ["export", "--from", "2025-12-31", "--to", "2025-01-01", "--db", str(dbfile)]
    assert run([*argv, "--out", out]) == 1
    err = capsys.readouterr().err
    assert "is after --to" in err and "jälkeen" in err
    assert not Path(out).exists()


def test_csv_equals_the_kpi_table_and_the_download(dbfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "kpi.csv"
    assert run(["export", *YEAR, "--db", str(dbfile), "--out", str(out)]) == 0
    with duckdb.connect(str(dbfile), read_only=True) as con:
        table = kpi_table(con, date(2025, 1, 1), date(2025, 12, 31))
    assert out.read_bytes() == to_csv_bytes(table)  # what a download button returns
    back = pl.read_csv(out, try_parse_dates=True, schema_overrides={"pending": pl.Int64})
    assert back.columns == list(KPI_COLUMNS)
    assert back.height == table.height
    joensuu = back.filter(
        (pl.col("metric_id") == "initial_interviews_face_to_face") & (pl.col("area") == "Joensuu")
    ).row(0, named=True)
    assert (joensuu["numerator"], joensuu["denominator"]) == (4, 6)
    assert joensuu["value"] == pytest.approx(4 / 6, abs=0) and joensuu["value"] == 4 / 6
    assert {m.id for m in REGISTRY} == set(back["metric_id"].to_list())


def test_filters_dialect_and_suppression(dbfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "fi.csv"
    argv = [
        "export",
        *YEAR,
        "--db",
        str(dbfile),
        "--level",
        "kunta",
        "--metric",
        "initial_interviews_face_to_face",
        "--dialect",
        "fi",
        "--suppress",
        "5",
        "--out",
        str(out),
    ]
    assert run(argv) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = [line.split(";") for line in raw.decode("utf-8-sig").splitlines()]
    assert rows[0] == list(KPI_COLUMNS)
    assert len(rows) == 1 + 13 and {r[1] for r in rows[1:]} == {"kunta"}
    by_area = {r[2]: r for r in rows[1:]}
    assert by_area["Rääkkylä"][6:9] == ["<5", "<5", "<5"]  # 2 interviews
    # Keski-Karjala minus Tohmajärvi (0) would give Rääkkylä back: Kitee is hidden with it.
    assert by_area["Kitee"][6:9] == ["<5", "<5", "<5"] and by_area["Tohmajärvi"][8] == "0,0"
    assert by_area["Joensuu"][6] == "0,6666666666666666"
    assert by_area["Joensuu"][3] == "1.1.2025"


def test_xlsx_and_parquet(dbfile: Path, tmp_path: Path) -> None:
    base = ["export", *YEAR, "--db", str(dbfile), "--metric", "employer_contacts"]
    assert run([*base, "--format", "xlsx", "--out", str(tmp_path / "k.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "k.xlsx").active
    assert ws is not None
    assert [c.value for c in ws[1]] == list(KPI_COLUMNS)
    assert ws.cell(2, 4).is_date and ws.cell(2, 7).value == 1  # one contact, a number
    assert run([*base, "--format", "parquet", "--out", str(tmp_path / "k.parquet")]) == 0
    back = pl.read_parquet(tmp_path / "k.parquet")
    assert back.columns == list(KPI_COLUMNS)
    assert back.schema["period_start"] == pl.Date and back.schema["value"] == pl.Float64


def test_module_runs_with_the_default_database_and_writes_stdout(dbfile: Path) -> None:
    env = {**os.environ, "KPI_DB": str(dbfile)}
    argv = [
        sys.executable,
        "-m",
        "metrics",
        "export",
        *YEAR,
        "--metric",
        "employer_contacts",
        "--level",
        "koko_alue",
        "--out",
        "-",
    ]
    done = subprocess.run(argv, cwd=PROJECT_ROOT, env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    table = pl.read_csv(io.BytesIO(done.stdout))
    assert table.columns == list(KPI_COLUMNS)
    assert table.row(0, named=True)["numerator"] == 1
    assert b"rows" in done.stderr
