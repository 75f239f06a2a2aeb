"""The KPI table (or any breakdown table) as CSV, XLSX or Parquet bytes.

The command line (``python -m metrics export``) and the dashboard's download buttons call
the same functions, so a download equals the command's file byte for byte. Formats are
described in docs/exports.md:

- CSV ``standard``: ``,`` and ``.``, UTF-8, dates ISO, numbers at full precision.
- CSV ``fi``: what Finnish Excel opens directly: ``;``, decimal comma, UTF-8 with BOM,
  dates ``14.3.2025``, CRLF line ends.
- XLSX: numbers as numbers, dates as dates, a frozen header with filters.
- Parquet: typed columns; suppressed cells are nulls with their ``*suppressed`` flag column.

Suppressed cells (see metrics.privacy) are written as ``<5`` in CSV and XLSX. Text cells that
a spreadsheet would run as a formula (beginning with ``=``, ``+``, ``-``, ``@``, tab or CR)
are neutralised: a ``'`` in front in CSV, Excel's own quote prefix in XLSX. Numbers, also
negative ones, stay numbers.
"""

from __future__ import annotations

import io
import math
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

import polars as pl
import xlsxwriter
from xlsxwriter.format import Format as XlsxFormat
from xlsxwriter.worksheet import Worksheet

from metrics.privacy import SMALL, SUPPRESSED

Dialect = Literal["standard", "fi"]
Format = Literal["csv", "xlsx", "parquet"]

# Leading characters that make Excel or LibreOffice treat a cell as a formula (also the
# full-width forms that some spreadsheet programs fold to ASCII).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# Which value columns the KPI table's row flag ``suppressed`` hides (``X_suppressed`` hides X).
ROW_FLAG_COLUMNS = ("value", "numerator", "denominator")

Cell = str | int | float | bool | date | datetime | None


class ExportError(ValueError):
    """An export could not be written; the message is bilingual and says what to do."""


def is_formula_like(text: str) -> bool:
    return text.lstrip(" ").startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """A text cell made inert for spreadsheets: ``=1+1`` becomes ``'=1+1``."""
    return "'" + text if is_formula_like(text) else text


def _hidden_masks(df: pl.DataFrame) -> dict[str, list[bool]]:
    """Column -> per-row "suppressed" flags, from the flag columns of metrics.privacy."""
    masks: dict[str, list[bool]] = {}
    for flag in (c for c in df.columns if c == SUPPRESSED or c.endswith("_" + SUPPRESSED)):
        values = [bool(v) for v in df[flag].to_list()]
        targets = ROW_FLAG_COLUMNS if flag == SUPPRESSED else (flag[: -len(SUPPRESSED) - 1],)
        for column in targets:
            if column in df.columns:
                masks[column] = values
    return masks


def _flag_columns(df: pl.DataFrame) -> list[str]:
    return [c for c in df.columns if c == SUPPRESSED or c.endswith("_" + SUPPRESSED)]


def _shown_columns(df: pl.DataFrame) -> list[str]:
    flags = set(_flag_columns(df))
    return [c for c in df.columns if c not in flags]


def _rows(df: pl.DataFrame, small: str) -> Iterator[list[tuple[Cell, bool]]]:
    """Rows of (cell, is_hidden_token) for the shown columns."""
    columns = _shown_columns(df)
    masks = _hidden_masks(df)
    df = df.with_columns(pl.col(pl.Decimal).cast(pl.Float64))
    data = {c: df[c].to_list() for c in columns}
    for i in range(df.height):
        out: list[tuple[Cell, bool]] = []
        for c in columns:
            if c in masks and masks[c][i]:
                out.append((small, True))
            else:
                out.append((data[c][i], False))
        yield out


def format_number(value: int | float, *, decimal_comma: bool = False) -> str:
    """Full precision, never an exponent: the shortest text that reads back as the same
    float (``0.30000000000000004``, ``1e-07`` -> ``0.0000001``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        text = str(value)
    elif math.isnan(value) or math.isinf(value):
        return ""
    else:
        text = format(Decimal(repr(value)), "f")
        if "." not in text:
            text += ".0"
    return text.replace(".", ",") if decimal_comma else text


def _csv_text(cell: Cell, dialect: Dialect) -> str:
    fi = dialect == "fi"
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, int | float):
        return format_number(cell, decimal_comma=fi)
    if isinstance(cell, datetime):
        clock = cell.strftime("%H:%M:%S")
        return f"{cell.day}.{cell.month}.{cell.year} {clock}" if fi else f"{cell.date()} {clock}"
    if isinstance(cell, date):
        return f"{cell.day}.{cell.month}.{cell.year}" if fi else cell.isoformat()
    return neutralise(str(cell))


def _csv_field(text: str, delimiter: str) -> str:
    """RFC 4180 quoting: a field holding the delimiter, a quote, CR or LF is quoted."""
    if any(ch in text for ch in (delimiter, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_csv_bytes(df: pl.DataFrame, *, dialect: Dialect = "standard", small: str = SMALL) -> bytes:
    """CSV of ``df``: ``standard`` (``,`` ``.``, UTF-8) or ``fi`` (``;`` ``,`` UTF-8 BOM)."""
    fi = dialect == "fi"
    sep, end = (";", "\r\n") if fi else (",", "\n")
    lines = [sep.join(_csv_field(neutralise(c), sep) for c in _shown_columns(df))]
    for row in _rows(df, small):
        texts = (str(cell) if hidden else _csv_text(cell, dialect) for cell, hidden in row)
        lines.append(sep.join(_csv_field(t, sep) for t in texts))
    return (end.join(lines) + end).encode("utf-8-sig" if fi else "utf-8")


def to_xlsx_bytes(df: pl.DataFrame, *, sheet: str = "KPI", small: str = SMALL) -> bytes:
    """An Excel workbook of ``df``: numbers as numbers, dates as dates, text never a formula."""
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    with xlsxwriter.Workbook(buffer, options) as book:
        ws = book.add_worksheet(sheet[:31], worksheet_class=FullPrecisionWorksheet)
        header = book.add_format({"bold": True, "bottom": 1})
        as_date = book.add_format({"num_format": "d.m.yyyy"})
        as_datetime = book.add_format({"num_format": "d.m.yyyy hh:mm:ss"})
        inert = book.add_format({"quote_prefix": True})
        token = book.add_format({"align": "right"})
        columns = _shown_columns(df)
        widths = [len(c) for c in columns]
        for j, name in enumerate(columns):
            ws.write_string(0, j, name, header)
        for i, row in enumerate(_rows(df, small), start=1):
            for j, (cell, hidden) in enumerate(row):
                writer = _xlsx_writer(cell, hidden, as_date, as_datetime, inert, token)
                if writer is not None:
                    writer(ws, i, j)
                widths[j] = max(widths[j], len(_csv_text(cell, "fi")) if not hidden else 2)
        for j, width in enumerate(widths):
            ws.set_column(j, j, min(max(width, 6) + 2, 60))
        ws.freeze_panes(1, 0)
        if columns:
            ws.autofilter(0, 0, max(df.height, 1), len(columns) - 1)
    return buffer.getvalue()


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
) -> CellWriter | None:
    if hidden:
        return lambda ws, i, j: ws.write_string(i, j, str(cell), token)
    if cell is None:
        return None
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


def to_parquet_bytes(df: pl.DataFrame) -> bytes:
    """Parquet of ``df`` as it is: typed columns, suppressed cells null beside their flags."""
    buffer = io.BytesIO()
    df.write_parquet(buffer)
    return buffer.getvalue()


def to_bytes(
    df: pl.DataFrame, fmt: Format, *, dialect: Dialect = "standard", small: str = SMALL
) -> bytes:
    if fmt == "csv":
        return to_csv_bytes(df, dialect=dialect, small=small)
    if fmt == "xlsx":
        return to_xlsx_bytes(df, small=small)
    return to_parquet_bytes(df)


def write_table(
    df: pl.DataFrame,
    out: Path | str,
    fmt: Format = "csv",
    dialect: Dialect = "standard",
    *,
    small: str = SMALL,
) -> int:
    """Writes ``df`` to ``out`` (``-`` = CSV on standard output); returns the bytes written.

    A file is written beside its target and renamed over it, so a failed export never leaves
    a half-written file behind.
    """
    data = to_bytes(df, fmt, dialect=dialect, small=small)
    if str(out) == "-":
        if fmt != "csv":
            raise ExportError(
                "Vakiotulosteeseen (--out -) voi kirjoittaa vain CSV:tä. / "
                "Only CSV can be written to standard output (--out -)."
            )
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return len(data)
    target = Path(out)
    if not target.parent.is_dir():
        raise ExportError(
            f"Kansiota ei ole: {target.parent}. Luo kansio tai valitse toinen polku. / "
            f"Folder does not exist: {target.parent}. Create it or choose another path."
        )
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)
