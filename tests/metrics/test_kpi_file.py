"""The writers: CSV standard and fi, XLSX, Parquet, suppressed cells, CSV injection."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.kpi_file import (
    ExportError,
    format_number,
    neutralise,
    to_csv_bytes,
    to_parquet_bytes,
    to_xlsx_bytes,
    write_table,
)

KPI = pl.DataFrame(
    {
        "metric_id": ["initial_interviews_face_to_face", "vacancy_fill_time_days"],
        "level": ["kunta", "kunta"],
        "area": ["Rääkkylä", "Joensuu"],
        "period_start": [date(2025, 1, 1)] * 2,
        "period_end": [date(2025, 3, 14)] * 2,
        "as_of": [date(2025, 3, 14)] * 2,
        "value": [0.1 + 0.2, 21.333333333333332],
        "numerator": [3.0, 64.0],
        "denominator": [10.0, 3.0],
        "pending": pl.Series([None, None], dtype=pl.Int64),
        "target_op": [">=", "<"],
        "target_value": [0.75, 22.0],
        "status": ["off", "ok"],
    }
)


def parse(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_standard_csv_keeps_full_precision_and_iso_dates() -> None:
    data = to_csv_bytes(KPI)
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = parse(data, ",")
    assert rows[0] == list(KPI.columns)
    assert rows[1][6] == "0.30000000000000004"
    assert rows[2][6] == "21.333333333333332"
    assert rows[1][3] == "2025-01-01" and rows[1][9] == ""
    back = pl.read_csv(io.BytesIO(data), try_parse_dates=True)
    assert back["value"].to_list() == KPI["value"].to_list()
    assert back["period_end"].to_list() == KPI["period_end"].to_list()


def test_fi_dialect_is_semicolon_decimal_comma_bom_finnish_dates() -> None:
    data = to_csv_bytes(KPI, dialect="fi")
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    rows = parse(data, ";")
    assert rows[0] == list(KPI.columns)
    assert rows[1][2] == "Rääkkylä"
    assert rows[1][6] == "0,30000000000000004"
    assert rows[1][4] == "14.3.2025"
    assert float(rows[2][6].replace(",", ".")) == KPI["value"][1]


@pytest.mark.parametrize(
    ("value", "standard", "fi"),
    [
        (1e-7, "0.0000001", "0,0000001"),
        (-2.5, "-2.5", "-2,5"),
        (3.0, "3.0", "3,0"),
        (12345678901234567890.0, "12345678901234567000.0", "12345678901234567000,0"),
        (7, "7", "7"),
        (float("nan"), "", ""),
    ],
)
def test_numbers_never_use_exponents(value: float, standard: str, fi: str) -> None:
    assert format_number(value) == standard
    assert format_number(value, decimal_comma=True) == fi


MALICIOUS = pl.DataFrame(
    {
        "tyonantaja_id": ['=HYPERLINK("http://x")', "+358", "-1+2", "@SUM(A1)", "\tx", "ok-1"],
        "area": ["=cmd|' /C calc'!A0", "Joensuu", "\r=1", " =2", "－1", "Liperi"],
        "count": [-5, 3, 0, -1, 2, 1],
        "share": [-0.25, 0.5, 1.0, 0.0, -1e-3, 0.2],
    }
)


@pytest.mark.parametrize("dialect", ["standard", "fi"])
def test_csv_injection_is_neutralised_but_negative_numbers_stay(dialect: str) -> None:
    data = to_csv_bytes(MALICIOUS, dialect=dialect)  # type: ignore[arg-type]
    rows = parse(data, ";" if dialect == "fi" else ",")[1:]
    for row in rows:
        for text in row[:2]:
            assert not text.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r", "－")), text
    assert rows[0][0] == '\'=HYPERLINK("http://x")'
    assert rows[5][0] == "ok-1"  # not at the start: unchanged
    assert rows[0][2] == "-5" and rows[3][2] == "-1"
    assert rows[0][3] in ("-0.25", "-0,25")


def test_xlsx_types_numbers_dates_and_inert_text(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(to_xlsx_bytes(KPI))
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    header = [c.value for c in ws[1]]
    assert header == list(KPI.columns)
    assert ws.cell(2, 7).value == 0.1 + 0.2 and ws.cell(2, 7).data_type == "n"
    assert ws.cell(2, 4).is_date and ws.cell(2, 4).value.date() == date(2025, 1, 1)
    assert ws.cell(2, 10).value is None  # empty pending stays empty
    path.write_bytes(to_xlsx_bytes(MALICIOUS))
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    for r in range(2, 7):
        cell = ws.cell(r, 1)
        assert cell.data_type == "s"  # a string, never a formula
    assert ws.cell(2, 1).value == '=HYPERLINK("http://x")' and ws.cell(2, 1).quotePrefix
    assert ws.cell(2, 2).quotePrefix and not ws.cell(7, 2).quotePrefix
    assert ws.cell(2, 3).value == -5 and ws.cell(2, 3).data_type == "n"
    assert ws.cell(6, 4).value == -1e-3


def test_parquet_round_trips_types() -> None:
    back = pl.read_parquet(io.BytesIO(to_parquet_bytes(KPI)))
    assert back.equals(KPI)
    assert back.schema == KPI.schema


def suppressed_table() -> pl.DataFrame:
    return KPI.with_columns(
        pl.Series("value", [None, 21.333333333333332]),
        pl.Series("numerator", [None, 64.0]),
        pl.Series("denominator", [None, 3.0]),
        pl.Series("status", [None, "ok"]),
        pl.Series("pending", [None, 4], dtype=pl.Int64),
        pl.Series("suppressed", [True, False]),
        pl.Series("pending_suppressed", [False, True]),
    )


def test_suppressed_cells_are_written_as_the_small_token() -> None:
    df = suppressed_table()
    rows = parse(to_csv_bytes(df, dialect="fi"), ";")
    assert rows[0] == list(KPI.columns)  # the flag columns are not written
    assert rows[1][6:10] == ["<5", "<5", "<5", ""]
    assert rows[1][12] == ""  # no status either
    assert rows[2][9] == "<5" and rows[2][6] == "21,333333333333332"
    ten = parse(to_csv_bytes(df, small="<10"), ",")
    assert ten[1][6] == "<10"
    back = pl.read_parquet(io.BytesIO(to_parquet_bytes(df)))
    assert back["suppressed"].to_list() == [True, False] and back["value"][0] is None


def test_suppressed_cells_in_xlsx_are_text_tokens(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    path.write_bytes(to_xlsx_bytes(suppressed_table()))
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert [c.value for c in ws[1]] == list(KPI.columns)
    assert ws.cell(2, 7).value == "<5" and ws.cell(3, 10).value == "<5"
    assert ws.cell(3, 7).value == 21.333333333333332


def test_write_table_is_atomic_and_checks_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "kpi.csv"
    out.write_text("old")
    assert write_table(KPI, out, "csv", "fi") == out.stat().st_size
    assert out.read_bytes() == to_csv_bytes(KPI, dialect="fi")
    assert stat.S_IMODE(out.stat().st_mode) & 0o044  # readable like any new file
    assert [p.name for p in tmp_path.iterdir()] == ["kpi.csv"]
    with pytest.raises(ExportError, match="Folder does not exist"):
        write_table(KPI, tmp_path / "missing" / "kpi.csv", "csv")
    with pytest.raises(ExportError, match="standard output"):
        write_table(KPI, "-", "xlsx")


def test_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    write_table(KPI, "-", "csv")
    assert capsysbinary.readouterr().out == to_csv_bytes(KPI)


def test_neutralise_leaves_ordinary_text() -> None:
    assert neutralise("Joensuun seutu") == "Joensuun seutu"
    assert neutralise("=1") == "'=1"


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(-(2**62), 2**62))
def test_numbers_read_back_exactly_in_both_dialects(x: float, n: int) -> None:
    df = pl.DataFrame({"x": [x], "n": [n], "t": ["-" + repr(x)]})
    standard = parse(to_csv_bytes(df), ",")[1]
    fi = parse(to_csv_bytes(df, dialect="fi"), ";")[1]
    assert float(standard[0]) == x and float(fi[0].replace(",", ".")) == x
    assert int(standard[1]) == n and int(fi[1]) == n
    assert "e" not in standard[0].lower()
    assert standard[2].startswith("'-")  # text that looks like a negative number stays text
