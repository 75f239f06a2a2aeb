"""What the weekly meeting's screen shows, from KPI tables under the small-number rule.

Pure functions over polars frames (no Streamlit): the municipality × target matrix, the
order of its municipalities, and the metrics whose status changed between an earlier KPI
table and the current one. ui/meeting_view.py draws them; the tables come from
ui/meeting_queries.py (metrics.disclosure, as on every screen).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import polars as pl

from common.reference import municipalities
from metrics import privacy, registry
from metrics.registry import MetricDefinition
from ui import kpi_view
from ui.i18n import Lang
from ui.view import AreaChoice

KNOWN_STATUSES = ("ok", "risk", "off")


def minus_months(day: date, months: int) -> date:
    """``day`` ``months`` calendar months earlier; a day the month lacks becomes its last
    day (31.3. − 1 month = 28. or 29.2.), the months rule of docs/spec/METRICS.md."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def home_municipalities(area: AreaChoice) -> list[str]:
    """The municipalities of the chosen service area (of a chosen municipality's service
    area), in the plan's order; none for the whole area."""
    kunnat = municipalities()
    if area.level == "palvelualue":
        home = area.area
    elif area.level == "kunta":
        home = next((m.palvelualue for m in kunnat if m.kunta == area.area), "")
    else:
        return []
    return [m.kunta for m in kunnat if m.palvelualue == home]


def municipality_order(area: AreaChoice) -> list[str]:
    """The 13 municipalities in the plan's order, those of the chosen area's service area
    first (a chosen municipality first of all)."""
    first = home_municipalities(area)
    if area.level == "kunta" and area.area in first:
        first.remove(area.area)
        first.insert(0, area.area)
    return first + [m.kunta for m in municipalities() if m.kunta not in first]


def rows_for_area(table: pl.DataFrame, area: AreaChoice) -> dict[str, dict[str, object]]:
    """The chosen area's KPI row of every metric of ``table``; a metric defined for the whole
    area only gives the whole area's row."""
    whole = kpi_view.rows_by_metric(table.filter(pl.col("level") == "koko_alue"))
    if area.level == "koko_alue":
        return whole
    own = table.filter((pl.col("level") == area.level) & (pl.col("area") == area.area))
    return whole | kpi_view.rows_by_metric(own)


def matrix_metrics() -> tuple[MetricDefinition, ...]:
    """The targets that exist per municipality: the matrix's rows, in the registry's order."""
    return tuple(m for m in registry.REGISTRY if m.has_target and "kunta" in m.levels)


@dataclass(frozen=True)
class MatrixRow:
    metric: MetricDefinition
    cells: tuple[tuple[str, kpi_view.Shown], ...]  # (municipality, its row for the screen)


def matrix(table: pl.DataFrame, order: list[str], lang: Lang) -> list[MatrixRow]:
    """Every target's row per municipality (``order``), formatted as the screen shows it:
    a suppressed cell has no status and shows ``<5``."""
    kunta = table.filter(pl.col("level") == "kunta")
    out: list[MatrixRow] = []
    for m in matrix_metrics():
        mine = kunta.filter(pl.col("metric_id") == m.id)
        rows = {str(r["area"]): r for r in mine.iter_rows(named=True)}
        cells = tuple((k, kpi_view.shown_row(rows[k], lang)) for k in order if k in rows)
        # a target set for the whole area only (employer contacts) has no municipal status
        if any(r["target_op"] is not None for r in rows.values()):
            out.append(MatrixRow(metric=m, cells=cells))
    return out


@dataclass(frozen=True)
class StatusChange:
    metric: MetricDefinition
    before: str  # ok / risk / off
    after: str


def _shown_status(row: dict[str, object] | None) -> str | None:
    """The row's status when the screen shows it: none for a suppressed or empty row."""
    if row is None or bool(row.get(privacy.SUPPRESSED, False)):
        return None
    status = row.get("status")
    return status if isinstance(status, str) and status in KNOWN_STATUSES else None


def status_changes(
    now: dict[str, dict[str, object]], before: dict[str, dict[str, object]]
) -> list[StatusChange]:
    """The metrics (registry order) whose status differs between ``before`` and ``now``,
    both KPI rows of one area under the small-number rule. A row that either table hides
    (``<5``) or leaves without a status is never listed: the list must not tell what a
    hidden cell holds."""
    out: list[StatusChange] = []
    for m in registry.REGISTRY:
        after, earlier = _shown_status(now.get(m.id)), _shown_status(before.get(m.id))
        if after is not None and earlier is not None and after != earlier:
            out.append(StatusChange(metric=m, before=earlier, after=after))
    return out


def municipal_changes(
    now: pl.DataFrame, before: pl.DataFrame, kunnat: list[str]
) -> list[tuple[str, StatusChange]]:
    """The status changes of each municipality of ``kunnat`` (in that order) between two KPI
    tables, from the municipalities' own rows only (a whole-area figure is not theirs)."""

    def own(table: pl.DataFrame, kunta: str) -> dict[str, dict[str, object]]:
        rows = table.filter((pl.col("level") == "kunta") & (pl.col("area") == kunta))
        return kpi_view.rows_by_metric(rows)

    return [
        (kunta, change)
        for kunta in kunnat
        for change in status_changes(own(now, kunta), own(before, kunta))
    ]
