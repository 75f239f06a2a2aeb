"""``mapping.toml``: which source header is which contract column, which source code which
contract code (docs/spec/DATA_CONTRACT.md, "Exports whose columns have other names").

``read_mapping`` parses and checks the file before any export is read; every problem of
the file itself is an error naming ``mapping.toml``, its line and the TOML key. Applying a
mapping to a file is ``pipelines.mapping_apply``; docs/pipelines.md has the choices made
where the contract is silent.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common.data_contract import EXPORTS_BY_NAME, Column, Export
from common.reference import fold
from pipelines.mapping_checks import MappingIssues, mapped_value_ok
from pipelines.mapping_lines import decode_error_line, key_lines
from pipelines.validation_report import HIDDEN, ValidationReport, safe_value

MAPPING_FILE = "mapping.toml"
CODED_KINDS = ("code", "municipality", "bool")
_BOM = "\ufeff"


@dataclass(frozen=True)
class MappedColumn:
    source: str  # the source header as mapping.toml writes it
    column: str  # the contract column (canonical name)
    line: int | None


@dataclass(frozen=True)
class ExportMapping:
    export: str
    line: int | None  # of the export's first key in mapping.toml
    columns: dict[str, MappedColumn] = field(default_factory=dict)  # by folded source header
    # contract column -> source code (as text) -> the value the reading rules get (None: empty)
    codes: dict[str, dict[str, str | None]] = field(default_factory=dict)


def find_mapping_file(folder: Path) -> Path | None:
    """``mapping.toml`` of ``folder`` (the name in any case), None when it has none."""
    if not folder.is_dir():
        return None
    for path in sorted(folder.iterdir()):
        if path.name.lower() == MAPPING_FILE and path.is_file():
            return path
    return None


def _contract_column(export: Export, name: str) -> Column | None:
    wanted = fold(name)
    return next((c for c in export.columns if wanted in (fold(c.name), fold(c.alias))), None)


def _columns(export: Export, table: Any, issues: MappingIssues) -> dict[str, MappedColumn]:
    path = (issues.key, "columns")
    if not isinstance(table, dict):
        issues.not_a_table(path)
        return {}
    out: dict[str, MappedColumn] = {}
    by_column: dict[str, str] = {}
    for source, target in table.items():
        key = (*path, source)
        column = _contract_column(export, target) if isinstance(target, str) else None
        if not isinstance(target, str) or not source.strip():
            issues.not_text(key)
        elif column is None:
            issues.unknown_column(key, target, export)
        elif fold(source) in out:
            issues.same_header_twice(key, out[fold(source)].source)
        elif column.name in by_column:
            issues.two_sources(key, column.name, by_column[column.name])
        else:
            by_column[column.name] = source
            out[fold(source)] = MappedColumn(source.strip(), column.name, issues.line(key))
    return out


def _codes(export: Export, table: Any, issues: MappingIssues) -> dict[str, dict[str, str | None]]:
    path = (issues.key, "codes")
    if not isinstance(table, dict):
        issues.not_a_table(path)
        return {}
    out: dict[str, dict[str, str | None]] = {}
    for name, codes in table.items():
        column = _contract_column(export, name)
        if column is None:
            issues.unknown_column((*path, name), name, export)
            continue
        if column.kind not in CODED_KINDS:
            issues.no_codes((*path, name), column)
            continue
        if not isinstance(codes, dict):
            issues.not_a_table((*path, name))
            continue
        mapped: dict[str, str | None] = {}
        for code, value in codes.items():
            key = (*path, name, code)
            if safe_value(code) == HIDDEN:
                issues.hetu_like(key)
            elif not isinstance(value, str):
                issues.not_text(key)
            elif not mapped_value_ok(column, value.strip()):
                issues.unknown_code(key, value, column)
            else:
                mapped[code.strip()] = value.strip() or None
        out.setdefault(column.name, {}).update(mapped)
    return out


def _export(key: str, table: Any, issues: MappingIssues) -> ExportMapping | None:
    export = EXPORTS_BY_NAME.get(fold(key))
    if export is None:
        issues.unknown_export((key,))
        return None
    if not isinstance(table, dict):
        issues.not_a_table((key,))
        return None
    issues.key = key
    for other in table:
        if other not in ("columns", "codes"):
            issues.unknown_key((key, other))
    columns = _columns(export, table.get("columns", {}), issues)
    codes = _codes(export, table.get("codes", {}), issues)
    return ExportMapping(export.name, issues.line((key,)), columns, codes)


def parse_mapping(data: bytes) -> tuple[dict[str, ExportMapping], ValidationReport]:
    """The mappings of the file's bytes by export name, and the report of its errors."""
    report = ValidationReport()
    issues = MappingIssues(report, {})
    try:
        text = data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError:
        issues.not_utf8()
        return {}, report
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        issues.not_toml(decode_error_line(exc), str(exc))
        return {}, report
    issues.lines = key_lines(text)
    mappings: dict[str, ExportMapping] = {}
    for key, table in parsed.items():
        mapping = _export(key, table, issues)
        if mapping is not None:
            if mapping.export in mappings:
                issues.export_twice((key,), mapping.export)
            mappings[mapping.export] = mapping
    return mappings, report


def read_mapping(
    folder: Path, present: Collection[str]
) -> tuple[dict[str, ExportMapping], ValidationReport]:
    """The folder's mapping (empty when it has no mapping.toml) and its report: errors of
    the file itself, a warning for each export it maps that the folder does not hold."""
    path = find_mapping_file(folder)
    if path is None:
        return {}, ValidationReport()
    mappings, report = parse_mapping(path.read_bytes())
    for mapping in mappings.values():
        if report.ok and mapping.export not in present:
            MappingIssues(report, {}).export_absent(mapping.export, mapping.line)
    return mappings, report
