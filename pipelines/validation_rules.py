"""The rules of one export as polars checks: cell rules (conversion, required, unique)
and row rules (extraction date, end before start, required-when, references), overlaps,
and the rows-outside-the-years warning. ``validation`` runs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl

from pipelines import values
from pipelines.checks import Check, fi_date, overlap_frame, run_checks
from pipelines.spec import ExportSpec
from pipelines.validation_report import Issue, ValidationReport, shows_value

# Rows that ended before this date lie outside the years being analysed (a warning): the
# first year with a targets file, and the area's first year of operation.
ANALYSIS_START = date(2025, 1, 1)


@dataclass
class ValidationContext:
    """What the checks of one file need from outside it."""

    limit: date  # the extraction date: later dates are errors
    ids: dict[str, pl.Series] = field(default_factory=dict)  # export -> its known ids


def _surely_unique(frame: pl.DataFrame, name: str) -> bool:
    """A cheap proof of no duplicates: the ids strictly increase (exports are often sorted)."""
    ids = pl.col(name).drop_nulls()
    return bool(frame.select((ids > ids.shift(1)).all(ignore_nulls=True)).item())


def cell_checks(
    spec: ExportSpec, frame: pl.DataFrame, found: dict[str, str], label: dict[str, str]
) -> list[Check]:
    checks: list[Check] = []
    for column in spec.export.columns:
        src = found.get(column.name)
        if src is None:
            continue
        name, shown = pl.col(column.name), label[column.name]
        quoted = src if shows_value(column.name) else None  # never an id in a message
        if column.kind != "str":
            fi, en = values.expected(column)
            bad = pl.col(src).is_not_null() & name.is_null()
            checks.append(Check(bad, shown, quoted, fi, en, f"bad_{column.kind}"))
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
            checks.append(Check(dup, shown, quoted, fi, en, "duplicate"))
    return checks


def row_checks(
    spec: ExportSpec, found: dict[str, str], label: dict[str, str], ctx: ValidationContext
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
            quoted = found[rule.when] if shows_value(rule.when) else None
            checks.append(Check(bad, label[rule.column], quoted, fi, en, "required_when"))
    for ref in spec.references:
        known = ctx.ids.get(ref.target)
        if ref.column in found and known is not None and not ref.warn_only:
            bad = pl.col(ref.column).is_not_null() & ~pl.col(ref.column).is_in(known.implode())
            fi = f"Tuntematon tunniste: sitä ei ole viennissä {ref.target}."
            en = f"Unknown id: it is not in the export {ref.target}."
            shown = label[ref.column]
            checks.append(Check(bad, shown, None, fi, en, "unknown_reference"))  # an id: not shown
    return checks


def unique_key_checks(
    spec: ExportSpec, found: dict[str, str], label: dict[str, str]
) -> list[Check]:
    """A combination of ``spec.unique_key`` repeated (e.g. a budget's year and item)."""
    key = spec.unique_key
    if not key or not all(c in found for c in key):
        return []
    last = key[-1]
    complete = pl.all_horizontal(pl.col(c).is_not_null() for c in key)
    dup = complete & ~pl.struct(*key).is_first_distinct()
    names = ", ".join(key)
    fi = f"Sama yhdistelmä ({names}) on jo aiemmalla rivillä. Yhdistelmän on oltava yksilöllinen."
    en = f"The same combination ({names}) is on an earlier row. It must be unique."
    quoted = found[last] if shows_value(last) else None
    return [Check(dup, label[last], quoted, fi, en, "duplicate")]


def reference_warnings(
    spec: ExportSpec, frame: pl.DataFrame, found: dict[str, str], label: dict[str, str],
    ctx: ValidationContext, report: ValidationReport, file: str,
) -> None:  # fmt: skip
    """The references whose unknown values are only a warning (e.g. a course not in
    koulutukset): one warning per column, with the count and the first row."""
    for ref in spec.references:
        known = ctx.ids.get(ref.target)
        if not ref.warn_only or ref.column not in found or known is None:
            continue
        value = pl.col(ref.column)
        bad = frame.filter(value.is_not_null() & ~value.is_in(known.implode()))
        if bad.height:
            report.add_warning(
                Issue(
                    file, int(bad["_row"].min()), label[ref.column], None,  # type: ignore[arg-type]
                    f"{bad.height} riviä viittaa tunnisteeseen, jota ei ole viennissä "
                    f"{ref.target}; rivit ladataan ja lasketaan summiin.",
                    f"{bad.height} row(s) refer to an id that is not in the export "
                    f"{ref.target}; the rows are loaded and counted in the totals.",
                    "unknown_reference_warning",
                )
            )  # fmt: skip


# The lowest birth year accepted; the highest is the extraction date's year.
FIRST_BIRTH_YEAR = 1900
BIRTH_YEAR_COLUMNS = ("syntymavuosi",)


def range_checks(
    spec: ExportSpec, found: dict[str, str], label: dict[str, str], ctx: ValidationContext
) -> list[Check]:
    """Whole numbers in range: a birth year from 1900 to the extraction year, every other
    whole number (a count: meetings, positions) not negative."""
    checks: list[Check] = []
    for column in spec.export.columns:
        src = found.get(column.name)
        if src is None or column.kind != "int":
            continue
        value = pl.col(column.name)
        if column.name in BIRTH_YEAR_COLUMNS:
            last = ctx.limit.year
            bad = (value < FIRST_BIRTH_YEAR) | (value > last)
            fi = f"Syntymävuoden on oltava välillä {FIRST_BIRTH_YEAR}–{last}."
            en = f"A birth year must be between {FIRST_BIRTH_YEAR} and {last}."
            rule = "birth_year_out_of_range"
        else:
            bad = value < 0
            fi = "Lukumäärä ei voi olla negatiivinen."
            en = "A count cannot be negative."
            rule = "negative_count"
        quoted = src if shows_value(column.name) else None
        checks.append(Check(bad, label[column.name], quoted, fi, en, rule))
    return checks


def overlaps(
    spec: ExportSpec, frame: pl.DataFrame, found: dict[str, str], label: dict[str, str],
    report: ValidationReport, file: str,
) -> None:  # fmt: skip
    if spec.no_overlap is None or not all(c in found for c in spec.no_overlap):
        return
    key, start, end = spec.no_overlap
    sorted_frame = overlap_frame(frame, key, start, end, found[start])
    fi = "Jakso on päällekkäin saman asiakkaan aiemman jakson kanssa. Korjaa alku- tai loppupäivä."
    en = "The period overlaps an earlier period of the same client. Correct its start or end date."
    # the period's start is shown, never the client's id (the key)
    check = Check(pl.col("_overlap"), label[start], found[start], fi, en, "overlap")
    run_checks(sorted_frame, [check], file, report)


def outside_years(
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
