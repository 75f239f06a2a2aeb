"""The people's writers: percentages with one decimal, integers, Finnish dates, formats."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from metrics.kpi_file_people import (
    PeopleCell,
    PeopleTable,
    cell_text,
    to_people_csv,
    to_people_xlsx,
)


@pytest.mark.parametrize(
    ("cell", "fi", "en"),
    [
        (PeopleCell(0.8534107402031931, "percent"), "85,3", "85.3"),
        (PeopleCell(0.75, "percent"), "75,0", "75.0"),
        (PeopleCell(0.12345, "percent"), "12,3", "12.3"),
        (PeopleCell(0.00125, "percent"), "0,1", "0.1"),  # half up, not to even
        (PeopleCell(12348.0, "integer"), "12348", "12348"),
        (PeopleCell(2.5, "integer"), "3", "3"),
        (PeopleCell(21.44, "decimal"), "21,4", "21.4"),
        (PeopleCell(-0.04, "decimal"), "0,0", "0.0"),  # no "-0,0"
        (PeopleCell(date(2025, 3, 14), "date"), "14.3.2025", "2025-03-14"),
        (PeopleCell(datetime(2025, 3, 14, 9, 5), "datetime"), "14.3.2025 9.05", "2025-03-14 09:05"),
        (PeopleCell("<5", "text"), "<5", "<5"),
        (PeopleCell("=HYPERLINK(1)", "text"), "'=HYPERLINK(1)", "'=HYPERLINK(1)"),
        (PeopleCell(None, "percent"), "", ""),
        (PeopleCell(float("nan"), "percent"), "", ""),
    ],
)
def test_cell_text(cell: PeopleCell, fi: str, en: str) -> None:
    assert cell_text(cell, "fi") == fi
    assert cell_text(cell, "en") == en


TABLE = PeopleTable(
    ("Mittari", "Arvo", "Lukumäärä", "Päivä", 'Huom; "x"'),
    (
        (
            PeopleCell("Kasvokkain", "text"),
            PeopleCell(0.8534107402031931, "percent"),
            PeopleCell(12348.0, "integer"),
            PeopleCell(date(2025, 3, 14), "date"),
            PeopleCell("a;b", "text"),
        ),
        (
            PeopleCell("@SUM(A1)", "text"),
            PeopleCell("<5", "text"),
            PeopleCell(None, "integer"),
            PeopleCell(date(2026, 10, 31), "date"),
            PeopleCell("", "text"),
        ),
    ),
)


def test_finnish_csv_is_for_finnish_excel() -> None:
    data = to_people_csv(TABLE, "fi")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == 'Mittari;Arvo;Lukumäärä;Päivä;"Huom; ""x"""'
    assert lines[1] == 'Kasvokkain;85,3;12348;14.3.2025;"a;b"'
    assert lines[2] == "'@SUM(A1);<5;;31.10.2026;"
    assert lines[3] == ""


def test_english_csv_uses_commas_and_iso_dates() -> None:
    lines = to_people_csv(TABLE, "en").decode("utf-8-sig").split("\r\n")
    assert lines[1] == "Kasvokkain,85.3,12348,2025-03-14,a;b"


def test_xlsx_carries_number_formats_and_a_frozen_header() -> None:
    book = openpyxl.load_workbook(io.BytesIO(to_people_xlsx(TABLE, "Taulukko")))
    ws = book["Taulukko"]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == list(TABLE.headers)
    assert ws["B2"].value == pytest.approx(0.8534107402031931, abs=0)  # full precision
    assert ws["B2"].number_format == "0.0 %"
    assert ws["C2"].value == 12348 and ws["C2"].number_format == "# ##0"
    assert ws["D2"].value == datetime(2025, 3, 14) and ws["D2"].number_format == "d.m.yyyy"
    assert ws["B3"].value == "<5" and ws["C3"].value is None
    assert ws["A3"].value == "@SUM(A1)" and ws["A3"].data_type == "s"
    assert not ws["A2"].quotePrefix
    assert ws["A3"].quotePrefix  # Excel's own "this is text" mark, never a formula
