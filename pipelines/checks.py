"""Row-level checks as polars masks, evaluated together and turned into Issues.

A ``Check`` is a boolean expression over the frame being validated (raw text columns
``c0…`` beside the typed contract columns). All counts are computed in one pass; only
the kinds that found something are filtered for their example rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from pipelines.validation_report import EXAMPLES_PER_KIND, Issue, ValidationReport, safe_value

FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True)
class Check:
    mask: pl.Expr
    column: str | None  # the column named in the message (as written in the file)
    value: str | None  # the raw column whose text is shown as the value
    message_fi: str
    message_en: str
    rule: str


def run_checks(
    frame: pl.DataFrame, checks: list[Check], file: str, report: ValidationReport
) -> None:
    """Adds every row that fails a check to the report (examples listed, all counted)."""
    if not checks or frame.height == 0:
        return
    counts = frame.select(
        c.mask.fill_null(False).sum().alias(f"k{i}") for i, c in enumerate(checks)
    ).row(0)
    for check, count in zip(checks, counts, strict=True):
        if not count:
            continue
        wanted = ["_row"] + ([check.value] if check.value else [])
        rows = frame.filter(check.mask.fill_null(False)).select(wanted).head(EXAMPLES_PER_KIND)
        issues = [
            Issue(
                file,
                int(row[0]),
                check.column,
                safe_value(row[1]) if check.value else None,
                check.message_fi,
                check.message_en,
                check.rule,
            )
            for row in rows.iter_rows()
        ]
        report.add_many(issues, int(count))


def overlap_frame(
    frame: pl.DataFrame, key: str, start: str, end: str, raw_shown: str
) -> pl.DataFrame:
    """Rows sorted by key and start, ``_overlap`` true where a period starts before the
    previous period of the same key has ended (a period ending the day the next one starts
    is not an overlap; an open period overlaps what starts after it).

    Comparing neighbours is enough to find every key with an overlap: if periods i < j
    overlap, then i and i+1 do, since start(i+1) <= start(j) < end(i).
    """
    ends = pl.col(end).fill_null(FAR_FUTURE)
    same_key = pl.col(key) == pl.col(key).shift(1)
    return (
        frame.lazy()
        .select("_row", key, start, end, raw_shown)
        .filter(pl.col(key).is_not_null() & pl.col(start).is_not_null())
        .sort(key, start, end, nulls_last=True)
        .with_columns(_overlap=same_key & (pl.col(start) < ends.shift(1)))
        .collect()
    )


def fi_date(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"
