"""Validation of one export: every rule of the contract, every problem collected.

Input is a ``RawTable`` (text cells); output is the typed frame in the contract's column
order (canonical Finnish codes, municipality names, dates) and a report. Nothing stops
at the first problem: each rule is a vectorised check over the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from common.data_contract import Column, Export
from pipelines import values
from pipelines.checks import run_checks
from pipelines.header import match_header
from pipelines.hetu import hetu_columns
from pipelines.reading import RawTable
from pipelines.shape_rules import short_row_issues, untitled_column_issues
from pipelines.spec import ExportSpec
from pipelines.validation_report import Issue, ValidationReport
from pipelines.validation_rules import (
    ValidationContext,
    cell_checks,
    outside_years,
    overlaps,
    range_checks,
    reference_warnings,
    row_checks,
    unique_key_checks,
)

_DTYPES: dict[str, pl.DataType] = {
    "date": pl.Date(), "int": pl.Int32(), "bool": pl.Boolean(),
    "str": pl.String(), "code": pl.String(), "municipality": pl.String(),
    "amount": values.AMOUNT_DTYPE, "decimal": values.DECIMAL_DTYPE,
}  # fmt: skip


_MAPPED = ("bool", "code", "municipality")


@dataclass
class Validated:
    frame: pl.DataFrame  # typed, the contract's columns
    report: ValidationReport


def _distinct(frame: pl.DataFrame, export: Export, found: dict[str, str]) -> dict[str, list[str]]:
    """The distinct texts of every code, municipality and boolean column, in one pass."""
    wanted = [c.name for c in export.columns if c.name in found and c.kind in _MAPPED]
    if not wanted:
        return {}
    lists = frame.select(
        pl.col(found[n]).drop_nulls().unique().implode().alias(n) for n in wanted
    ).row(0)
    return dict(zip(wanted, lists, strict=True))


def _typed(column: Column, source: str, distinct: list[str], excel: bool) -> pl.Expr:
    text = pl.col(source)
    kind = column.kind
    if kind == "amount":
        return values.to_amount(text, excel)
    if kind == "decimal":
        return values.to_decimal(text, excel)
    if kind == "date":
        return values.to_iso_date(text)  # the other date forms only where needed (_dates)
    if kind == "int":
        return values.to_int(text)
    if kind == "str":
        return text
    if kind == "bool":
        mapping, x_style = values.bool_mapping(distinct)
        typed = values.mapped(text, mapping, pl.Boolean())
        return typed.fill_null(False) if x_style else typed
    if kind == "code":
        names = values.code_mapping(column, distinct)
    else:
        names = values.municipality_mapping(distinct)
    if len(names) == len(distinct) and all(k == v for k, v in names.items()):
        return text  # already canonical everywhere: nothing to map
    return values.mapped(text, names, pl.String())


def _clean(frame: pl.DataFrame, sources: list[str]) -> pl.DataFrame:
    """Strips spaces and nulls empty cells, only in the columns that have such cells."""
    if not sources or frame.height == 0:
        return frame
    padded = frame.select(values.needs_cleaning(pl.col(s)).any() for s in sources).row(0)
    dirty = [s for s, p in zip(sources, padded, strict=True) if p]
    return frame.with_columns(values.clean(s).alias(s) for s in dirty)


def _dates(frame: pl.DataFrame, export: Export, found: dict[str, str]) -> pl.DataFrame:
    """Re-parses with every accepted date form the date columns that are not all ISO."""
    dated = [c.name for c in export.columns if c.kind == "date" and c.name in found]
    if not dated or frame.height == 0:
        return frame
    unparsed = frame.select(
        (pl.col(found[n]).is_not_null() & pl.col(n).is_null()).any() for n in dated
    ).row(0)
    slow = [n for n, u in zip(dated, unparsed, strict=True) if u]
    return frame.with_columns(values.to_date(pl.col(found[n])).alias(n) for n in slow)


def validate_table(raw: RawTable, spec: ExportSpec, ctx: ValidationContext) -> Validated:
    """Checks one file against its export's rules; returns the typed frame and the report."""
    report = ValidationReport()
    export, file = spec.export, raw.file
    found = match_header(file, raw.header, export, report, raw.shown)
    label = {name: raw.title(int(src[1:])) for name, src in found.items()}
    frame = raw.frame.with_row_index("_row", offset=2)
    short_row_issues(raw, report)
    untitled_column_issues(raw, frame, report)
    for src, (count, first) in hetu_columns(frame, list(raw.frame.columns)).items():
        title = raw.title(int(src[1:]))
        report.add_error(
            Issue(
                file, first, title, None,
                f"Sarakkeessa on henkilötunnuksia ({count} kpl). Henkilötunnuksia ei saa ladata "
                "kojelautaan: poista sarake viennistä. Tunnuksia ei näytetä tässä.",
                f"The column holds Finnish personal identity codes ({count}). They must not "
                "be loaded into the dashboard: remove the column from the export. "
                "The codes are not shown.",
                "henkilotunnus",
            )
        )  # fmt: skip
    if raw.maybe_padded:
        frame = _clean(frame, list(found.values()))
    distinct = _distinct(frame, export, found)
    excel = raw.format != "csv"  # XLSX and Parquet hold numbers (docs/spec: "Amounts")
    frame = frame.with_columns(
        _typed(c, found[c.name], distinct.get(c.name, []), excel).alias(c.name)
        if c.name in found
        else pl.lit(None, dtype=_DTYPES[c.kind]).alias(c.name)
        for c in export.columns
    )
    frame = _dates(frame, export, found)
    checks = cell_checks(spec, frame, found, label) + row_checks(spec, found, label, ctx)
    checks += range_checks(spec, found, label, ctx) + unique_key_checks(spec, found, label)
    run_checks(frame, checks, file, report)
    overlaps(spec, frame, found, label, report, file)
    reference_warnings(spec, frame, found, label, ctx, report, file)
    if all(c.name in found for c in export.columns if c.required):
        for rule in spec.table_rules:
            rule(frame, file, report)
    outside_years(spec, frame, file, report)
    typed = frame.select(pl.col(c.name).cast(_DTYPES[c.kind]) for c in export.columns)
    return Validated(typed, report)
