"""Reading Parquet: which column types become text cells, and how; the others are refused.

A Parquet file can hold any Arrow type. A cell of the contract is one value, so scalar
types (text, numbers, booleans, dates, timestamps, times, decimals, dictionary-encoded
text, an all-null column, and binary that is UTF-8 text) are read as text, and the same
rules as for CSV apply. Nested types (list, fixed-size array, struct, map), durations,
binary that is not text, objects and decimals wider than 38 digits have no meaningful text
form for a cell: such a column is named with its type in the error.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.raw_table import RawTable, empty_file, not_a_table
from pipelines.validation_report import Issue, PipelineError, ValidationReport

_NESTED = (pl.List, pl.Array, pl.Struct)
_MAX_DECIMAL_PRECISION = 38  # what polars reads


def refusal(dtype: pl.DataType) -> tuple[str, str] | None:
    """Why a column of this type cannot be read as cells (Finnish, English); None if it can."""
    if isinstance(dtype, _NESTED) or type(dtype).__name__ == "Map":
        return ("sisäkkäinen rakenne (lista, tietue tai taulukko)",
                "a nested structure (list, struct or array)")  # fmt: skip
    if isinstance(dtype, pl.Duration):
        return ("kesto, ei päivämäärä eikä luku", "a duration, neither a date nor a number")
    if isinstance(dtype, pl.Decimal) and (dtype.precision or 0) > _MAX_DECIMAL_PRECISION:
        return ("yli 38-numeroinen desimaaliluku", "a decimal of more than 38 digits")
    if isinstance(dtype, pl.Object) or dtype == pl.Unknown:
        return ("tuntematon tyyppi", "an unknown type")
    return None


def as_text(column: str, dtype: pl.DataType) -> pl.Expr:
    """The column as text cells: a timestamp with a time zone as its wall-clock time there."""
    expr = pl.col(column)
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        expr = expr.dt.replace_time_zone(None)
    return expr.cast(pl.String)


def binary_is_text(frame: pl.DataFrame, column: str) -> bool:
    """Whether every value of a binary column is valid UTF-8."""
    try:
        frame.select(pl.col(column).cast(pl.String))
    except pl.exceptions.PolarsError:
        return False
    return True


def _bad_parquet_column(file: str, column: str, dtype: object, why_fi: str, why_en: str) -> Issue:
    return Issue(
        file, None, column, None,
        f"Sarakkeen tyyppi {dtype} ei käy soluksi: {why_fi}. Tallenna sarake tekstinä, "
        "lukuna tai päivämääränä, tai poista se viennistä.",
        f"The column's type {dtype} cannot be a cell: {why_en}. Save the column as text, "
        "a number or a date, or remove it from the export.",
        "parquet_type",
    )  # fmt: skip


def read_parquet(path: Path, data: bytes) -> RawTable:
    if not data:
        raise empty_file(path.name)
    try:
        schema = pl.read_parquet_schema(path)
    except Exception as exc:  # polars/arrow raise various errors for broken files
        raise not_a_table(
            path.name, "Parquet-tiedosto ei aukea", "the Parquet file cannot be opened"
        ) from exc
    if not schema:
        raise empty_file(path.name)
    report = ValidationReport()
    for column, dtype in schema.items():
        why = refusal(dtype)
        if why is not None:
            report.add_error(_bad_parquet_column(path.name, column, dtype, *why))
    if not report.ok:
        raise PipelineError(report)
    try:
        frame = pl.read_parquet(path)
    except Exception as exc:  # polars/arrow raise various errors for broken files
        raise not_a_table(
            path.name, "Parquet-tiedosto ei aukea", "the Parquet file cannot be opened"
        ) from exc
    for column, dtype in frame.schema.items():
        if dtype == pl.Binary and not binary_is_text(frame, column):
            why = ("binääridataa, ei UTF-8-tekstiä", "binary data, not UTF-8 text")
            report.add_error(_bad_parquet_column(path.name, column, dtype, *why))
    if not report.ok:
        raise PipelineError(report)
    header = tuple(frame.columns)
    body = frame.select(
        as_text(c, dtype).alias(f"c{i}") for i, (c, dtype) in enumerate(frame.schema.items())
    )
    return RawTable(path.name, path, "parquet", "", None, None, header, body)
