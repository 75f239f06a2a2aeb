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
import os
import sys
import tempfile
from pathlib import Path
from typing import Literal

import polars as pl

from metrics.kpi_file_cells import (
    FORMULA_STARTS,
    Dialect,
    csv_text,
    format_number,
    is_formula_like,
    neutralise,
    rows,
    shown_columns,
)
from metrics.kpi_file_xlsx import to_xlsx_bytes
from metrics.privacy import SMALL

__all__ = [
    "FORMULA_STARTS",
    "Dialect",
    "ExportError",
    "Format",
    "format_number",
    "is_formula_like",
    "neutralise",
    "to_bytes",
    "to_csv_bytes",
    "to_parquet_bytes",
    "to_xlsx_bytes",
    "write_table",
]

Format = Literal["csv", "xlsx", "parquet"]


class ExportError(ValueError):
    """An export could not be written; the message is bilingual and says what to do."""


def _csv_field(text: str, delimiter: str) -> str:
    """RFC 4180 quoting: a field holding the delimiter, a quote, CR or LF is quoted."""
    if any(ch in text for ch in (delimiter, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_csv_bytes(df: pl.DataFrame, *, dialect: Dialect = "standard", small: str = SMALL) -> bytes:
    """CSV of ``df``: ``standard`` (``,`` ``.``, UTF-8) or ``fi`` (``;`` ``,`` UTF-8 BOM)."""
    fi = dialect == "fi"
    sep, end = (";", "\r\n") if fi else (",", "\n")
    lines = [sep.join(_csv_field(neutralise(c), sep) for c in shown_columns(df))]
    for row in rows(df, small):
        texts = (str(cell) if hidden else csv_text(cell, dialect) for cell, hidden in row)
        lines.append(sep.join(_csv_field(t, sep) for t in texts))
    return (end.join(lines) + end).encode("utf-8-sig" if fi else "utf-8")


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
