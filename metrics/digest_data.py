"""What the director's Monday e-mail says, computed from the KPI table (docs/production.md).

The period is the dashboard's default, the year to the data's as-of date ``A``. The mail
leaves the dashboard and is forwarded, so it carries the board's rule (docs/privacy.md "The
Monday e-mail"): the KPI table and its monthly series are metrics.disclosure.disclose's, the
same the board's screens and the attached board report show. "A week earlier" is the
overview's change in a week (ui/cards.py: the period ending seven days earlier, ``A``
unchanged), and as on the board's cards only for figures that are not about people: the two
periods would difference into that week's clients. The mail shows the whole area's rows,
and the deadlines coming up this week (metrics.digest_due) under the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import polars as pl

from common.reference import AREA_NAME
from metrics.digest_due import DueSection, build_due
from metrics.disclosure import disclose
from metrics.privacy import SUPPRESSED, basis_of
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
    table: pl.DataFrame  # the disclosed KPI table now, every level (for the attachment)
    monthly: pl.DataFrame  # its disclosed monthly series, every level (for the attachment)
    due: DueSection | None = None  # the deadlines coming up this week (None: not computed)

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


def compared_ids() -> list[str]:
    """The metrics the mail compares with a week earlier: those not about people (the
    board's cards show no change in a week of a figure about people either)."""
    return [m.id for m in REGISTRY if basis_of(m.id) == "none"]


def build_digest(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> Digest:
    """The mail's content for the data as of ``as_of`` (default: recorded at load)."""
    a = as_of if as_of is not None else read_as_of(con)
    start = date(a.year, 1, 1)
    shown = disclose(con, start, a, as_of=a)
    week_ago_end: date | None = a - timedelta(days=7)
    before: dict[str, dict[str, object]] = {}
    if week_ago_end is not None and week_ago_end >= start:
        earlier = disclose(con, start, week_ago_end, as_of=a, metric_ids=compared_ids())
        before = _area_rows(earlier.period)
    else:
        week_ago_end = None
    now = _area_rows(shown.period)
    lines = tuple(
        MetricLine(m.id, now[m.id], before.get(m.id) if week_ago_end else None)
        for m in REGISTRY
        if m.id in now
    )
    return Digest(a, start, a, week_ago_end, _loaded_at(con), lines, shown.period, shown.monthly,
                  build_due(con, a))  # fmt: skip
