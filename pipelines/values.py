"""Cell conversion rules of docs/spec/DATA_CONTRACT.md as vectorised polars expressions.

Each converter takes the (stripped, empty-as-null) text column and returns the typed
expression; a cell is bad when it had text but the typed value is null. Codes and
municipalities are resolved per distinct value (few of them) and then mapped.
"""

from __future__ import annotations

import re

import polars as pl

from common.data_contract import Column
from common.reference import fold, municipality_lookup

_ISO = r"^(\d{4}-\d{1,2}-\d{1,2})(?:[ T][0-9:.]*)?$"
_FINNISH = r"^(\d{1,2}\.\d{1,2}\.\d{4})(?:[ T][0-9:.]*)?$"

BOOLEANS: dict[str, bool] = {
    "1": True, "0": False, "1.0": True, "0.0": False,
    "true": True, "false": False, "tosi": True, "epatosi": False,
    "kylla": True, "ei": False, "k": True, "e": False,
    "yes": True, "no": False, "y": True, "n": False, "x": True,
}  # fmt: skip


def clean(source: str) -> pl.Expr:
    """Text with surrounding spaces removed; an empty cell is null."""
    text = pl.col(source).str.strip_chars()
    return pl.when(text.str.len_bytes() == 0).then(None).otherwise(text)


def needs_cleaning(text: pl.Expr) -> pl.Expr:
    """True for a cell with surrounding spaces (also tab, no-break space) or empty text."""
    edges = [text.str.starts_with(c) | text.str.ends_with(c) for c in (" ", "\t", "\xa0")]
    return edges[0] | edges[1] | edges[2] | (text.str.len_bytes() == 0)


def to_iso_date(text: pl.Expr) -> pl.Expr:
    """The fast path: a plain ISO date (``2025-03-14``, ``2025-3-4``); else null."""
    return text.str.to_date("%Y-%m-%d", strict=False)


def to_date(text: pl.Expr) -> pl.Expr:
    """ISO or Finnish date, or a timestamp of either (its date part); else null."""
    iso = text.str.extract(_ISO, 1).str.to_date("%Y-%m-%d", strict=False)
    finnish = text.str.extract(_FINNISH, 1).str.to_date("%d.%m.%Y", strict=False)
    return pl.coalesce(iso, finnish)


def to_int(text: pl.Expr) -> pl.Expr:
    """A whole number; ``1985,0`` / ``1985.0`` (Excel's float) are accepted."""
    plain = text.str.replace(r"[.,]0*$", "")
    return plain.cast(pl.Int64, strict=False).cast(pl.Int32, strict=False)


def bool_mapping(distinct: list[str]) -> tuple[dict[str, bool], bool]:
    """Mapping for the distinct texts of a column, and whether empty means false (x/empty)."""
    mapping = {v: BOOLEANS[fold(v)] for v in distinct if fold(v) in BOOLEANS}
    x_style = any(fold(v) == "x" for v in distinct)
    return mapping, x_style


def code_mapping(column: Column, distinct: list[str]) -> dict[str, str]:
    """Maps each distinct text to the canonical Finnish code (folded, English alias too)."""
    known: dict[str, str] = {}
    for code in column.codes:
        known[fold(code.fi)] = code.fi
        known[fold(code.en)] = code.fi
    return {v: known[fold(v)] for v in distinct if fold(v) in known}


def municipality_mapping(distinct: list[str]) -> dict[str, str]:
    """Maps each distinct text (name or 1–3 digit code, Excel's ``90.0`` too) to the name."""
    lookup = municipality_lookup()
    out: dict[str, str] = {}
    for value in distinct:
        key = re.sub(r"^(\d+)[.,]0+$", r"\1", value)
        name = lookup.resolve(key)
        if name is not None:
            out[value] = name
    return out


def mapped(text: pl.Expr, mapping: dict[str, str] | dict[str, bool], dtype: pl.DataType) -> pl.Expr:
    return text.replace_strict(
        list(mapping.keys()), list(mapping.values()), default=None, return_dtype=dtype
    )


def expected(column: Column) -> tuple[str, str]:
    """What a cell of the column should hold, in Finnish and English."""
    if column.kind == "date":
        return (
            "Päivämäärä ei kelpaa. Odotettiin muotoa 14.3.2025 tai 2025-03-14.",
            "Not a valid date. Expected 14.3.2025 or 2025-03-14.",
        )
    if column.kind == "int":
        return ("Odotettiin kokonaislukua.", "Expected a whole number.")
    if column.kind == "bool":
        return (
            "Odotettiin totuusarvoa: 1/0, kyllä/ei, k/e, true/false, yes/no tai x/tyhjä.",
            "Expected a boolean: 1/0, kyllä/ei, k/e, true/false, yes/no or x/empty.",
        )
    if column.kind == "municipality":
        return (
            "Tuntematon kunta. Odotettiin työllisyysalueen kunnan nimeä tai "
            "kolminumeroista koodia (esim. Joensuu tai 167).",
            "Unknown municipality. Expected the name or three-digit code of one of the "
            "area's municipalities (e.g. Joensuu or 167).",
        )
    if column.kind == "code":
        fi = ", ".join(c.fi for c in column.codes)
        en = ", ".join(c.en for c in column.codes)
        return (f"Tuntematon koodi. Sallitut: {fi}.", f"Unknown code. Allowed: {fi} ({en}).")
    return ("Arvo ei kelpaa.", "Invalid value.")
