"""The parts of the board report for the minutes (issue 16) beside its metric blocks: the
running header and footer of every printed page, the director's explanation of a goal, the
pace and year-end forecast of a counted target, and the table of the municipalities.

Every printed page carries the area, the period and the as-of date at its top and
``Sivu 3 / 9`` at its foot: CSS paged media margin boxes (``@top-left``, ``@bottom-right``
with ``counter(page)`` and ``counter(pages)``), which Chromium prints (also to PDF) from
version 131 on. The texts are CSS strings, escaped here, since an area name comes from data.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date

import polars as pl

from access.director_notes import Note
from metrics.registry import MetricDefinition
from metrics.series import Projection
from ui import kpi_view
from ui.formatting import fmt_date, fmt_datetime, fmt_int, fmt_period
from ui.i18n import Lang, t

CSS = """
body { font-family: "Source Sans Pro", Arial, sans-serif; color: #111; background: #fff;
  font-size: 11pt; line-height: 1.35; max-width: 182mm; margin: 0 auto; padding: 4mm 0; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 20pt; margin: 0 0 2mm 0; } h2 { font-size: 15pt; margin: 0 0 1mm 0; }
h3 { font-size: 12pt; margin: 3mm 0 1mm 0; }
.meta { color: #333; margin-bottom: 4mm; }
.goal, .appendix { break-before: page; page-break-before: always; }
table.goal { width: 100%; border-collapse: collapse; }
table.goal > thead { display: table-header-group; }
table.goal > thead th { text-align: left; font-weight: normal; padding: 0 0 2mm 0;
  border-bottom: 2px solid #111; }
table.goal > tbody > tr { break-inside: avoid; page-break-inside: avoid; }
table.goal > tbody > tr > td { padding: 3mm 0 0 0; vertical-align: top; }
.goal-meta { font-size: 9pt; color: #333; }
.note { border: 1px solid #555; padding: 1mm 3mm; background: #f4f4f4; }
.note h3 { margin-top: 1mm; } .note-text { white-space: pre-wrap; margin: 1mm 0; }
.note-signed { font-size: 9pt; color: #333; margin: 0 0 1mm 0; }
.pace { margin: 1mm 0; }
.kunnat-goal { break-inside: avoid; page-break-inside: avoid; }
table.kunnat { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-bottom: 3mm; }
table.kunnat th, table.kunnat td { border-bottom: 1px solid #999; padding: 1mm 1.5mm;
  text-align: left; vertical-align: top; }
table.kunnat td { text-align: right; white-space: nowrap; }
table.kunnat tr.chosen { background: #eee; font-weight: 700; }
.metric { border-left: 6px solid var(--accent); padding: 1mm 0 1mm 4mm; margin: 0 0 1mm 0; }
.figures { font-size: 13pt; } .figures b { font-size: 16pt; }
.status { font-weight: 700; } .status .icon { color: var(--accent); }
.year-earlier { margin: 0.5mm 0; }
.definition { color: #222; font-size: 10pt; } .indicator { font-style: italic; font-size: 10pt; }
table.summary { border-collapse: collapse; width: 100%; font-size: 10pt; }
table.summary th, table.summary td { border-bottom: 1px solid #999; padding: 1.5mm 2mm;
  text-align: left; vertical-align: top; }
.chart { width: 170mm; } .chart-note { font-size: 9pt; color: #333; margin: 0 0 1mm 0; }
@media print { .chart { width: 170mm; } }
"""


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: quotes, backslashes, line ends and ``<`` escaped (a
    ``</style>`` in data cannot end the style sheet)."""
    out = []
    for ch in text:
        if ch in '"\\<>' or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def page_css(area: str, start: date, end: date, as_of: date, lang: Lang) -> str:
    """``@page`` with the running header (area · period · as-of) and the page number."""
    head = f"{area} · {fmt_period(start, end, lang)} · {t('as_of', lang)} {fmt_date(as_of, lang)}"
    page, of = t("report_page", lang), t("report_of", lang)
    small = "font-family: Arial, sans-serif; font-size: 8.5pt; color: #333;"
    return (
        "@page { size: A4 portrait; margin: 18mm 14mm 16mm 14mm; "
        f"@top-left {{ content: {css_string(head)}; {small} }} "
        f"@top-right {{ content: {css_string(t('report_title', lang))}; {small} }} "
        f"@bottom-right {{ content: {css_string(page)} counter(page) {css_string(of)} "
        f"counter(pages); {small} }} "
        f"@bottom-left {{ content: {css_string(t('area_name', lang))}; {small} }} }}"
    )


def notes_html(note: Note | None, lang: Lang) -> str:
    """The director's explanation of the goal for this period (escaped plain text)."""
    if note is None:
        return ""
    e = html.escape
    signed = t("notes_signed", lang, author=note.author, when=fmt_datetime(note.written_at, lang))
    return (
        f'<div class="note"><h3>{e(t("notes_title", lang))}</h3>'
        f'<p class="note-text">{e(note.text)}</p><p class="note-signed">{e(signed)}</p></div>'
    )


def pace_html(p: Projection | None, lang: Lang) -> str:
    """The count so far, the year-end forecast at the current pace and the target."""
    if p is None or p.target is None:
        return ""
    word = t("pace_ok", lang) if p.on_pace else t("pace_short", lang)
    icon = "✔" if p.on_pace else "▲"
    text = t(
        "report_pace",
        lang,
        year=p.year,
        so_far_period=fmt_period(date(p.year, 1, 1), min(p.as_of, date(p.year, 12, 31)), lang),
        so_far=fmt_int(p.count_so_far, lang),
        projected=fmt_int(p.projected_year_end, lang),
        target=fmt_int(p.target, lang),
    )
    return f'<p class="pace"><b>{icon} {html.escape(word)}.</b> {html.escape(text)}</p>'


def municipality_table(
    metrics: list[MetricDefinition],
    kunta_rows: pl.DataFrame,
    areas: list[str],
    chosen: str | None,
    lang: Lang,
) -> str:
    """Rows: the municipalities; columns: the goal's metrics with a row per municipality
    (value and status, ``<5`` under the board's disclosure rule). '' when none has one."""
    e = html.escape
    if kunta_rows.height == 0:
        return ""
    present = set(kunta_rows["metric_id"].to_list())
    shown = [m for m in metrics if m.id in present]  # a metric of the whole area only: none
    if not shown:
        return ""
    cells: dict[tuple[str, str], str] = {}
    for row in kunta_rows.iter_rows(named=True):
        s = kpi_view.shown_row(row, lang)
        icon = s.style.icon if not s.suppressed else ""
        cells[(str(row["metric_id"]), str(row["area"]))] = f"{s.value} {icon}".strip()
    head = "".join(f"<th>{e(kpi_view.title(m, lang))}</th>" for m in shown)
    body = []
    for area in areas:
        mark = ' class="chosen"' if area == chosen else ""
        tds = "".join(f"<td>{e(cells.get((m.id, area), '–'))}</td>" for m in shown)
        body.append(f"<tr{mark}><th>{e(area)}</th>{tds}</tr>")
    return (
        f'<table class="kunnat"><thead><tr><th>{e(t("col_municipality", lang))}</th>{head}'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def municipalities_section(
    goals: Mapping[str, list[MetricDefinition]],
    kunta_rows: pl.DataFrame,
    chosen: str | None,
    lang: Lang,
) -> str:
    """The appendix: one table of the municipalities per goal, each kept on one page."""
    e = html.escape
    areas = list(dict.fromkeys(kunta_rows["area"].to_list())) if kunta_rows.height else []
    parts = []
    for goal, metrics in goals.items():
        table = municipality_table(metrics, kunta_rows, areas, chosen, lang)
        if table:
            parts.append(
                f'<div class="kunnat-goal"><h3>{e(kpi_view.goal_title(goal, lang))}</h3>'
                f"{table}</div>"
            )
    if not parts:
        return ""
    legend = e(t("report_municipalities_note", lang))
    return (
        f'<section class="appendix"><h2>{e(t("report_municipalities", lang))}</h2>'
        f'<p class="chart-note">{legend}</p>{"".join(parts)}</section>'
    )
