"""Looks at an XLSX workbook's sheets before the Excel reader does, and refuses absurd ones.

fastexcel allocates a sheet's whole used range at once: a 5.5 KB file with one cell at
``XFD1048576`` asks for 2^34 cells (512 GiB) and the process is killed. So every worksheet
is measured first, without parsing it into cells: its ``<dimension ref=…>`` (which may be
absent or lie), then the sheet's XML streamed out of the zip in chunks, where byte counts
and a few regular expressions that match only large references bound the rows and columns
actually used. A sheet whose cells lack their references (allowed, rarely written) is
walked with a streaming XML parser instead. Limits: ``MAX_COLUMNS`` used columns,
``MAX_ROWS`` rows, and a range of more than ``MAX_CELLS_PLAIN`` cells only when the file is
big enough to hold it (``MAX_CELLS_PER_BYTE`` per byte of the file).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import Element, XMLPullParser

from pipelines.validation_report import PipelineError

MAX_COLUMNS = 200
MAX_ROWS = 5_000_000
MAX_CELLS_PLAIN = 10_000_000  # ~ 0.3 GiB for the reader: allowed whatever the file's size
MAX_CELLS_PER_BYTE = 100  # a real workbook holds far fewer cells per byte of its file
MAX_SHEET_XML_BYTES = 4 << 30  # a sheet's XML, uncompressed
_CHUNK = 1 << 20
_TAIL = 64  # bytes kept from the previous chunk, so that no match is cut in two

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s[^>]*?ref="([^"]*)"')
# A reference in column AA or further, or in row 1 000 000 or further (a literal prefix, so
# that the scan jumps from one ``r="`` to the next; ordinary references fail at once).
_LARGE_REF = re.compile(rb'r="\$?(?:([A-Za-z]{2,4})\$?([0-9]+)|([A-Za-z]?)\$?([0-9]{7,}))"')
_REF = re.compile(r"\$?([A-Za-z]{1,4})\$?([0-9]{1,10})")
_CELL_TAGS: tuple[bytes, ...] = (b"<c ", b"<c>", b"<c/>")
_ROW_TAGS: tuple[bytes, ...] = (b"<row",)
_PREFIXED_CELL_TAGS = (b":c ", b":c>", b":c/>")  # a sheet written with a namespace prefix
_PREFIXED_ROW_TAGS = (b":row ", b":row>", b":row/>")


@dataclass(frozen=True)
class SheetSize:
    rows: int
    columns: int


def column_number(letters: str) -> int:
    """``A`` -> 1, ``Z`` -> 26, ``AA`` -> 27, ``XFD`` -> 16384."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number


def _ref_size(ref: str) -> SheetSize | None:
    """The size a reference such as ``A1:XFD1048576`` (or ``B2``) reaches, None if unreadable."""
    last = _REF.fullmatch(ref.split(":")[-1].strip())
    if last is None:
        return None
    return SheetSize(int(last.group(2)), column_number(last.group(1)))


def _chunks(book: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    with book.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def _worksheets(book: zipfile.ZipFile) -> list[str]:
    """The worksheet parts: those the workbook's relationships name, and xl/worksheets/*."""
    names = set(book.namelist())
    sheets = {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names and book.getinfo(rels).file_size < _CHUNK:
        text = book.read(rels).decode("utf-8", "replace")
        for target in re.findall(r'Target="([^"]+)"[^>]*Type="[^"]*/worksheet"', text) + re.findall(
            r'Type="[^"]*/worksheet"[^>]*Target="([^"]+)"', text
        ):
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if path in names:
                sheets.add(path)
    return sorted(sheets)


def _walk_exactly(book: zipfile.ZipFile, member: str) -> SheetSize:
    """Rows and columns of a sheet whose cells may lack references, by a streaming parse."""
    parser: XMLPullParser[Element] = XMLPullParser(events=("start",))
    rows = columns = row = column = 0
    for chunk in _chunks(book, member):
        parser.feed(chunk)
        events = cast("Iterator[tuple[str, object]]", parser.read_events())
        for _event, element in events:
            if not isinstance(element, Element):
                continue
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "row":
                given = element.get("r")
                row = int(given) if given and given.isdigit() else row + 1
                column, rows = 0, max(rows, row)
            elif tag == "c":
                ref = _REF.fullmatch(element.get("r") or "")
                column = column_number(ref.group(1)) if ref else column + 1
                columns = max(columns, column)
            element.clear()
    return SheetSize(rows, columns)


def measure_sheet(book: zipfile.ZipFile, member: str) -> tuple[SheetSize | None, SheetSize, int]:
    """(declared size, size used as far as its cells show, uncompressed bytes) of a sheet."""
    declared: SheetSize | None = None
    rows = columns = cells = refs = size = row_tags = chunks = 0
    cell_tags, row_tag_names = _CELL_TAGS, _ROW_TAGS
    tail = b""
    for chunk in _chunks(book, member):
        if not chunks:
            if found := _DIMENSION.search(chunk):
                declared = _ref_size(found.group(1).decode("ascii", "replace"))
            if b":sheetData" in chunk:
                cell_tags, row_tag_names = _PREFIXED_CELL_TAGS, _PREFIXED_ROW_TAGS
        size, chunks = size + len(chunk), chunks + 1
        if size > MAX_SHEET_XML_BYTES:
            break
        for match in _LARGE_REF.finditer(tail + chunk):
            letters, row = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
            rows = max(rows, int(row))
            columns = max(columns, column_number(letters.decode("ascii")))
        cells += sum(chunk.count(tag) for tag in cell_tags)
        row_tags += sum(chunk.count(tag) for tag in row_tag_names)
        refs += chunk.count(b' r="')
        tail = chunk[-_TAIL:]
    rows = max(rows, row_tags)
    # Some cells without their reference (a tag cut at a chunk's edge is not counted: one
    # per edge is allowed for).
    if refs + 2 * chunks < cells and size <= MAX_SHEET_XML_BYTES:
        walked = _walk_exactly(book, member)
        rows, columns = max(rows, walked.rows), max(columns, walked.columns)
    return declared, SheetSize(rows, columns), size


def _problem(size: SheetSize, file_bytes: int) -> tuple[str, str] | None:
    if size.columns > MAX_COLUMNS:
        return (
            f"{size.columns} saraketta (enintään {MAX_COLUMNS})",
            f"{size.columns} columns (at most {MAX_COLUMNS})",
        )
    if size.rows > MAX_ROWS:
        return (
            f"{size.rows} riviä (enintään {MAX_ROWS})",
            f"{size.rows} rows (at most {MAX_ROWS})",
        )
    cells = size.rows * max(size.columns, 1)
    if cells > MAX_CELLS_PLAIN and cells > MAX_CELLS_PER_BYTE * file_bytes:
        return (
            f"{size.rows} riviä × {size.columns} saraketta, mutta tiedosto on vain "
            f"{file_bytes} tavua",
            f"{size.rows} rows × {size.columns} columns, but the file is only {file_bytes} bytes",
        )
    return None


def _refuse(file: str, sheet: str, why_fi: str, why_en: str) -> PipelineError:
    return PipelineError.single(
        file,
        f"Excel-tiedostoa ei lueta: taulukon {sheet} alue on mahdoton tai liian suuri "
        f"({why_fi}). Kopioi vain tarvittavat rivit ja sarakkeet uuteen työkirjaan tai "
        "tallenna vienti CSV-muodossa.",
        f"The Excel file is not read: the range of its sheet {sheet} is impossible or too "
        f"large ({why_en}). Copy only the rows and columns needed into a new workbook or "
        "save the export as CSV.",
        rule="xlsx_too_large",
    )


def check_xlsx(path: Path, file_bytes: int) -> None:
    """Raises ``PipelineError`` when a sheet of the workbook is too large to read safely.

    A file that is not a zip at all is left to the Excel reader (it refuses it cleanly)."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with book:
        for member in _worksheets(book):
            sheet = member.rsplit("/", 1)[-1].removesuffix(".xml")
            try:
                declared, used, size = measure_sheet(book, member)
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                EOFError,
                RuntimeError,
                SyntaxError,
            ) as exc:
                raise _refuse(path.name, sheet, "rikki", "damaged") from exc
            if size > MAX_SHEET_XML_BYTES:
                raise _refuse(path.name, sheet, "yli 4 GiB XML:ää", "over 4 GiB of XML")
            for measured in (declared, used):
                problem = _problem(measured, file_bytes) if measured else None
                if problem is not None:
                    raise _refuse(path.name, sheet, *problem)
