"""The cells of a table as the export writers see them: shown columns, hidden cells of
the small-number rule, numbers at full precision, and text made inert for spreadsheets."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

import polars as pl

from metrics.privacy import SUPPRESSED

Dialect = Literal["standard", "fi"]

# Leading characters that make Excel or LibreOffice treat a cell as a formula (also the
# full-width forms that some spreadsheet programs fold to ASCII).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# Which value columns the KPI table's row flag ``suppressed`` hides (``X_suppressed`` hides X).
ROW_FLAG_COLUMNS = ("value", "numerator", "denominator")

Cell = str | int | float | Decimal | bool | date | datetime | None


def is_formula_like(text: str) -> bool:
    return text.lstrip(" ").startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """A text cell made inert for spreadsheets: ``=1+1`` becomes ``'=1+1``."""
    return "'" + text if is_formula_like(text) else text


def hidden_masks(df: pl.DataFrame) -> dict[str, list[bool]]:
    """Column -> per-row "suppressed" flags, from the flag columns of metrics.privacy."""
    masks: dict[str, list[bool]] = {}
    for flag in (c for c in df.columns if c == SUPPRESSED or c.endswith("_" + SUPPRESSED)):
        values = [bool(v) for v in df[flag].to_list()]
        targets = ROW_FLAG_COLUMNS if flag == SUPPRESSED else (flag[: -len(SUPPRESSED) - 1],)
        for column in targets:
            if column in df.columns:
                masks[column] = values
    return masks


def flag_columns(df: pl.DataFrame) -> list[str]:
    return [c for c in df.columns if c == SUPPRESSED or c.endswith("_" + SUPPRESSED)]


def shown_columns(df: pl.DataFrame) -> list[str]:
    flags = set(flag_columns(df))
    return [c for c in df.columns if c not in flags]


def rows(df: pl.DataFrame, small: str) -> Iterator[list[tuple[Cell, bool]]]:
    """Rows of (cell, is_hidden_token) for the shown columns."""
    columns = shown_columns(df)
    masks = hidden_masks(df)
    # Decimal cells (euros, docs/database.md) stay Decimal: written with their two decimals.
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


def csv_text(cell: Cell, dialect: Dialect) -> str:
    fi = dialect == "fi"
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, int | float):
        return format_number(cell, decimal_comma=fi)
    if isinstance(cell, Decimal):  # exact, with its scale: 1234.50, -45.00
        text = format(cell, "f")
        return text.replace(".", ",") if fi else text
    if isinstance(cell, datetime):
        clock = cell.strftime("%H:%M:%S")
        return f"{cell.day}.{cell.month}.{cell.year} {clock}" if fi else f"{cell.date()} {clock}"
    if isinstance(cell, date):
        return f"{cell.day}.{cell.month}.{cell.year}" if fi else cell.isoformat()
    return neutralise(str(cell))
