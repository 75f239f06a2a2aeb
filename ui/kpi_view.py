"""The KPI table as the screen shows it: suppressed small numbers, titles, formatted cells.

Pure functions over polars frames (no Streamlit), shared by the cards, the goal pages,
the presentation mode and the board report, so every surface formats a number the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape

import polars as pl

from metrics import privacy, registry
from metrics.registry import GOALS, MetricDefinition
from metrics.targets import load_targets
from ui import case_counts
from ui.formatting import fmt_int, fmt_target, fmt_value
from ui.i18n import Lang, t
from ui.status_style import STATUS_STYLES, StatusStyle, badge_html, status_style


@dataclass(frozen=True)
class Shown:
    """One KPI row ready for the screen."""

    metric: MetricDefinition
    value: str
    target: str
    status: str | None
    status_text: str
    style: StatusStyle
    pending: str | None
    suppressed: bool
    raw_value: float | None


# The metrics of a goal, in the registry's order (the registry's own function).
metrics_of_goal = registry.goal_metrics


def goal_title(goal: str, lang: Lang) -> str:
    g = GOALS[goal]
    return g.title_fi if lang == "fi" else g.title_en


def title(m: MetricDefinition, lang: Lang) -> str:
    return m.title_fi if lang == "fi" else m.title_en


def description(m: MetricDefinition, lang: Lang) -> str:
    return m.description_fi if lang == "fi" else m.description_en


@lru_cache(maxsize=8)
def plan_indicators(year: int) -> dict[str, str]:
    """The plan's own "Mittari" text per metric id (the targets file of ``year``)."""
    return {mid: target.mittari for mid, target in load_targets(year).items()}


def shown_row(row: dict[str, object], lang: Lang) -> Shown:
    m = registry.get(str(row["metric_id"]))
    hidden = bool(row.get(privacy.SUPPRESSED, False))
    value = row["value"]
    raw = float(value) if isinstance(value, int | float) else None
    status = row["status"] if isinstance(row["status"], str) and row["status"] else None
    pending_raw = row.get("pending")
    if bool(row.get(privacy.PENDING_SUPPRESSED, False)):
        pending: str | None = privacy.SMALL
    elif isinstance(pending_raw, int | float):
        pending = fmt_int(pending_raw, lang)
    else:
        pending = None
    op = row["target_op"] if isinstance(row["target_op"], str) else None
    target_value = row["target_value"]
    target = fmt_target(
        op, float(target_value) if isinstance(target_value, int | float) else None, m.unit, lang
    )
    has_target = m.has_target and op is not None
    style = status_style(status, has_target)
    if m.has_target and op is None and m.on_day:
        # "lower than a year earlier" with no year-earlier day in the data (before S)
        style = STATUS_STYLES["none"]
    elif m.has_target and op is None:  # a target set for the whole area only (employer contacts)
        style = STATUS_STYLES["areaonly"]
    return Shown(
        metric=m,
        value=privacy.SMALL if hidden else fmt_value(raw, m.unit, lang),
        target=target,
        status=status,
        status_text=f"{style.icon} {t(style.text_key, lang)}",
        style=style,
        pending=pending,
        suppressed=hidden,
        raw_value=raw,
    )


def rows_by_metric(table: pl.DataFrame) -> dict[str, dict[str, object]]:
    return {str(r["metric_id"]): r for r in table.iter_rows(named=True)}


def area_rows(
    table: pl.DataFrame, level: str, area: str
) -> tuple[dict[str, dict[str, object]], set[str]]:
    """The row of every metric of ``table`` (a KPI table of every level) for ``area`` of
    ``level``, and the ids of the metrics whose row is the whole area's because the metric
    has no row for that area (those defined for the whole area only)."""
    chosen = (pl.col("level") == level) & (pl.col("area") == area)
    wanted = table.filter(chosen | (pl.col("level") == "koko_alue"))  # one query, few rows
    rows: dict[str, dict[str, object]] = {}
    mine: dict[str, dict[str, object]] = {}
    for r in wanted.iter_rows(named=True):
        own = r["level"] == level and r["area"] == area
        (mine if own else rows)[str(r["metric_id"])] = r
    fallback = set() if level == "koko_alue" else set(rows) - set(mine)
    rows.update(mine)
    return rows, fallback


def screen_table(table: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """A readable table for st.dataframe: title, area, value, the cases behind a share
    (``128 / 170``), target, status, pending."""
    out: list[dict[str, str]] = []
    for row in table.iter_rows(named=True):
        s = shown_row(row, lang)
        cells = {
            t("col_metric", lang): title(s.metric, lang),
            t("col_area", lang): str(row["area"]),
            t("col_value", lang): s.value,
        }
        if s.metric.unit == "share":
            cells[t("col_cases", lang)] = case_counts.fraction(row, lang)
        cells |= {
            t("col_target", lang): s.target,
            t("col_status", lang): s.status_text,
            t("col_pending", lang): s.pending or "",
        }
        out.append(cells)
    return pl.DataFrame(out)


def status_and_target_html(shown: Shown, lang: Lang, *, with_pending: bool = True) -> str:
    """The status badge (icon + word + colour) and the line "Tavoite ≥ 75 % · kesken 12"
    under it, as HTML for st.html: shared by the overview's cards and the goal pages (which
    say the pending cases beside the value instead, ``with_pending=False``)."""
    line = f"{t('target', lang)} {shown.target}"
    if shown.pending is not None and with_pending:
        line += f" · {t('pending', lang, n=shown.pending)}"
    badge = f"<div>{badge_html(shown.style, lang)}</div>"
    return f'{badge}<div class="kpi-target">{escape(line)}</div>'
