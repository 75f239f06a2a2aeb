"""The henkilötunnus guard: finds columns that hold Finnish personal identity codes.

A code is ``DDMMYY`` + century sign (``-+A-FU-Y``) + ``NNN`` + check character, where
the check character is ``"0123456789ABCDEFHJKLMNPRSTUVWXY"[int(DDMMYYNNN) % 31]``.
Only cells of exactly 11 characters are examined, so the scan is cheap. The codes
themselves are never returned, only how many and the first row.
"""

from __future__ import annotations

import polars as pl

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
PATTERN = r"^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]$"
# The same shape, case-insensitive and with surrounding spaces: a cheap first filter.
_SHAPE = r"(?i)^\s*\d{6}[-+A-FU-Y]\d{3}[0-9A-Z]\s*$"


def is_valid_hetu(text: pl.Expr) -> pl.Expr:
    """True where the cell is a henkilötunnus with a valid check character."""
    upper = text.str.strip_chars().str.to_uppercase()
    shaped = (upper.str.len_bytes() == 11) & upper.str.contains(PATTERN)
    number = (upper.str.slice(0, 6) + upper.str.slice(7, 3)).cast(pl.Int64, strict=False)
    check = (number % 31).replace_strict(
        list(range(31)), list(CHECK_CHARACTERS), default=None, return_dtype=pl.String
    )
    return shaped.fill_null(False) & (check == upper.str.slice(10, 1)).fill_null(False)


def _shaped(text: pl.Expr) -> pl.Expr:
    """Cells of 11 to 16 bytes (a code with some spaces) that have the code's shape."""
    return text.filter(text.str.len_bytes().is_between(11, 16)).str.contains(_SHAPE)


def hetu_columns(frame: pl.DataFrame, columns: list[str]) -> dict[str, tuple[int, int]]:
    """For each column holding henkilötunnus values: (how many, first ``_row``)."""
    if frame.height == 0 or not columns:
        return {}
    shaped = frame.select(_shaped(pl.col(c)).any() for c in columns).row(0)
    found: dict[str, tuple[int, int]] = {}
    for column, any_shaped in zip(columns, shaped, strict=True):
        if not any_shaped:
            continue
        hits = frame.select("_row", pl.col(column)).filter(pl.col(column).str.contains(_SHAPE))
        hits = hits.filter(is_valid_hetu(pl.col(column)))
        if hits.height:
            found[column] = (hits.height, int(hits["_row"].min()))  # type: ignore[arg-type]
    return found
