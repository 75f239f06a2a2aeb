"""The board report: one self-contained HTML file of the period's targets.

Charts are inlined (plotly.js embedded once, no CDN), so the file opens offline in any
browser; CSS ``@page`` and ``break-before: page`` print it on A4 with one goal per page.
The small-number rule is applied (the rows come from ``privacy.suppress``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime

import plotly.graph_objects as go
import polars as pl

from metrics.registry import GOALS, MetricDefinition
from ui import chart_style, charts, kpi_view, trend_notes
from ui.formatting import fmt_date, fmt_datetime, fmt_period
from ui.i18n import Lang, t

CHART_WIDTH_PX = 640  # 170 mm at 96 dpi: the chart's column on A4

_CSS = """
@page { size: A4 portrait; margin: 16mm 14mm; }
body { font-family: "Source Sans Pro", Arial, sans-serif; color: #111; background: #fff;
  font-size: 11pt; line-height: 1.35; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm 0; } h2 { font-size: 15pt; margin: 0 0 3mm 0; }
h3 { font-size: 12pt; margin: 4mm 0 1mm 0; }
.meta { color: #333; margin-bottom: 4mm; }
.goal { break-before: page; page-break-before: always; }
.metric { break-inside: avoid; page-break-inside: avoid; border-left: 6px solid var(--accent);
  padding: 1mm 0 1mm 4mm; margin: 0 0 4mm 0; }
.figures { font-size: 13pt; } .figures b { font-size: 16pt; }
.status { font-weight: 700; } .status .icon { color: var(--accent); }
.definition { color: #222; font-size: 10pt; } .indicator { font-style: italic; font-size: 10pt; }
table.summary { border-collapse: collapse; width: 100%; font-size: 10pt; }
table.summary th, table.summary td { border-bottom: 1px solid #999; padding: 1.5mm 2mm;
  text-align: left; vertical-align: top; }
.chart { width: 170mm; } .chart-note { font-size: 9pt; color: #333; margin: 0 0 1mm 0; }
@media print { .chart { width: 170mm; } }
"""


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
    parts: list[str] = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(t('app_title', lang))} · {e(fmt_period(data.start, data.end, lang))}</title>",
        f"<style>{_CSS}</style></head><body>",
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
    for goal in GOALS:
        metrics = [m for m in kpi_view.metrics_of_goal(goal) if m.id in rows]
        if not metrics:
            continue
        parts.append(f'<section class="goal"><h2>{e(kpi_view.goal_title(goal, lang))}</h2>')
        for m in metrics:
            chart = _metric_chart(data, rows[m.id], m, first_chart)
            first_chart = first_chart and not chart
            parts.append(_metric_block(data, rows[m.id], m, chart))
        parts.append("</section>")
    parts.append(data.finances)
    parts.append("</body></html>")
    return "".join(parts)


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
    indicator_html = (
        f'<p class="indicator">{e(t("indicator", lang))}: {e(indicator)}</p>' if indicator else ""
    )
    return (
        f'<div class="metric" style="--accent:{style.colour}">'
        f"<h3>{e(kpi_view.title(m, lang))}</h3>"
        f'<div class="figures">{e(t("value", lang))} <b>{e(s.value)}</b> · '
        f"{e(t('target', lang))} {e(s.target)} · "
        f'<span class="status"><span class="icon">{style.icon}</span> '
        f"{e(s.status_text.split(' ', 1)[1])}</span>{pending}</div>"
        f"{indicator_html}"
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
