"""The pipelines' one exception type and the bilingual report it carries.

Validation collects every problem as an ``Issue`` (file, Excel row, column, value, and
what was expected, in Finnish and English) into a ``ValidationReport``. A load that
finds errors raises ``PipelineError`` with that report; ``str()`` of the error is the
report as the user reads it on stderr or in the dashboard.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# Loose henkilötunnus shape (no check character test): anything like it is never printed,
# also in disguise (full-width digits, a dash or minus sign, invisible characters).
_HETU_LIKE = re.compile(r"\d{6}\s*[-+A-FU-Y]\s*\d{3}[0-9A-Z]", re.IGNORECASE)
_DASH_LIKE = "\u2212\u2796\ufe63\uff0d"
HIDDEN = "<piilotettu / hidden>"
MAX_VALUE_CHARS = 60
# Every problem is counted; at most this many of one kind (file, column, rule) are listed.
EXAMPLES_PER_KIND = 20


def shows_value(column: str) -> bool:
    """Whether a message may quote a cell of this contract column. Never for an identifying
    column (``asiakas_id``, ``virkailija_id``, ``tyonantaja_id``, ``tapahtuma_id`` and every
    other ``*_id``): the row and column locate the cell without the id. Dates, codes,
    municipalities and numbers are shown, since the value is what the user has to fix."""
    return not column.endswith("_id")


def _plain(text: str) -> str:
    """NFKC, invisible format characters dropped, every dash as ``-``."""
    out = []
    for char in unicodedata.normalize("NFKC", text):
        kind = unicodedata.category(char)
        if kind != "Cf":
            out.append("-" if kind == "Pd" or char in _DASH_LIKE else char)
    return "".join(out)


def safe_value(value: object) -> str | None:
    """A cell value as it may appear in a message: henkilötunnus-like text hidden, truncated."""
    if value is None:
        return None
    text = str(value)
    if _HETU_LIKE.search(_plain(text)):
        return HIDDEN
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


@dataclass(frozen=True)
class Issue:
    """One problem: ``row`` is the Excel row (header = 1), None for the whole file."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message_fi: str
    message_en: str
    rule: str = "error"

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"rivi/row {self.row}")
        if self.column:
            parts.append(f"sarake/column {self.column}")
        if self.value is not None:
            parts.append(f"arvo/value {self.value!r}")
        return ", ".join(parts)

    def render(self) -> str:
        return f"{self.location()}\n  FI: {self.message_fi}\n  EN: {self.message_en}"


@dataclass
class ValidationReport:
    """Errors (the folder cannot be loaded) and warnings (it loads, but look at these)."""

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    # Problems counted but not listed, by (file, column, rule): they are "more of the same".
    omitted: Counter[tuple[str, str | None, str]] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(self.omitted.values())

    def add_error(self, issue: Issue) -> None:
        self.errors.append(issue)

    def add_warning(self, issue: Issue) -> None:
        self.warnings.append(issue)

    def add_many(self, issues: list[Issue], total: int) -> None:
        """Adds listed examples of one kind of error and counts the ``total`` of that kind."""
        self.errors.extend(issues)
        if issues and total > len(issues):
            first = issues[0]
            self.omitted[(first.file, first.column, first.rule)] += total - len(issues)

    def merge(self, other: ValidationReport) -> None:
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.omitted.update(other.omitted)

    def render(self) -> str:
        lines: list[str] = []
        if self.errors:
            n = self.error_count
            lines.append(
                f"Aineistoa ei ladattu: {n} virhettä. Tietokanta on ennallaan.\n"
                f"The data was not loaded: {n} error(s). The database is unchanged.\n"
            )
            ordered = sorted(self.errors, key=lambda i: (i.file, i.row or 0))
            lines.extend(issue.render() for issue in ordered)
            for (file, column, _rule), count in self.omitted.items():
                where = f"{file}" + (f", sarake/column {column}" if column else "")
                lines.append(
                    f"{where}\n  FI: … ja {count} muuta samanlaista virhettä.\n"
                    f"  EN: … and {count} more of the same."
                )
            lines.append(
                "\nKorjaa virheet ja lataa kansio uudelleen. / "
                "Correct the errors and load the folder again."
            )
        if self.warnings:
            lines.append(f"\nHuomautukset / Warnings ({len(self.warnings)}):")
            lines.extend(issue.render() for issue in self.warnings)
        return "\n".join(lines)


class PipelineError(Exception):
    """The pipelines' one exception: bad input or an unusable database, with its report."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        super().__init__(report.render())

    @classmethod
    def single(
        cls, file: str, message_fi: str, message_en: str, rule: str = "error"
    ) -> PipelineError:
        report = ValidationReport()
        report.add_error(Issue(file, None, None, None, message_fi, message_en, rule))
        return cls(report)
