"""The KPI table (or any table) as an Excel workbook: numbers as numbers at full precision,
dates as dates, text never a formula (see docs/exports.md)."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal

import polars as pl
import xlsxwriter
from xlsxwriter.format import Format as XlsxFormat
from xlsxwriter.worksheet import Worksheet

from metrics.kpi_file_cells import Cell, csv_text, is_formula_like, rows, shown_columns
from metrics.privacy import SMALL


def to_xlsx_bytes(df: pl.DataFrame, *, sheet: str = "KPI", small: str = SMALL) -> bytes:
    """An Excel workbook of ``df``: numbers as numbers, dates as dates, text never a formula."""
    return to_xlsx_sheets({sheet: df}, small=small)


def to_xlsx_sheets(sheets: Mapping[str, pl.DataFrame], *, small: str = SMALL) -> bytes:
    """One workbook with a sheet per table (names cut to Excel's 31 characters), each written
    as ``to_xlsx_bytes`` writes its one sheet (e.g. a sheet per municipality's bill)."""
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    with xlsxwriter.Workbook(buffer, options) as book:
        for name, df in sheets.items():
            _write_sheet(book, name, df, small)
    return buffer.getvalue()


def _write_sheet(book: xlsxwriter.Workbook, sheet: str, df: pl.DataFrame, small: str) -> None:
    ws = book.add_worksheet(sheet[:31], worksheet_class=FullPrecisionWorksheet)
    header = book.add_format({"bold": True, "bottom": 1})
    as_date = book.add_format({"num_format": "d.m.yyyy"})
    as_datetime = book.add_format({"num_format": "d.m.yyyy hh:mm:ss"})
    inert = book.add_format({"quote_prefix": True})
    token = book.add_format({"align": "right"})
    money = book.add_format({"num_format": "#,##0.00"})
    columns = shown_columns(df)
    widths = [len(c) for c in columns]
    for j, name in enumerate(columns):
        ws.write_string(0, j, name, header)
    for i, row in enumerate(rows(df, small), start=1):
        for j, (cell, hidden) in enumerate(row):
            writer = _xlsx_writer(cell, hidden, as_date, as_datetime, inert, token, money)
            if writer is not None:
                writer(ws, i, j)
            widths[j] = max(widths[j], len(csv_text(cell, "fi")) if not hidden else 2)
    for j, width in enumerate(widths):
        ws.set_column(j, j, min(max(width, 6) + 2, 60))
    ws.freeze_panes(1, 0)
    if columns:
        ws.autofilter(0, 0, max(df.height, 1), len(columns) - 1)


CellWriter = Callable[[Worksheet, int, int], object]


class FullPrecisionWorksheet(Worksheet):
    """xlsxwriter writes numbers with 16 significant digits; this writes the shortest text
    that reads back as the same double (17 digits where needed), as "no rounding" requires."""

    def _xml_number_element(
        self, number: float, attributes: Sequence[tuple[str, object]] = ()
    ) -> None:
        attr = "".join(f' {k}="{self._escape_attributes(v)}"' for k, v in attributes)
        self.fh.write(f"<c{attr}><v>{float(number)!r}</v></c>")


def _xlsx_writer(
    cell: Cell,
    hidden: bool,
    as_date: XlsxFormat,
    as_datetime: XlsxFormat,
    inert: XlsxFormat,
    token: XlsxFormat,
    money: XlsxFormat,
) -> CellWriter | None:
    if hidden:
        return lambda ws, i, j: ws.write_string(i, j, str(cell), token)
    if cell is None:
        return None
    if isinstance(cell, Decimal):  # euros: a number shown with two decimals
        number = float(cell)
        return lambda ws, i, j: ws.write_number(i, j, number, money)
    if isinstance(cell, bool):
        return lambda ws, i, j: ws.write_boolean(i, j, cell)
    if isinstance(cell, int | float):
        if isinstance(cell, float) and (math.isnan(cell) or math.isinf(cell)):
            return None
        return lambda ws, i, j: ws.write_number(i, j, cell)
    if isinstance(cell, datetime):
        return lambda ws, i, j: ws.write_datetime(i, j, cell, as_datetime)
    if isinstance(cell, date):
        moment = datetime(cell.year, cell.month, cell.day)
        return lambda ws, i, j: ws.write_datetime(i, j, moment, as_date)
    text = str(cell)
    if is_formula_like(text):
        return lambda ws, i, j: ws.write_string(i, j, text, inert)
    return lambda ws, i, j: ws.write_string(i, j, text)
