"""A table written for people, not machines: CSV for Excel and an XLSX with number formats.

The machine files (metrics.kpi_file, ``python -m metrics export``) keep the contract's
codes and full precision. A people's table (:class:`PeopleTable`) already has its headers
and words in the reader's language (ui.people_table makes it); each cell says what it is
(:data:`CellKind`), and the writers show it as a person expects:

- CSV, Finnish: ``;``, decimal comma, shares as percentages with one decimal (``75,3``),
  counts as integers (``12348``), other numbers with one decimal, dates ``14.3.2025``.
- CSV, English: ``,``, decimal point, the same roundings, dates ISO (``2025-03-14``).
  Both with a BOM (Excel then reads UTF-8) and CRLF line ends.
- XLSX: numbers at full precision carrying a number format (percent ``0.0 %`` on the
  fraction, integer ``# ##0``, other numbers ``0.0``, date ``d.m.yyyy``), a bold header row
  that stays in view (``freeze_panes``) with filters.

Text that a spreadsheet would run as a formula is neutralised as in the machine files.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

import xlsxwriter

from metrics.kpi_file_cells import is_formula_like, neutralise
from metrics.kpi_file_xlsx import FullPrecisionWorksheet

CellKind = Literal["percent", "integer", "decimal", "date", "datetime", "text"]
PeopleLang = Literal["fi", "en"]

XLSX_FORMATS: dict[CellKind, str] = {
    "percent": "0.0 %",
    "integer": "# ##0",
    "decimal": "0.0",
    "date": "d.m.yyyy",
    "datetime": "d.m.yyyy hh:mm",
}


@dataclass(frozen=True)
class PeopleCell:
    """One cell: ``value`` is a fraction for ``percent`` (0.753), a number, a date or text."""

    value: object
    kind: CellKind


@dataclass(frozen=True)
class PeopleTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[PeopleCell, ...], ...]


def _rounded(value: float, decimals: int, comma: bool) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    text = f"{Decimal(repr(float(value))).quantize(quantum, ROUND_HALF_UP):f}"
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text.replace(".", ",") if comma else text


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not (isinstance(value, float) and (math.isnan(value) or math.isinf(value)))


def cell_text(cell: PeopleCell, lang: PeopleLang) -> str:
    """The cell as the people's CSV writes it (see the module's docstring)."""
    fi = lang == "fi"
    value, kind = cell.value, cell.kind
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if kind in ("percent", "integer", "decimal") and _is_number(value):
        number = float(value)  # type: ignore[arg-type]
        if kind == "percent":
            return _rounded(number * 100, 1, fi)
        return _rounded(number, 0 if kind == "integer" else 1, fi)
    if isinstance(value, datetime):
        if fi:
            return f"{value.day}.{value.month}.{value.year} {value.hour}.{value.minute:02d}"
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}" if fi else value.isoformat()
    return neutralise(str(value))


def _csv_field(text: str, sep: str) -> str:
    if any(ch in text for ch in (sep, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_people_csv(table: PeopleTable, lang: PeopleLang) -> bytes:
    """CSV for Excel in ``lang``: Finnish ``;`` and ``,``; English ``,`` and ``.``."""
    sep = ";" if lang == "fi" else ","
    lines = [sep.join(_csv_field(neutralise(h), sep) for h in table.headers)]
    for row in table.rows:
        lines.append(sep.join(_csv_field(cell_text(c, lang), sep) for c in row))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def to_people_xlsx(table: PeopleTable, sheet: str) -> bytes:
    """An Excel workbook: numbers with their number formats, the header row frozen."""
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    with xlsxwriter.Workbook(buffer, options) as book:
        ws = book.add_worksheet(sheet[:31], worksheet_class=FullPrecisionWorksheet)
        header = book.add_format({"bold": True, "bottom": 1, "text_wrap": True})
        formats = {kind: book.add_format({"num_format": f}) for kind, f in XLSX_FORMATS.items()}
        inert = book.add_format({"quote_prefix": True})
        widths = [max(len(h), 6) for h in table.headers]
        for j, name in enumerate(table.headers):
            ws.write_string(0, j, name, header)
        for i, row in enumerate(table.rows, start=1):
            for j, cell in enumerate(row):
                _write(ws, i, j, cell, formats, inert)
                widths[j] = max(widths[j], len(cell_text(cell, "fi")))
        for j, width in enumerate(widths):
            ws.set_column(j, j, min(width + 2, 60))
        ws.freeze_panes(1, 0)
        if table.headers:
            ws.autofilter(0, 0, max(len(table.rows), 1), len(table.headers) - 1)
    return buffer.getvalue()


def _write(
    ws: FullPrecisionWorksheet,
    i: int,
    j: int,
    cell: PeopleCell,
    formats: dict[CellKind, object],
    inert: object,
) -> None:
    value, kind = cell.value, cell.kind
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return
    if kind in ("percent", "integer", "decimal") and _is_number(value):
        ws.write_number(i, j, float(value), formats[kind])  # type: ignore[arg-type]
    elif isinstance(value, datetime):
        ws.write_datetime(i, j, value, formats["datetime"])
    elif isinstance(value, date):
        ws.write_datetime(i, j, datetime(value.year, value.month, value.day), formats["date"])
    else:
        text = str(value)
        ws.write_string(i, j, text, inert if is_formula_like(text) else None)
