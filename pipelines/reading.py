"""Reading: turns one export file into a table of text cells. It parses, it does not judge.

CSV: the encoding (UTF-8, UTF-8 with BOM, Windows-1252) and the delimiter (``;``, ``,``,
tab) are detected, and LF, CRLF and CR line ends read alike. XLSX: the first sheet, read
with fastexcel after ``xlsx_guard`` has measured it, every cell as text (an Excel date cell
becomes ``2025-03-14 00:00:00``; its date part is used). Parquet (``parquet_reading``):
every scalar column cast to text, so that one set of rules (validation) applies to every
format. A file that is not a table at all raises ``PipelineError``.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import fastexcel
import polars as pl

from pipelines.csv_bytes import (
    detect_delimiter,
    first_ragged_row,
    looks_binary,
    looks_html,
    maybe_padded,
)
from pipelines.csv_encoding import first_non_utf8, holds_utf8
from pipelines.csv_fields import short_rows
from pipelines.line_endings import line_of, to_lf
from pipelines.parquet_reading import read_parquet
from pipelines.raw_table import RawTable, empty_file, not_a_table
from pipelines.validation_report import Issue, PipelineError, ValidationReport
from pipelines.xlsx_guard import check_xlsx

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
_BOM = b"\xef\xbb\xbf"


def to_utf8(data: bytes, file: str) -> bytes:
    """Windows-1252 content re-encoded as UTF-8 (called when it is not UTF-8)."""
    try:
        return data.decode("cp1252").encode("utf-8")
    except UnicodeDecodeError as exc:
        raise not_a_table(
            file,
            "merkistö ei ole UTF-8 eikä Windows-1252",
            "encoding is neither UTF-8 nor Windows-1252",
        ) from exc


def _split_header(frame: pl.DataFrame, file: str) -> tuple[tuple[str, ...], pl.DataFrame]:
    if frame.height == 0 or frame.width == 0:
        raise empty_file(file)
    header = tuple("" if v is None else str(v).strip() for v in frame.row(0))
    body = frame.slice(1)
    body.columns = [f"c{i}" for i in range(frame.width)]
    return header, body


def _parse_csv(text: bytes, delimiter: str) -> pl.DataFrame:
    return pl.read_csv(
        text,
        has_header=False,
        separator=delimiter,
        infer_schema=False,
        truncate_ragged_lines=False,
        raise_if_empty=False,
    )


def _at_line(file: str, line: int, fi: str, en: str, rule: str) -> PipelineError:
    report = ValidationReport()
    report.add_error(Issue(file, line, None, None, fi, en, rule))
    return PipelineError(report)


def _mixed_encoding(file: str, text: bytes) -> PipelineError | None:
    """The error for a file mixing UTF-8 and another encoding (None: it holds no UTF-8)."""
    bad = first_non_utf8(text)
    if bad is None or not holds_utf8(text):
        return None
    return _at_line(
        file, line_of(text, bad),
        "Tiedostossa on sekaisin kahta merkistöä (UTF-8 ja Windows-1252): tämä rivi on eri "
        "merkistössä kuin muut. Tallenna koko tiedosto uudelleen yhdellä merkistöllä (UTF-8).",
        "The file mixes two encodings (UTF-8 and Windows-1252): this line is in another "
        "encoding than the rest. Save the whole file again in one encoding (UTF-8).",
        "mixed_encoding",
    )  # fmt: skip


def _read_csv(path: Path, data: bytes) -> RawTable:
    head = data[:65536]
    if not data.strip(b" \t\r\n" + _BOM):
        raise empty_file(path.name)
    if looks_binary(head):
        raise not_a_table(path.name, "binääritiedosto", "binary file")
    if looks_html(head):
        raise not_a_table(path.name, "HTML- tai XML-sivu", "an HTML or XML page")
    data = to_lf(data)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _at_line(
            path.name, line_of(data, nul),
            "Rivillä on NUL-merkki (tavu 0): tiedosto on rikki tai ei ole tekstiä. "
            "Vie aineisto uudelleen.",
            "The line holds a NUL character (byte 0): the file is damaged or not text. "
            "Export the data again.",
            "nul_byte",
        )  # fmt: skip
    text, encoding = (data[len(_BOM) :], "utf-8-sig") if data.startswith(_BOM) else (data, "utf-8")
    first_line = text[:65536].split(b"\n", 1)[0].decode("utf-8", errors="replace")
    delimiter = detect_delimiter(first_line)
    try:
        try:
            frame = _parse_csv(text, delimiter)
        except pl.exceptions.ComputeError as exc:
            if "utf-8" not in str(exc).lower():
                raise
            mixed = _mixed_encoding(path.name, text)
            if mixed is not None:
                raise mixed from exc
            if encoding != "utf-8":
                raise
            text, encoding = to_utf8(text, path.name), "windows-1252"
            frame = _parse_csv(text, delimiter)
    except pl.exceptions.PolarsError as exc:
        ragged = first_ragged_row(text, delimiter)
        if ragged is not None:
            row, fields, expected = ragged
            raise _at_line(
                path.name, row,
                f"Rivillä on {fields} kenttää, otsikkorivillä {expected}. "
                "Tarkista erottimet ja lainausmerkit.",
                f"The row has {fields} fields, the header row {expected}. "
                "Check the delimiters and quotes.",
                "ragged_row",
            ) from exc  # fmt: skip
        raise not_a_table(
            path.name,
            "rivien kenttämäärät eivät täsmää otsikkoriviin tai lainausmerkit ovat rikki",
            "rows do not match the header's number of fields, or quotes are broken",
        ) from exc
    header, body = _split_header(frame, path.name)
    padded = maybe_padded(text, delimiter)
    short, examples = 0, list[tuple[int, int]]()
    if body.width and body.height and body[body.columns[-1]].null_count():
        short, examples = short_rows(text, delimiter, len(header))  # only then can one be short
    return RawTable(
        path.name, path, "csv", "", encoding, delimiter, header, body, padded,
        short, tuple(examples),
    )  # fmt: skip


def _read_xlsx(path: Path, data: bytes) -> RawTable:
    if not data:
        raise empty_file(path.name)
    check_xlsx(path, len(data))  # before fastexcel allocates the sheet's whole range
    try:
        reader = fastexcel.read_excel(path)
        sheet = reader.load_sheet(0, header_row=None, dtypes="string")
        frame = sheet.to_polars()
    except Exception as exc:  # fastexcel raises its own hierarchy for broken workbooks
        raise not_a_table(
            path.name, "Excel-tiedosto ei aukea", "the Excel file cannot be opened"
        ) from exc
    frame = frame.select(pl.all().cast(pl.String))
    header, body = _split_header(frame, path.name)
    return RawTable(path.name, path, "xlsx", "", None, None, header, body)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path) -> RawTable:
    """Reads one export file; raises PipelineError when it is empty or not a table.

    The checksum is computed in a second thread while the file is parsed.
    """
    fmt = FORMATS.get(path.suffix.lower())
    readers = {"csv": _read_csv, "xlsx": _read_xlsx, "parquet": read_parquet}
    if fmt not in readers:
        raise ValueError(f"not an export format: {path.name}")
    data = path.read_bytes()
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(_sha256, data)
        table = readers[fmt](path, data)
        return replace(table, sha256=digest.result())
