"""The henkilötunnus guard: finds columns that hold Finnish personal identity codes.

A code is ``DDMMYY`` + century sign + ``NNN`` + check character, where the check character
is ``"0123456789ABCDEFHJKLMNPRSTUVWXY"[int(DDMMYYNNN) % 31]`` and the century sign is one
of the current law's: ``+`` (1800s), ``-`` ``Y X W V U`` (1900s), ``A B C D E F`` (2000s).

A code is found anywhere inside a cell (``hlö 131052-308T``, ``Matti 131052-308T``), in
any disguise a copy and paste gives it: Unicode compatibility forms (full-width digits and
letters, NFKC), zero-width and other invisible format characters, any dash or minus sign
as the separator, lower case. The scan is vectorised: a cheap filter keeps the cells that
have six digits, a separator and three digits, or an invisible character; only those are
normalised, and every code-shaped match is checked for a real date and its check character,
so that a random number does not trigger the guard. The codes themselves are never
returned, only how many cells and the first row.
"""

from __future__ import annotations

import polars as pl

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_SIGNS = "+-ABCDEFYXWVU"
# Dashes (Unicode Pd), the minus signs and the hyphen-like characters NFKC keeps as they are.
_DASHES = r"[\p{Pd}\x{2212}\x{2796}\x{FE63}\x{FF0D}]"
_INVISIBLE = r"\p{Cf}"  # zero-width space and joiners, soft hyphen, BOM, word joiner, …
# Six digits, a separator of some form, three digits; or an invisible character anywhere.
_CANDIDATE = rf"\d{{6}}\D{{1,8}}\d{{3}}|{_INVISIBLE}"  # \d is Unicode: full-width digits too
# A code with digits on neither side (a longer number is not a code).
_SHAPED = r"[0-9]*[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Z][0-9]*"
# Spaces around the separator (``131052 - 308T``) are closed up.
_SPACED = r"([0-9]{6}) *([-+A-FU-Y]) *([0-9]{3}[0-9A-Z])"
VALID = r"^(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}[-+A-FU-Y][0-9]{3}[0-9A-FHJ-NPR-Y]$"


def normalised(text: pl.Expr) -> pl.Expr:
    """Text as the guard reads it: NFKC, invisible characters removed, every dash as ``-``,
    every space as a plain space, upper case."""
    return (
        text.str.normalize("NFKC")
        .str.replace_all(_INVISIBLE, "")
        .str.replace_all(_DASHES, "-")
        .str.replace_all(r"\s", " ")
        .str.to_uppercase()
        .str.replace_all(_SPACED, "${1}${2}${3}")
    )


def _valid_code(code: pl.Expr) -> pl.Expr:
    """True where ``code`` (normalised, 11 characters) is a henkilötunnus: a real day and
    month, a century sign and the right check character."""
    shaped = (code.str.len_chars() == 11) & code.str.contains(VALID)
    number = (code.str.slice(0, 6) + code.str.slice(7, 3)).cast(pl.Int64, strict=False)
    check = (number % 31).replace_strict(
        list(range(31)), list(CHECK_CHARACTERS), default=None, return_dtype=pl.String
    )
    return shaped.fill_null(False) & (check == code.str.slice(10, 1)).fill_null(False)


def is_valid_hetu(text: pl.Expr) -> pl.Expr:
    """True where the whole cell (surrounding spaces aside) is a henkilötunnus."""
    return _valid_code(normalised(text).str.strip_chars())


def holds_hetu(text: pl.Expr) -> pl.Expr:
    """True where a cell contains a henkilötunnus anywhere in its text (not vectorised over
    matches: for a handful of values, e.g. a message's value; ``hetu_columns`` for frames)."""
    codes = normalised(text).str.extract_all(_SHAPED)
    return codes.list.eval(_valid_code(pl.element())).list.any().fill_null(False)


def _hits(frame: pl.DataFrame, column: str) -> tuple[int, int] | None:
    """(cells holding a code, first ``_row``) of one text column, None when it holds none."""
    candidates = frame.lazy().select("_row", pl.col(column).alias("text"))
    candidates = candidates.filter(pl.col("text").str.contains(_CANDIDATE))
    codes = (
        candidates.select("_row", normalised(pl.col("text")).str.extract_all(_SHAPED).alias("c"))
        .explode("c")
        .filter(pl.col("c").is_not_null() & _valid_code(pl.col("c")))
        .select(pl.col("_row").n_unique().alias("n"), pl.col("_row").min().alias("first"))
        .collect()
    )
    count, first = codes.row(0)
    return (int(count), int(first)) if count else None


def hetu_columns(frame: pl.DataFrame, columns: list[str]) -> dict[str, tuple[int, int]]:
    """For each column holding henkilötunnus values: (how many cells, first ``_row``)."""
    if frame.height == 0 or not columns:
        return {}
    text = [c for c in columns if frame.schema[c] == pl.String]  # a null-typed column: none
    if not text:
        return {}
    candidate = frame.select(pl.col(c).str.contains(_CANDIDATE).any() for c in text).row(0)
    found: dict[str, tuple[int, int]] = {}
    for column, any_candidate in zip(text, candidate, strict=True):
        if any_candidate:
            hits = _hits(frame, column)
            if hits is not None:
                found[column] = hits
    return found
