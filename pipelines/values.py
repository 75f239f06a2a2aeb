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


# Amounts (docs/spec/DATA_CONTRACT.md, "Amounts"): a space, a no-break space (U+00A0) or a
# narrow no-break space (U+202F) between groups of three digits; a decimal comma or point.
_GROUP_SEPARATORS = "[ \u00a0\u202f]"
_GROUPED = rf"^-?\d{{1,3}}(?:{_GROUP_SEPARATORS}\d{{3}})+(?:[.,]\d+)?$"
_PLAIN = r"^-?\d+(?:[.,]\d+)?$"
# An Excel number within this many cents of a whole cent is rounded to it (0.000001 euros).
EXCEL_CENT_TOLERANCE = 0.0001
AMOUNT_DTYPE = pl.Decimal(18, 2)
DECIMAL_DTYPE = pl.Decimal(12, 6)
DECIMAL_PLACES = 6


def _number_text(text: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(shaped, plain): whether the cell is a number in an accepted form (one decimal mark
    at most, so ``1.234,56`` is refused), and its text with ``.`` as the decimal mark and the
    thousands separators removed."""
    shaped = text.str.contains(_GROUPED) | text.str.contains(_PLAIN)
    plain = text.str.replace_all(_GROUP_SEPARATORS, "").str.replace(",", ".", literal=True)
    return shaped, plain


def _decimals(plain: pl.Expr) -> pl.Expr:
    return plain.str.extract(r"\.(\d+)$", 1).str.len_chars().fill_null(0)


def _cents_text(cents: pl.Expr) -> pl.Expr:
    """Whole cents (Int64) as the text ``-1234.56``."""
    whole = (cents.abs() // 100).cast(pl.String)
    part = (cents.abs() % 100).cast(pl.String).str.zfill(2)
    sign = pl.when(cents < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    return pl.concat_str(sign, whole, pl.lit("."), part)


def to_amount(text: pl.Expr, excel: bool) -> pl.Expr:
    """Euros with at most two decimals as DECIMAL(18,2); else null. ``excel``: the file holds
    numbers (XLSX, Parquet), and one within 0.000001 euros of a cent is rounded to it
    (``0.1 + 0.2`` is ``0.30000000000000004`` in a workbook)."""
    shaped, plain = _number_text(text)
    exact = pl.when(shaped & (_decimals(plain) <= 2)).then(plain)
    if not excel:
        return exact.otherwise(None).cast(AMOUNT_DTYPE, strict=False)
    cents = plain.cast(pl.Float64, strict=False) * 100
    whole = cents.round(0)
    near = shaped & ((cents - whole).abs() <= EXCEL_CENT_TOLERANCE)
    rounded = exact.when(near).then(_cents_text(whole.cast(pl.Int64)))
    return rounded.otherwise(None).cast(AMOUNT_DTYPE, strict=False)


def to_decimal(text: pl.Expr, excel: bool) -> pl.Expr:
    """A decimal number (``12,5``, ``12.5``) with at most six decimals; an Excel number is
    rounded to six. Null when not a number."""
    shaped, plain = _number_text(text)
    exact = pl.when(shaped & (_decimals(plain) <= DECIMAL_PLACES)).then(plain)
    if not excel:
        return exact.otherwise(None).cast(DECIMAL_DTYPE, strict=False)
    number = plain.cast(pl.Float64, strict=False).round(DECIMAL_PLACES)
    rounded = exact.when(shaped).then(number.cast(pl.String))
    return rounded.otherwise(None).cast(DECIMAL_DTYPE, strict=False)


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
    if column.kind == "amount":
        return (
            "Summa ei kelpaa. Odotettiin euroja enintään kahdella desimaalilla, esim. 1234,56, "
            "1 234,56 tai -45,00 (desimaalipilkku tai -piste, ei molempia).",
            "Not a valid amount. Expected euros with at most two decimals, e.g. 1234,56, "
            "1 234,56 or -45,00 (a decimal comma or point, not both).",
        )
    if column.kind == "decimal":
        return (
            "Odotettiin desimaalilukua, esim. 12,5 (enintään kuusi desimaalia).",
            "Expected a decimal number, e.g. 12,5 (at most six decimals).",
        )
    if column.kind == "code":
        fi = ", ".join(c.fi for c in column.codes)
        en = ", ".join(c.en for c in column.codes)
        return (f"Tuntematon koodi. Sallitut: {fi}.", f"Unknown code. Allowed: {fi} ({en}).")
    return ("Arvo ei kelpaa.", "Invalid value.")
