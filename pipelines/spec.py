"""What one export's pipeline knows beyond the contract's columns: its specific rules.

The columns, types and codes (the schema) come from ``common.data_contract``. An
``ExportSpec`` adds the rules that involve more than one cell: periods whose end may not
precede their start, periods of one client that may not overlap, columns required for
some event types, references to other exports, and which dates may lie in the future.
Each module of ``pipelines.exports`` declares one.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.data_contract import EXPORTS_BY_NAME, Export


@dataclass(frozen=True)
class Reference:
    """``column`` must hold an id of ``target`` (its unique column) when both are loaded."""

    column: str
    target: str


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

    @property
    def export(self) -> Export:
        return EXPORTS_BY_NAME[self.name]

    @property
    def id_column(self) -> str | None:
        return next((c.name for c in self.export.columns if c.unique), None)
