"""Rules on the shape of a file rather than its cells: rows cut short, and a column that has
data but no title (polars or the header matcher would otherwise drop it without a word)."""

from __future__ import annotations

import polars as pl

from pipelines.reading import RawTable
from pipelines.validation_report import Issue, ValidationReport


def excel_column(index: int) -> str:
    """The letters Excel shows for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def short_row_issues(raw: RawTable, report: ValidationReport) -> None:
    """Every row with fewer fields than the header is an error (the first ones listed)."""
    expected = len(raw.header)
    issues = [
        Issue(
            raw.file, line, None, None,
            f"Rivillä on vain {fields} kenttää, otsikkorivillä {expected}: rivi on katkennut "
            "tai siitä puuttuu erottimia. Korjaa rivi; tyhjäkin kenttä tarvitsee erottimensa.",
            f"The row has only {fields} fields, the header row {expected}: the row is cut "
            "short or lacks delimiters. Correct the row; an empty field needs its delimiter too.",
            "short_row",
        )
        for line, fields in raw.short_examples
    ]  # fmt: skip
    report.add_many(issues, raw.short_rows)


def untitled_column_issues(raw: RawTable, frame: pl.DataFrame, report: ValidationReport) -> None:
    """A column whose header cell is empty but which holds data is an error (an empty one,
    such as the trailing ``;`` Excel may write, is ignored). ``frame`` has ``_row``."""
    untitled = [f"c{i}" for i, title in enumerate(raw.header) if not title]
    if not untitled or frame.height == 0:
        return
    filled = [pl.col(c).str.strip_chars().str.len_bytes() > 0 for c in untitled]
    firsts = frame.select(
        pl.col("_row").filter(mask.fill_null(False)).min().alias(c)
        for c, mask in zip(untitled, filled, strict=True)
    ).row(0)
    for source, first in zip(untitled, firsts, strict=True):
        if first is None:
            continue
        letter = excel_column(int(source[1:]))
        report.add_error(
            Issue(
                raw.file, int(first), letter, None,
                f"Sarakkeella {letter} ei ole otsikkoa, mutta siinä on tietoja (ensimmäinen "
                "tällä rivillä). Kirjoita otsikkoriville sarakkeen nimi tai poista sarake.",
                f"Column {letter} has no title but holds data (the first on this row). "
                "Write the column's name in the header row or remove the column.",
                "untitled_column",
            )
        )  # fmt: skip
