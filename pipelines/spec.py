"""What one export's pipeline knows beyond the contract's columns: its specific rules.

The columns, types and codes (the schema) come from ``common.data_contract``. An
``ExportSpec`` adds the rules that involve more than one cell: periods whose end may not
precede their start, periods of one client that may not overlap, columns required for
some event types, references to other exports, and which dates may lie in the future.
Each module of ``pipelines.exports`` declares one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from common.data_contract import EXPORTS_BY_NAME, Export

if TYPE_CHECKING:
    import polars as pl

    from pipelines.validation_report import ValidationReport

# A rule over the whole typed table (e.g. the percentages of a year add up to 100):
# (typed frame with ``_row``, file name, report) -> adds its issues to the report.
TableRule = Callable[["pl.DataFrame", str, "ValidationReport"], None]


@dataclass(frozen=True)
class Reference:
    """``column`` must hold an id of ``target`` (its unique column) when both are loaded."""

    column: str
    target: str
    # True: an unknown value is a warning (the load goes on), not an error.
    warn_only: bool = False


@dataclass(frozen=True)
class RequiredWhen:
    """``column`` may not be empty on rows whose ``when`` column holds one of ``values``."""

    column: str
    when: str
    values: tuple[str, ...]
    label_fi: str
    label_en: str


@dataclass(frozen=True)
class ExportSpec:
    name: str
    # (start, end) pairs: the end may not be before the start.
    periods: tuple[tuple[str, str], ...] = ()
    # (key, start, end): the periods of one key may not overlap.
    no_overlap: tuple[str, str, str] | None = None
    required_when: tuple[RequiredWhen, ...] = ()
    references: tuple[Reference, ...] = ()
    # Date columns that may be later than the extraction date (a planned end).
    may_be_future: tuple[str, ...] = ()
    # The date after which a row no longer matters (null = still open); rows whose
    # date is before the analysed years get a warning. None: the export has no such date.
    relevant_until: str | None = None
    # Columns unique together (a duplicate combination is an error, the last one named).
    unique_key: tuple[str, ...] = ()
    # The column other exports refer to when it is not a unique id (koulutukset.koulutus_id).
    key_column: str | None = None
    table_rules: tuple[TableRule, ...] = ()

    @property
    def export(self) -> Export:
        return EXPORTS_BY_NAME[self.name]

    @property
    def id_column(self) -> str | None:
        return next((c.name for c in self.export.columns if c.unique), None)

    @property
    def referenced_column(self) -> str | None:
        """The column whose values other exports' references are checked against."""
        return self.key_column or self.id_column
