"""Matching a file's header to the contract's columns (folded names, English aliases)."""

from __future__ import annotations

import re

from common.data_contract import Export
from common.reference import fold
from pipelines.validation_report import Issue, ValidationReport

# A title that may be quoted in a warning: words of letters, at most 40 characters. Anything
# else (digits, a date, an id, a long text) may be a client's data in the header row.
_NAME_LIKE = re.compile(r"[^\W\d]+(?:[ _\-./][^\W\d]+)*")
MAX_TITLE_CHARS = 40


def looks_like_a_name(title: str) -> bool:
    return len(title) <= MAX_TITLE_CHARS and _NAME_LIKE.fullmatch(title) is not None


def _unknown_listed(unknown: list[str], headerless: bool) -> tuple[str, str]:
    """The unknown titles as a warning may show them (Finnish, English): only name-like
    ones, the others counted."""
    shown = [] if headerless else [t for t in unknown if looks_like_a_name(t)]
    hidden = len(unknown) - len(shown)
    if not hidden:
        return ", ".join(shown), ", ".join(shown)
    fi = f"{hidden} saraketta, joiden otsikot näyttävät tiedoilta (ei näytetä)"
    en = f"{hidden} column(s) whose titles look like data (not shown)"
    return ", ".join([*shown, fi]), ", ".join([*shown, en])


def match_header(
    file: str,
    header: tuple[str, ...],
    export: Export,
    report: ValidationReport,
    shown: tuple[str, ...] = (),
) -> dict[str, str]:
    """Maps each contract column found to its source column (``c0``, ``c1``, …).

    Adds an error for a missing required column or a column given twice, and a warning
    listing the unknown extra columns (which are ignored). ``shown``: how messages name
    the columns when mapping.toml renamed some (default: as ``header`` has them).
    """
    names: dict[str, str] = {}
    for column in export.columns:
        names[fold(column.name)] = column.name
        names[fold(column.alias)] = column.name
    found: dict[str, str] = {}
    unknown: list[str] = []
    for i, title in enumerate(header):
        canonical = names.get(fold(title))
        if canonical is None:
            if title:
                unknown.append(title)
        elif canonical in found:
            report.add_error(
                Issue(
                    file, 1, shown[i] if shown else title, None,
                    f"Sarake {canonical} on otsikkorivillä kahdesti. Poista toinen.",
                    f"Column {canonical} appears twice in the header row. Remove one.",
                    "duplicate_column",
                )
            )  # fmt: skip
        else:
            found[canonical] = f"c{i}"
    for column in export.columns:
        if column.required and column.name not in found:
            hint_fi = hint_en = ""
            if len(header) == 1:
                hint_fi = " Otsikkorivillä on vain yksi sarake: onko erotin ; , tai sarkain?"
                hint_en = " The header row has only one column: is the delimiter ; , or tab?"
            report.add_error(
                Issue(
                    file, 1, column.name, None,
                    f"Pakollinen sarake {column.name} ({column.alias}) puuttuu.{hint_fi}",
                    f"The required column {column.name} ({column.alias}) is missing.{hint_en}",
                    "missing_column",
                )
            )  # fmt: skip
    if unknown:
        # A header row that lacks a required column is most likely a data row (a file
        # without its header): its cells may be a client's values, so they are only counted.
        headerless = any(c.required and c.name not in found for c in export.columns)
        listed_fi, listed_en = _unknown_listed(unknown, headerless)
        report.add_warning(
            Issue(
                file, 1, None, None,
                f"Tuntemattomat sarakkeet ohitettiin: {listed_fi}.",
                f"Unknown columns were ignored: {listed_en}.",
                "unknown_columns",
            )
        )  # fmt: skip
    return found
