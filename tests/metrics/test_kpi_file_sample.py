"""The export command on the committed sample, checked column by column in every format."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
import pytest

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from common.settings import PROJECT_ROOT
from metrics.__main__ import main
from metrics.engine import KPI_COLUMNS, kpi_table
from metrics.registry import REGISTRY

SAMPLE = PROJECT_ROOT / "sample_data" / "sample"
YEAR = ["--from", "2025-01-01", "--to", "2025-12-31"]
AREAS = {
    "koko_alue": [AREA_NAME],
    "palvelualue": list(SERVICE_AREAS),
    "kunta": [m.kunta for m in municipalities()],
}
NUMBERS = ("value", "numerator", "denominator", "pending", "target_value")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sample") / "kpi.duckdb"
    argv = [sys.executable, "-m", "pipelines", "load", str(SAMPLE), "--db", str(db)]
    done = subprocess.run(argv, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def standard(sample_db: Path) -> pl.DataFrame:
    argv = [sys.executable, "-m", "metrics", "export", *YEAR, "--db", str(sample_db), "--out", "-"]
    done = subprocess.run(argv, cwd=PROJECT_ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    return pl.read_csv(io.BytesIO(done.stdout), infer_schema=False)  # every cell as text


def test_columns_rows_and_types(sample_db: Path, standard: pl.DataFrame) -> None:
    assert standard.columns == list(KPI_COLUMNS)
    expected = sum(len(AREAS[lv]) for m in REGISTRY for lv in m.levels)
    assert standard.height == expected
    with duckdb.connect(str(sample_db), read_only=True) as con:
        as_of = con.execute("SELECT as_of FROM meta_load").fetchall()[0][0]
    ids = [m.id for m in REGISTRY]
    for row in standard.iter_rows(named=True):
        assert row["metric_id"] in ids
        assert row["area"] in AREAS[row["level"]]
        assert row["period_start"] == "2025-01-01" and row["period_end"] == "2025-12-31"
        assert dt.date.fromisoformat(row["as_of"]) == as_of
        for column in NUMBERS:
            if row[column] is not None:
                float(row[column])  # a plain number, "." decimal, no exponent
                assert "e" not in row[column].lower() and "," not in row[column]
        if row["pending"] is not None:
            assert row["pending"].isdigit()
        assert row["target_op"] in (None, ">=", ">", "<=", "<")
        assert row["status"] in (None, "ok", "risk", "off")
        if row["value"] is not None and REGISTRY[ids.index(row["metric_id"])].unit == "share":
            assert 0 <= float(row["value"]) <= 1
    # Metric order follows the registry; levels koko_alue, palvelualue, kunta within a metric.
    assert list(dict.fromkeys(standard["metric_id"])) == ids


def test_fi_dialect_parses_back_to_the_same_numbers(
    sample_db: Path, standard: pl.DataFrame, tmp_path: Path
) -> None:
    out = tmp_path / "fi.csv"
    assert (
        main(["export", *YEAR, "--db", str(sample_db), "--dialect", "fi", "--out", str(out)]) == 0
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    fi = pl.read_csv(io.BytesIO(raw), separator=";", infer_schema=False)
    assert fi.columns == standard.columns and fi.height == standard.height
    for column in NUMBERS:
        for a, b in zip(standard[column], fi[column], strict=True):
            assert (a is None and b is None) or float(a) == float(b.replace(",", "."))
    for column in ("period_start", "period_end", "as_of"):
        for a, b in zip(standard[column], fi[column], strict=True):
            day, month, year = (int(p) for p in b.split("."))
            assert dt.date(year, month, day) == dt.date.fromisoformat(a)
    for column in ("metric_id", "level", "area", "target_op", "status"):
        assert fi[column].to_list() == standard[column].to_list()


def test_xlsx_and_parquet_hold_the_same_table(sample_db: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(sample_db), read_only=True) as con:
        table = kpi_table(con, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    base = ["export", *YEAR, "--db", str(sample_db)]
    assert main([*base, "--format", "parquet", "--out", str(tmp_path / "k.parquet")]) == 0
    assert pl.read_parquet(tmp_path / "k.parquet").equals(table)
    assert main([*base, "--format", "xlsx", "--out", str(tmp_path / "k.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "k.xlsx").active
    assert ws is not None
    assert [c.value for c in ws[1]] == list(KPI_COLUMNS)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == table.height
    for got, want in zip(rows, table.iter_rows(), strict=True):
        for j, (g, w) in enumerate(zip(got, want, strict=True)):
            if isinstance(w, dt.date):
                assert isinstance(g, dt.datetime) and g.date() == w, KPI_COLUMNS[j]
            else:
                assert g == w, (KPI_COLUMNS[j], g, w)


def test_suppressed_export_of_the_sample(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    argv = ["export", *YEAR, "--db", str(sample_db), "--suppress", "5", "--out", str(out)]
    assert main(argv) == 0
    text = pl.read_csv(out, infer_schema=False)
    assert text.columns == list(KPI_COLUMNS)
    hidden = text.filter(pl.col("denominator") == "<5")
    assert hidden.height > 0  # a sample of 400 clients has small municipalities
    assert hidden["status"].null_count() == hidden.height


def test_kpi_table_on_the_pipelines_read_only_connection(sample_db: Path) -> None:
    # open_readonly attaches the file as its own catalog; the engine's cursors must follow it.
    from pipelines.database import open_readonly

    con = open_readonly(sample_db)
    try:
        via_attach = kpi_table(con, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    finally:
        con.close()
    with duckdb.connect(str(sample_db), read_only=True) as plain:
        direct = kpi_table(plain, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert via_attach.equals(direct)
    assert via_attach["value"].is_not_null().sum() > 0


def test_the_national_indicators_have_a_value_in_the_committed_sample(
    standard: pl.DataFrame,
) -> None:
    """Every new card of 2026-12 shows a value on the sample: the four counts on E, the flows
    and the statements (the sample writes lausunnot); rows at every level."""
    new = [m.id for m in REGISTRY if m.goal == "tilanne"] + ["statement_processing_days"]
    assert len(new) == 7
    for metric_id in new:
        rows = standard.filter(pl.col("metric_id") == metric_id)
        assert set(rows["level"]) == set(AREAS), metric_id
        whole = rows.filter(pl.col("level") == "koko_alue").row(0, named=True)
        assert whole["value"] is not None and float(whole["value"]) > 0, metric_id
