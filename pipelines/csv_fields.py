"""Rows with fewer fields than the header: polars fills them with nulls without a word, so
that a row cut short (``A3;Lieksa``) would load as if its last cells were empty.

Called only after polars has parsed the file, which it refuses when a row has more fields
than the header. So a file without quotes whose delimiters number exactly its lines times
(fields - 1) has no short row (one short row would need a longer one beside it): counted
with two byte scans, no copy of the text. Otherwise each line's delimiters are counted,
after removing its quoted parts, with vectorised string expressions over the text a slice
of lines at a time (a copy of the whole text, decoded and split, cost a national
``tapahtumat`` 3.5 GiB and 10 s of CPU, docs/scaling.md). A file with a quoted cell spanning
lines is counted with the ``csv`` module instead (slower, rare).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import polars as pl

from pipelines.validation_report import EXAMPLES_PER_KIND

_QUOTED = r'"(?:[^"]|"")*"'
SLICE_BYTES = 1 << 24  # the lines counted at a time: 16 MiB of text


def _by_csv_module(text: str, delimiter: str, fields: int) -> tuple[int, list[tuple[int, int]]]:
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(rows, None)
    examples: list[tuple[int, int]]
    count, examples = 0, []
    line = rows.line_num
    for row in rows:
        if row and len(row) < fields:
            count += 1
            if len(examples) < EXAMPLES_PER_KIND:
                examples.append((line + 1, len(row)))
        line = rows.line_num
    return count, examples


def _surely_full(text: bytes, delimiter: str, fields: int) -> bool:
    """True when no row can be short: no quotes, and every line's share of delimiters."""
    if b'"' in text:
        return False
    lines = text.count(b"\n") + (0 if text.endswith(b"\n") else 1)
    return text.count(delimiter.encode()) == lines * (fields - 1)


def _slices(text: bytes, size: int) -> Iterator[bytes]:
    """The text in slices of whole lines of about ``size`` bytes (each but the last ends
    with its LF)."""
    start = 0
    while start < len(text):
        end = text.find(b"\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _short_in(
    part: bytes, first_line: int, delimiter: str, fields: int
) -> tuple[int, list[tuple[int, int]]] | None:
    """(short rows, the first of them) of one slice of lines starting at ``first_line``;
    None when a line has an odd number of quotes (a quoted cell spanning lines)."""
    decoded = part.decode("utf-8", errors="replace")
    lines = pl.Series("line", [decoded]).str.split("\n").explode().to_frame()
    lines = lines.with_row_index("n", offset=first_line)
    quotes = pl.col("line").str.count_matches('"', literal=True)
    if lines.select((quotes % 2 == 1).any()).item():
        return None
    unquoted = pl.col("line").str.replace_all(_QUOTED, "")
    bare = pl.when(quotes > 0).then(unquoted).otherwise(pl.col("line"))
    counted = lines.with_columns(
        fields=bare.str.count_matches(delimiter, literal=True) + 1,
        blank=pl.col("line").str.strip_chars("\r").str.len_bytes() == 0,
    )
    short = counted.filter((pl.col("n") > 1) & ~pl.col("blank") & (pl.col("fields") < fields))
    examples = [
        (int(n), int(f)) for n, f in short.select("n", "fields").head(EXAMPLES_PER_KIND).iter_rows()
    ]
    return short.height, examples


def short_rows(
    text: bytes, delimiter: str, fields: int, slice_bytes: int = SLICE_BYTES
) -> tuple[int, list[tuple[int, int]]]:
    """How many non-empty rows have fewer than ``fields`` fields, and the first of them as
    (line number, fields). ``text`` is UTF-8 with LF line ends (a CR before LF is allowed)
    that polars has parsed with ``fields`` columns."""
    if _surely_full(text, delimiter, fields):
        return 0, []
    count, examples, line = 0, list[tuple[int, int]](), 1
    for part in _slices(text, slice_bytes):
        found = _short_in(part, line, delimiter, fields)
        if found is None:
            return _by_csv_module(text.decode("utf-8", errors="replace"), delimiter, fields)
        count += found[0]
        examples += found[1][: EXAMPLES_PER_KIND - len(examples)]
        line += part.count(b"\n")
    return count, examples
