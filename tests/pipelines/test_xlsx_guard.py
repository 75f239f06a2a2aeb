"""The XLSX size guard: real workbooks pass it and load; its measures are right."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
import xlsxwriter

from pipelines import load_folder
from pipelines.xlsx_guard import MAX_COLUMNS, check_xlsx, column_number, measure_sheet
from tests.pipelines.fixtures import write_folder
from tests.pipelines.xlsx_by_hand import cell, header_row, row, workbook

AS_OF = date(2026, 10, 31)
_SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(("letters", "number"), [("A", 1), ("Z", 26), ("AA", 27), ("XFD", 16384)])
def test_column_number(letters: str, number: int) -> None:
    assert column_number(letters) == number


def test_a_hand_made_workbook_within_the_limits_loads(tmp_path: Path) -> None:
    rows = [
        header_row(["ryhma", "kaynnistynyt", "kokouksia"]),
        row(2, cell("A2", "hankinnat"), cell("B2", "2025-02-03"), cell("C2", "4")),
    ]
    folder = write_folder(tmp_path / "x", **{"tyoryhmat.xlsx": workbook(rows, "A1:C2")})
    summary = load_folder(folder, tmp_path / "k.duckdb", as_of=AS_OF)
    assert summary.rows["tyoryhmat"] == 1


def test_measures_of_a_written_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    for r in range(1200):
        for c in range(MAX_COLUMNS):
            if c in (0, 27, MAX_COLUMNS - 1):
                sheet.write(r, c, f"v{r}")
    book.close()
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        declared, used, size = measure_sheet(opened, _SHEET)
    assert declared is not None and (declared.rows, declared.columns) == (1200, MAX_COLUMNS)
    assert (used.rows, used.columns) == (1200, MAX_COLUMNS) and size > 0
    path = tmp_path / "ok.xlsx"
    path.write_bytes(data)
    check_xlsx(path, len(data))  # exactly at the limit: allowed


def test_cells_without_references_are_counted_one_by_one() -> None:
    data = workbook([row(None, *[cell(None, "a")] * 7), row(None, cell(None, "b"))])
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        declared, used, _size = measure_sheet(opened, _SHEET)
    assert declared is None and (used.rows, used.columns) == (2, 7)
