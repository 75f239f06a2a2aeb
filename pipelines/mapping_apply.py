"""Applying ``mapping.toml`` to one file as read, before validation.

A mapped source header becomes its contract column's name (the file's own title is kept
for messages: ``'Tilan alkupvm' (alkupvm)``); in a column whose codes are mapped, a cell
whose text (surrounding spaces aside) is a source code becomes the mapped value, and any
other cell is left as it is for validation to judge. The cells of every column, mapped
or not, stay for the henkilötunnus guard.
"""

from __future__ import annotations

import re
from dataclasses import replace

import polars as pl

from common.data_contract import EXPORTS_BY_NAME
from common.reference import fold
from pipelines.column_mapping import ExportMapping
from pipelines.mapping_checks import MappingIssues
from pipelines.raw_table import RawTable
from pipelines.validation_report import ValidationReport

_ZERO_PADDED = re.compile(r"0+\d+")


def code_lookup(codes: dict[str, str | None]) -> dict[str, str | None]:
    """The source codes as cells may hold them: ``"01"`` also as ``"1"``, since Excel drops
    leading zeros of a number (a code written without them in mapping.toml wins)."""
    lookup = dict(codes)
    for code, value in codes.items():
        if _ZERO_PADDED.fullmatch(code):
            lookup.setdefault(code.lstrip("0") or "0", value)
    return lookup


def _mapped_cells(source: str, codes: dict[str, str | None]) -> pl.Expr:
    lookup = code_lookup(codes)
    keys, targets = list(lookup), list(lookup.values())
    text = pl.col(source).cast(pl.String)
    stripped = text.str.strip_chars()
    mapped = stripped.replace_strict(keys, targets, default=None, return_dtype=pl.String)
    return pl.when(stripped.is_in(keys)).then(mapped).otherwise(text).alias(source)


def _code_columns(header: list[str], mapping: ExportMapping) -> list[pl.Expr]:
    export = EXPORTS_BY_NAME[mapping.export]
    exprs: list[pl.Expr] = []
    for name, codes in mapping.codes.items():
        column = export.column(name)
        names = (fold(column.name), fold(column.alias))
        exprs.extend(
            _mapped_cells(f"c{i}", codes)
            for i, title in enumerate(header)
            if codes and fold(title) in names
        )
    return exprs


def report_missing_headers(
    file: str, header: tuple[str, ...], mapping: ExportMapping, report: ValidationReport
) -> None:
    """An error of mapping.toml for each source header of ``mapping`` not in ``header``."""
    present = {fold(title) for title in header if title}
    issues = MappingIssues(report, {})
    for key, mapped in mapping.columns.items():
        if key not in present:
            issues.header_missing(file, mapped.source, mapped.column, mapped.line)


def apply_mapping(
    raw: RawTable, mapping: ExportMapping | None, report: ValidationReport
) -> RawTable:
    """``raw`` with its export's mapping applied; a source header of the mapping that the
    file lacks is an error of mapping.toml in ``report``."""
    if mapping is None:
        return raw
    header, shown = list(raw.header), list(raw.header)
    for i, title in enumerate(raw.header):
        mapped = mapping.columns.get(fold(title)) if title else None
        if mapped is not None:
            header[i] = mapped.column
            shown[i] = f"'{title}' ({mapped.column})"
    report_missing_headers(raw.file, raw.header, mapping, report)
    exprs = _code_columns(header, mapping)
    frame = raw.frame.with_columns(exprs) if exprs else raw.frame
    return replace(raw, header=tuple(header), shown=tuple(shown), frame=frame)
