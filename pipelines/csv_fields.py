"""Rows with fewer fields than the header: polars fills them with nulls without a word, so
that a row cut short (``A3;Lieksa``) would load as if its last cells were empty.

Counted per line with vectorised string expressions: the delimiters of a line, after
removing its quoted parts. A file with a quoted cell spanning lines is counted with the
``csv`` module instead (slower, rare).
"""

from __future__ import annotations

import csv
import io

import polars as pl

from pipelines.validation_report import EXAMPLES_PER_KIND

_QUOTED = r'"(?:[^"]|"")*"'


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


def short_rows(text: bytes, delimiter: str, fields: int) -> tuple[int, list[tuple[int, int]]]:
    """How many non-empty rows have fewer than ``fields`` fields, and the first of them as
    (line number, fields). ``text`` is UTF-8 with LF line ends (a CR before LF is allowed)."""
    decoded = text.decode("utf-8", errors="replace")
    lines = pl.Series("line", [decoded]).str.split("\n").explode().to_frame()
    lines = lines.with_row_index("n", offset=1)
    quotes = pl.col("line").str.count_matches('"', literal=True)
    if lines.select((quotes % 2 == 1).any()).item():
        return _by_csv_module(decoded, delimiter, fields)
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
