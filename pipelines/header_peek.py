"""The header row of a CSV or Parquet export read without reading the file, so that a
source header of ``mapping.toml`` that a file lacks is reported before any file is read.

CSV: the first line of the first 64 KiB, decoded and split as the reader does (UTF-8 or
Windows-1252, the detected delimiter, quotes). Parquet: the schema's column names. Anything
less than certain (a header line cut short, unbalanced quotes, a file that does not look
like text) and every XLSX (its sheet is only read whole) gives None: the header is then
checked when the file is read (``pipelines.mapping_apply``), in the same report.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from pipelines.column_mapping import ExportMapping
from pipelines.csv_bytes import detect_delimiter, looks_binary, looks_html
from pipelines.mapping_apply import report_missing_headers
from pipelines.validation_report import ValidationReport

_HEAD = 65536
_BOM = b"\xef\xbb\xbf"


def _csv_header(path: Path) -> tuple[str, ...] | None:
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    if not head.strip() or looks_binary(head) or looks_html(head):
        return None
    head = head.removeprefix(_BOM)
    ends = [i for i in (head.find(b"\n"), head.find(b"\r")) if i >= 0]
    if not ends and len(head) == _HEAD:
        return None  # the header line goes on past what was read
    line = head[: min(ends)] if ends else head
    if b"\x00" in line or line.count(b'"') % 2:
        return None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = line.decode("cp1252")
        except UnicodeDecodeError:
            return None
    row = next(csv.reader([text], delimiter=detect_delimiter(text)), None)
    return None if row is None else tuple(title.strip() for title in row)


def peek_header(path: Path) -> tuple[str, ...] | None:
    """The file's header as the reader would give it; None when not known without reading."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return _csv_header(path)
        if suffix == ".parquet":
            return tuple(pl.read_parquet_schema(path)) or None
    except Exception:  # unreadable: the reader reports why when it reads the file
        return None
    return None


def check_headers_first(
    files: dict[str, Path], mappings: dict[str, ExportMapping], report: ValidationReport
) -> None:
    """Adds an error of mapping.toml for each source header a CSV or Parquet file lacks."""
    for name, mapping in mappings.items():
        header = peek_header(files[name]) if name in files and mapping.columns else None
        if header is not None:
            report_missing_headers(files[name].name, header, mapping, report)
