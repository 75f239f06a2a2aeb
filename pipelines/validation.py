"""Validation of one export: every rule of the contract, every problem collected.

Input is a ``RawTable`` (text cells); output is the typed frame in the contract's column
order (canonical Finnish codes, municipality names, dates) and a report. Nothing stops
at the first problem: each rule is a vectorised check over the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl

from pipelines import values
from pipelines.checks import Check, fi_date, overlap_frame, run_checks
from pipelines.contract import Column, Export
from pipelines.header import match_header
from pipelines.hetu import hetu_columns
from pipelines.reading import RawTable
from pipelines.report import Issue, ValidationReport
from pipelines.spec import ExportSpec

# Rows that ended before this date lie outside the years being analysed (a warning): the
# first year with a targets file, and the area's first year of operation.
ANALYSIS_START = date(2025, 1, 1)

_DTYPES: dict[str, pl.DataType] = {
    "date": pl.Date(), "int": pl.Int32(), "bool": pl.Boolean(),
    "str": pl.String(), "code": pl.String(), "municipality": pl.String(),
}  # fmt: skip


_MAPPED = ("bool", "code", "municipality")


@dataclass
class Context:
    """What the checks of one file need from outside it."""

    limit: date  # the extraction date: later dates are errors
    ids: dict[str, pl.Series] = field(default_factory=dict)  # export -> its known ids


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


def _typed(column: Column, source: str, distinct: list[str]) -> pl.Expr:
    text = pl.col(source)
    kind = column.kind
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


def _surely_unique(frame: pl.DataFrame, name: str) -> bool:
    """A cheap proof of no duplicates: the ids strictly increase (exports are often sorted)."""
    ids = pl.col(name).drop_nulls()
    return bool(frame.select((ids > ids.shift(1)).all(ignore_nulls=True)).item())


def _cell_checks(
    spec: ExportSpec, frame: pl.DataFrame, found: dict[str, str], label: dict[str, str]
) -> list[Check]:
    checks: list[Check] = []
    for column in spec.export.columns:
        src = found.get(column.name)
        if src is None:
            continue
        name, shown = pl.col(column.name), label[column.name]
        if column.kind != "str":
            fi, en = values.expected(column)
            bad = pl.col(src).is_not_null() & name.is_null()
            checks.append(Check(bad, shown, src, fi, en, f"bad_{column.kind}"))
        if column.required:
            missing = pl.col(src).is_null() & name.is_null()
            fi = f"Pakollinen tieto puuttuu. Täytä sarake {column.name}."
            en = f"A required value is missing. Fill in column {column.name}."
            checks.append(Check(missing, shown, None, fi, en, "required"))
        if column.unique and not _surely_unique(frame, column.name):
            dup = name.is_not_null() & ~name.is_first_distinct()
            fi = (
                "Tunniste toistuu: sama arvo on jo aiemmalla rivillä. "
                "Tunnisteen on oltava yksilöllinen."
            )
            en = "Duplicate id: the same value is on an earlier row. The id must be unique."
            checks.append(Check(dup, shown, src, fi, en, "duplicate"))
    return checks


def _row_checks(
    spec: ExportSpec, found: dict[str, str], label: dict[str, str], ctx: Context
) -> list[Check]:
    checks: list[Check] = []
    limit = fi_date(ctx.limit)
    for column in spec.export.columns:
        src = found.get(column.name)
        if src is None or column.kind != "date" or column.name in spec.may_be_future:
            continue
        fi = (
            f"Päivämäärä on poimintapäivän {limit} jälkeen. "
            "Avoimen jakson loppupäivä jätetään tyhjäksi."
        )
        en = (
            f"The date is after the extraction date {limit}. Leave the end of an open period empty."
        )
        late = pl.col(column.name) > pl.lit(ctx.limit)
        checks.append(Check(late, label[column.name], src, fi, en, "after_extraction"))
    for start, end in spec.periods:
        if start in found and end in found:
            fi = f"Loppupäivä ({end}) on ennen alkupäivää ({start})."
            en = f"The end date ({end}) is before the start date ({start})."
            bad = pl.col(end) < pl.col(start)
            checks.append(Check(bad, label[end], found[end], fi, en, "end_before_start"))
    for rule in spec.required_when:
        if rule.column in found and rule.when in found:
            bad = pl.col(rule.when).is_in(rule.values) & pl.col(rule.column).is_null()
            fi, en = f"{rule.label_fi}. Täytä sarake.", f"{rule.label_en}. Fill in the column."
            checks.append(Check(bad, label[rule.column], found[rule.when], fi, en, "required_when"))
    for ref in spec.references:
        known = ctx.ids.get(ref.target)
        if ref.column in found and known is not None:
            bad = pl.col(ref.column).is_not_null() & ~pl.col(ref.column).is_in(known.implode())
            fi = f"Tuntematon tunniste: sitä ei ole viennissä {ref.target}."
            en = f"Unknown id: it is not in the export {ref.target}."
            shown = label[ref.column]
            checks.append(Check(bad, shown, found[ref.column], fi, en, "unknown_reference"))
    return checks


def _overlaps(
    spec: ExportSpec, frame: pl.DataFrame, found: dict[str, str], label: dict[str, str],
    report: ValidationReport, file: str,
) -> None:  # fmt: skip
    if spec.no_overlap is None or not all(c in found for c in spec.no_overlap):
        return
    key, start, end = spec.no_overlap
    sorted_frame = overlap_frame(frame, key, start, end, found[key])
    fi = "Jakso on päällekkäin saman asiakkaan aiemman jakson kanssa. Korjaa alku- tai loppupäivä."
    en = "The period overlaps an earlier period of the same client. Correct its start or end date."
    check = Check(pl.col("_overlap"), label[start], found[key], fi, en, "overlap")
    run_checks(sorted_frame, [check], file, report)


def _outside_years(
    spec: ExportSpec, frame: pl.DataFrame, file: str, report: ValidationReport
) -> None:
    if spec.relevant_until is None or frame.height == 0:
        return
    old = frame.filter(pl.col(spec.relevant_until) < pl.lit(ANALYSIS_START))
    if old.height:
        first, start = int(old["_row"].min()), fi_date(ANALYSIS_START)  # type: ignore[arg-type]
        report.add_warning(
            Issue(
                file, first, spec.relevant_until, None,
                f"{old.height} riviä päättyi ennen {start} (tarkasteltavien vuosien alkua); "
                "ne ladataan, mutta ne eivät vaikuta tunnuslukuihin.",
                f"{old.height} row(s) ended before {start} (the start of the years analysed); "
                "they are loaded but do not affect the figures.",
                "outside_years",
            )
        )  # fmt: skip


def validate_table(raw: RawTable, spec: ExportSpec, ctx: Context) -> Validated:
    """Checks one file against its export's rules; returns the typed frame and the report."""
    report = ValidationReport()
    export, file = spec.export, raw.file
    found = match_header(file, raw.header, export, report)
    label = {name: raw.header[int(src[1:])] for name, src in found.items()}
    frame = raw.frame.with_row_index("_row", offset=2)
    for src, (count, first) in hetu_columns(frame, list(raw.frame.columns)).items():
        title = raw.header[int(src[1:])]
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
    frame = frame.with_columns(
        _typed(c, found[c.name], distinct.get(c.name, [])).alias(c.name)
        if c.name in found
        else pl.lit(None, dtype=_DTYPES[c.kind]).alias(c.name)
        for c in export.columns
    )
    frame = _dates(frame, export, found)
    checks = _cell_checks(spec, frame, found, label) + _row_checks(spec, found, label, ctx)
    run_checks(frame, checks, file, report)
    _overlaps(spec, frame, found, label, report, file)
    _outside_years(spec, frame, file, report)
    typed = frame.select(pl.col(c.name).cast(_DTYPES[c.kind]) for c in export.columns)
    return Validated(typed, report)
