"""metrics.kpi_file_xlsx: a table as an Excel workbook: numbers as numbers at full precision,
dates as dates, hidden cells as the small token, text never a formula, flags left out."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import openpyxl
import polars as pl

from metrics.kpi_file_xlsx import to_xlsx_bytes

TABLE = pl.DataFrame(
    {
        "area": ['=HYPERLINK("x")', "Kitee"],
        "value": [0.30000000000000004, None],
        "count": [3, 7],
        "day": [date(2025, 3, 4), date(2025, 3, 5)],
        "at": [datetime(2025, 3, 4, 5, 6, 7), None],
        "suppressed": [False, True],
    }
)


def _sheet(data: bytes) -> list[tuple[object, ...]]:
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws is not None
    return list(ws.iter_rows(values_only=True))


def test_cells_keep_their_types_and_hidden_cells_show_the_token() -> None:
    data = to_xlsx_bytes(TABLE, sheet="KPI-taulukko", small="<5")
    rows = _sheet(data)
    assert rows[0] == ("area", "value", "count", "day", "at")  # the flag column left out
    first, second = rows[1], rows[2]
    assert first[0] == '=HYPERLINK("x")'  # text, not a formula
    assert first[1] == 0.30000000000000004 and first[2] == 3
    assert first[3] == datetime(2025, 3, 4) and first[4] == datetime(2025, 3, 4, 5, 6, 7)
    assert second[1] == "<5" and second[2] == 7


def test_the_text_is_quote_prefixed_and_numbers_are_full_precision() -> None:
    data = to_xlsx_bytes(TABLE)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("xl/styles.xml").decode()
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert 'quotePrefix="1"' in styles
    assert "<f>" not in sheet  # no formula anywhere
    assert "0.30000000000000004" in sheet


def test_an_empty_table_is_a_header_only_workbook() -> None:
    assert _sheet(to_xlsx_bytes(pl.DataFrame({"a": []}, schema={"a": pl.Int64}))) == [("a",)]
