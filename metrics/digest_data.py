"""What the director's Monday e-mail says, computed from the KPI table (docs/production.md).

The period is the dashboard's default, the year to the data's as-of date ``A``. "A week
earlier" is computed as the overview's change in a week (ui/cards.py): the same KPI table
with the period ending seven days earlier, ``A`` unchanged. Both tables have the small-number
rule applied (metrics.privacy.suppress, every level at once) because the mail leaves the
dashboard; the mail shows the whole area's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import polars as pl

from common.reference import AREA_NAME
from metrics.definition import ALL_LEVELS
from metrics.engine import kpi_table
from metrics.privacy import SUPPRESSED, suppress
from metrics.registry import REGISTRY
from metrics.sql_context import read_as_of

ATTENTION = ("off", "risk")  # the statuses the mail lists first, in this order


@dataclass(frozen=True)
class MetricLine:
    """One metric of the whole area: now and a week earlier (None: no comparison)."""

    metric_id: str
    row: dict[str, object]  # the suppressed KPI row now
    before: dict[str, object] | None  # the suppressed KPI row a week earlier

    @property
    def status(self) -> str | None:
        value = self.row["status"]
        return value if isinstance(value, str) else None

    @property
    def status_before(self) -> str | None:
        value = None if self.before is None else self.before["status"]
        return value if isinstance(value, str) else None

    @property
    def change(self) -> float | None:
        """Value now minus a week earlier; None when either is missing or suppressed."""
        if self.before is None or self.row.get(SUPPRESSED) or self.before.get(SUPPRESSED):
            return None
        now, then = self.row["value"], self.before["value"]
        if isinstance(now, int | float) and isinstance(then, int | float):
            return float(now) - float(then)
        return None

    @property
    def status_changed(self) -> bool:
        return self.before is not None and self.status != self.status_before


@dataclass(frozen=True)
class Digest:
    as_of: date
    start: date
    end: date
    week_ago_end: date | None  # None in the first week of the year: nothing to compare
    loaded_at: datetime | None
    lines: tuple[MetricLine, ...]  # in the registry's order
    table: pl.DataFrame  # the suppressed KPI table now, every level (for the attachment)

    def attention(self) -> list[MetricLine]:
        """The targets off and at risk: off first, then at risk, each in registry order."""
        return [line for s in ATTENTION for line in self.lines if line.status == s]

    def changed(self) -> list[MetricLine]:
        return [line for line in self.lines if line.status_changed]

    def count(self, status: str) -> int:
        return sum(1 for line in self.lines if line.status == status)


def _area_rows(table: pl.DataFrame) -> dict[str, dict[str, object]]:
    area = table.filter((pl.col("level") == "koko_alue") & (pl.col("area") == AREA_NAME))
    return {str(r["metric_id"]): r for r in area.iter_rows(named=True)}


def _loaded_at(con: duckdb.DuckDBPyConnection) -> datetime | None:
    rows = con.execute("SELECT loaded_at FROM meta_load").fetchall()
    value = rows[0][0] if rows else None
    return value if isinstance(value, datetime) else None


def build_digest(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> Digest:
    """The mail's content for the data as of ``as_of`` (default: recorded at load)."""
    a = as_of if as_of is not None else read_as_of(con)
    start = date(a.year, 1, 1)
    table = suppress(kpi_table(con, start, a, as_of=a, levels=ALL_LEVELS))
    week_ago_end: date | None = a - timedelta(days=7)
    before: dict[str, dict[str, object]] = {}
    if week_ago_end is not None and week_ago_end >= start:
        earlier = suppress(kpi_table(con, start, week_ago_end, as_of=a, levels=ALL_LEVELS))
        before = _area_rows(earlier)
    else:
        week_ago_end = None
    now = _area_rows(table)
    lines = tuple(
        MetricLine(m.id, now[m.id], before.get(m.id) if week_ago_end else None)
        for m in REGISTRY
        if m.id in now
    )
    return Digest(a, start, a, week_ago_end, _loaded_at(con), lines, table)
