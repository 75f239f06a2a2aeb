"""The board report: one self-contained HTML file of the period's targets, for the minutes.

Charts are inlined (plotly.js embedded once, no CDN), so the file opens offline in any
browser. Printed on A4: every page has the area, period and as-of date at its top and its
number (``Sivu 3 / 9``) at its foot (ui.board_report_parts); each goal starts a new page and
is a table whose heading row repeats on every page the goal continues onto (the browser
repeats a ``<thead>``), a metric is never split; the director's explanation of the goal
for the period is under its heading, a counted target has its pace and year-end forecast,
and an appendix has each goal's metrics per municipality. The small-number rule is applied
(the rows come from metrics.disclosure, as on screen).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import plotly.graph_objects as go
import polars as pl

from access.director_notes import Note
from metrics.registry import GOALS, MetricDefinition
from metrics.series import Projection
from ui import board_report_parts, chart_style, charts, kpi_view, trend_notes
from ui.formatting import fmt_date, fmt_datetime, fmt_period
from ui.i18n import Lang, t

CHART_WIDTH_PX = 640  # 170 mm at 96 dpi: the chart's column on A4


@dataclass(frozen=True)
class ReportInput:
    lang: Lang
    area_label: str
    start: date
    end: date
    as_of: date
    loaded_at: datetime | None
    targets_label: str
    rows: pl.DataFrame  # suppressed KPI rows of the area, one per metric
    monthly: pl.DataFrame  # suppressed monthly series of the area
    indicators: dict[str, str]  # the plan's own "Mittari" text per metric id
    # The line "a year earlier" per metric id (ui/year_earlier_view.py), under the rule.
    year_earlier: dict[str, str] = field(default_factory=dict)
    # The director's explanation per goal for exactly this period (access.director_notes).
    notes: Mapping[str, Note] = field(default_factory=dict)
    # The year-end forecast of the counted target (employer contacts) at the current pace.
    pace: Projection | None = None
    # Every municipality's KPI rows under the board's disclosure rule (the appendix).
    municipalities: pl.DataFrame | None = None
    chosen_area: str | None = None  # the municipality the report is about, marked there
    area_short: str = ""  # the area for the running header of every page
    finances: str = ""  # the finances page (ui.board_report_finances), "" without cost data


def _chart_html(fig: go.Figure, first: bool) -> str:
    """A figure of ui/charts.py as inline HTML on white paper, A4-wide, without a mode bar;
    plotly.js is inlined with the first chart only (the file opens offline)."""
    chart_style.on_paper(fig, width=CHART_WIDTH_PX)
    return str(
        fig.to_html(
            full_html=False,
            include_plotlyjs=first,
            config={"displayModeBar": False, "responsive": False},
        )
    )


def build(data: ReportInput) -> str:
    """The report as one HTML document (str)."""
    lang = data.lang
    e = html.escape
    rows = kpi_view.rows_by_metric(data.rows)
    page = board_report_parts.page_css(
        data.area_short or data.area_label, data.start, data.end, data.as_of, lang
    )
    parts: list[str] = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(t('app_title', lang))} · {e(fmt_period(data.start, data.end, lang))}</title>",
        f"<style>{page}{board_report_parts.CSS}</style></head><body>",
        f"<h1>{e(t('report_title', lang))}</h1>",
        f'<p class="meta"><b>{e(t("area_name", lang))}</b></p>',
        '<div class="meta">',
        f"{e(t('col_area', lang))}: <b>{e(data.area_label)}</b> · ",
        f"{e(t('col_period', lang))}: <b>{e(fmt_period(data.start, data.end, lang))}</b><br>",
        f"{e(t('as_of', lang))}: <b>{e(fmt_date(data.as_of, lang))}</b> · ",
        f"{e(t('loaded_at', lang))}: {e(fmt_datetime(data.loaded_at, lang))} · ",
        f"{e(data.targets_label)}</div>",
        _summary_table(rows, lang),
    ]
    first_chart = True
    by_goal: dict[str, list[MetricDefinition]] = {}
    for goal in GOALS:
        metrics = [m for m in kpi_view.metrics_of_goal(goal) if m.id in rows]
        if not metrics:
            continue
        by_goal[goal] = metrics
        parts.append(_goal_head(data, goal))
        note = board_report_parts.notes_html(data.notes.get(goal), lang)
        if note:
            parts.append(f"<tr><td>{note}</td></tr>")
        for m in metrics:
            chart = _metric_chart(data, rows[m.id], m, first_chart)
            first_chart = first_chart and not chart
            parts.append(f"<tr><td>{_metric_block(data, rows[m.id], m, chart)}</td></tr>")
        parts.append("</tbody></table>")
    if data.municipalities is not None:
        parts.append(
            board_report_parts.municipalities_section(
                by_goal, data.municipalities, data.chosen_area, lang
            )
        )
    parts.append(data.finances)
    parts.append("</body></html>")
    return "".join(parts)


def _goal_head(data: ReportInput, goal: str) -> str:
    """A goal opens a table on a new page; its heading row repeats on every page it
    continues onto (with the area and period, so a continued page says what it is)."""
    lang, e = data.lang, html.escape
    meta = f"{data.area_short or data.area_label} · {fmt_period(data.start, data.end, lang)}"
    return (
        f'<table class="goal"><thead><tr><th><h2>{e(kpi_view.goal_title(goal, lang))}</h2>'
        f'<div class="goal-meta">{e(meta)}</div></th></tr></thead><tbody>'
    )


def _metric_chart(
    data: ReportInput, row: dict[str, object], m: MetricDefinition, first: bool
) -> str:
    """The metric's monthly trend (the dashboard's figure) and its notes as inline HTML;
    '' when there are under two months or none has a value to draw."""
    series = data.monthly.filter(pl.col("metric_id") == m.id).sort("period_start")
    if series.height < 2 or trend_notes.empty_reason(series, data.lang, "month") is not None:
        return ""
    op = row["target_op"]
    fig = charts.trend(
        series,
        m.unit,
        data.lang,
        grain="month",
        target_op=op if isinstance(op, str) else None,
        cohort=m.cohort,
        height=260 if m.cohort else 230,
    )
    notes = trend_notes.notes(series, data.lang, "month", m.cohort)
    text = "".join(f'<p class="chart-note">{html.escape(n)}</p>' for n in notes)
    return _chart_html(fig, first) + text


def _metric_block(
    data: ReportInput, row: dict[str, object], m: MetricDefinition, chart: str
) -> str:
    lang, e = data.lang, html.escape
    s = kpi_view.shown_row(row, lang)
    style = s.style
    pending = f" · {e(t('pending', lang, n=s.pending))}" if s.pending else ""
    indicator = data.indicators.get(m.id)
    earlier = data.year_earlier.get(m.id)
    indicator_html = (
        f'<p class="indicator">{e(t("indicator", lang))}: {e(indicator)}</p>' if indicator else ""
    )
    pace = board_report_parts.pace_html(data.pace, lang) if m.pace_to_year_target else ""
    return (
        f'<div class="metric" style="--accent:{style.colour}">'
        f"<h3>{e(kpi_view.title(m, lang))}</h3>"
        f'<div class="figures">{e(t("value", lang))} <b>{e(s.value)}</b> · '
        f"{e(t('target', lang))} {e(s.target)} · "
        f'<span class="status"><span class="icon">{style.icon}</span> '
        f"{e(s.status_text.split(' ', 1)[1])}</span>{pending}</div>"
        + (f'<p class="year-earlier">{e(earlier)}</p>' if earlier else "")
        + f"{pace}{indicator_html}"
        f'<p class="definition"><b>{e(t("definition", lang))}:</b> '
        f"{e(kpi_view.description(m, lang))}</p>"
        + (f'<div class="chart">{chart}</div>' if chart else "")
        + "</div>"
    )


def _summary_table(rows: dict[str, dict[str, object]], lang: Lang) -> str:
    e = html.escape
    head = "".join(
        f"<th>{e(t(k, lang))}</th>" for k in ("col_metric", "col_value", "col_target", "col_status")
    )
    body: list[str] = []
    for goal in GOALS:
        for m in kpi_view.metrics_of_goal(goal):
            if m.id not in rows:
                continue
            s = kpi_view.shown_row(rows[m.id], lang)
            body.append(
                f"<tr><td>{e(kpi_view.title(m, lang))}</td><td>{e(s.value)}</td>"
                f"<td>{e(s.target)}</td><td>{e(s.status_text)}</td></tr>"
            )
    return f'<table class="summary"><tr>{head}</tr>{"".join(body)}</table>'
