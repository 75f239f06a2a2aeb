"""The Monday e-mail as HTML that Outlook renders: tables for layout, every style inline, no
scripts, no images (status is an icon character, a word and a colour), one link.

Figures are formatted as the dashboard formats them (ui.kpi_view, ui.formatting: pure
functions, no Streamlit), so the mail and the cards show the same text for the same row.
"""

from __future__ import annotations

import html

from metrics import registry
from metrics.deadlines_due_privacy import TOTAL
from metrics.digest_data import Digest, MetricLine
from metrics.digest_due import DueCount, DueSection
from metrics.digest_text import Lang, say
from metrics.engine import targets_year_used
from metrics.privacy import DEFAULT_THRESHOLD, small_token
from ui import kpi_view
from ui.formatting import fmt_change, fmt_date, fmt_int, fmt_period
from ui.i18n import t
from ui.status_style import status_style

FONT = "font-family:Arial,Helvetica,sans-serif;"
INK = "#111418"
MUTED = "#4a5160"
LINE = "#d0d4da"
TH = f"text-align:left;padding:6px 8px;border-bottom:2px solid {LINE};font-size:13px;color:{MUTED};"
TD = f"text-align:left;padding:6px 8px;border-bottom:1px solid {LINE};font-size:14px;"
NUM = TD.replace("text-align:left", "text-align:right") + "white-space:nowrap;"


def targets_label(d: Digest, lang: Lang) -> str:
    used = targets_year_used(d.end)
    if used == d.end.year:
        return t("targets_of_year", lang, year=used)
    return t("targets_of_earlier_year", lang, year=used, end_year=d.end.year)


def subject(d: Digest, lang: Lang) -> str:
    return say("subject", lang, date=fmt_date(d.as_of, lang), off=d.count("off"),
               risk=d.count("risk"))  # fmt: skip


def _status(row: dict[str, object] | None, lang: Lang) -> str:
    """Icon (in the status colour) and word; the icon alone never carries the meaning."""
    if row is None:
        return "–"
    s = kpi_view.shown_row(row, lang)
    word = s.status_text.split(" ", 1)[1]
    return (
        f'<span style="color:{s.style.colour};font-weight:bold;">{s.style.icon}</span>'
        f"&nbsp;{html.escape(word)}"
    )


def _change(line: MetricLine, lang: Lang) -> str:
    unit = registry.get(line.metric_id).unit
    return html.escape(fmt_change(line.change, unit, lang)) if line.before is not None else "–"


def _table(section: str, head: list[str], rows: list[str]) -> str:
    ths = "".join(
        f'<th style="{TH if i == 0 else TH.replace("left", "right")}">{html.escape(h)}</th>'
        for i, h in enumerate(head)
    )
    return (
        f'<table role="presentation" data-section="{section}" width="100%" cellpadding="0" '
        f'cellspacing="0" border="0" style="border-collapse:collapse;{FONT}color:{INK};">'
        f"<tr>{ths}</tr>{''.join(rows)}</table>"
    )


def _row(line: MetricLine, lang: Lang, cells: list[str]) -> str:
    s = kpi_view.shown_row(line.row, lang)
    colour = status_style(line.status, s.metric.has_target).colour
    title = html.escape(kpi_view.title(s.metric, lang))
    first = f'<td style="{TD}border-left:4px solid {colour};">{title}</td>'
    rest = "".join(f'<td style="{NUM}">{c}</td>' for c in cells)
    return f'<tr data-metric="{line.metric_id}">{first}{rest}</tr>'


def _attention(d: Digest, lang: Lang) -> str:
    lines = d.attention()
    if not lines:
        return _para(say("attention_none", lang))
    head = [t("col_metric", lang), t("col_value", lang), t("col_target", lang),
            t("col_status", lang), say("col_change", lang)]  # fmt: skip
    rows = []
    for line in lines:
        s = kpi_view.shown_row(line.row, lang)
        cells = [html.escape(s.value), html.escape(s.target), _status(line.row, lang),
                 _change(line, lang)]  # fmt: skip
        rows.append(_row(line, lang, cells))
    return _table("attention", head, rows)


def _changed(d: Digest, lang: Lang) -> str:
    if d.week_ago_end is None:
        return _para(say("no_week", lang, start=fmt_date(d.start, lang)))
    lines = d.changed()
    if not lines:
        return _para(say("changed_none", lang))
    head = [t("col_metric", lang), say("col_before", lang), say("col_now", lang)]
    rows = [
        _row(line, lang, [_status(line.before, lang), _status(line.row, lang)]) for line in lines
    ]
    return _table("changed", head, rows)


def _all(d: Digest, lang: Lang) -> str:
    head = [t("col_metric", lang), t("col_value", lang), say("col_change", lang),
            t("col_target", lang), t("col_status", lang)]  # fmt: skip
    rows = []
    for line in d.lines:
        s = kpi_view.shown_row(line.row, lang)
        cells = [html.escape(s.value), _change(line, lang), html.escape(s.target),
                 _status(line.row, lang)]  # fmt: skip
        rows.append(_row(line, lang, cells))
    return _table("all", head, rows)


def due_cell(c: DueCount, lang: Lang) -> str:
    """A count as the screens show it: the small-number token when hidden."""
    return small_token() if c.hidden else fmt_int(c.cases, lang)


def due_rule_name(rule: str, lang: Lang) -> str:
    return t("due_total", lang) if rule == TOTAL else kpi_view.title(registry.get(rule), lang)


def _due(due: DueSection, lang: Lang) -> str:
    head = [t("due_col_rule", lang), t("due_col_overdue", lang),
            t("due_col_due", lang, n=due.within)]  # fmt: skip
    rows = []
    for r in due.rows:
        bold = "font-weight:bold;" if r.rule == TOTAL else ""
        cells = [f'<td style="{TD}{bold}">{html.escape(due_rule_name(r.rule, lang))}</td>'] + [
            f'<td style="{NUM}{bold}">{html.escape(due_cell(c, lang))}</td>'
            for c in (r.overdue, r.due)
        ]
        rows.append(f'<tr data-rule="{r.rule}">{"".join(cells)}</tr>')
    intro = say("due_intro", lang, as_of=fmt_date(due.as_of, lang), n=due.within,
                until=fmt_date(due.until, lang))  # fmt: skip
    return _para(html.escape(intro), f"color:{MUTED};") + _table("due", head, rows)


def _para(text: str, extra: str = "") -> str:
    return f'<p style="margin:0 0 10px 0;{FONT}font-size:14px;color:{INK};{extra}">{text}</p>'


def _heading(text: str) -> str:
    return (
        f'<h2 style="margin:18px 0 8px 0;{FONT}font-size:17px;color:{INK};">'
        f"{html.escape(text)}</h2>"
    )


def render_html(d: Digest, lang: Lang, dashboard_url: str, attached: bool) -> str:
    """The whole mail body (a complete HTML document)."""
    e = html.escape
    period = fmt_period(d.start, d.end, lang)
    intro = say("intro", lang, as_of=fmt_date(d.as_of, lang), period=period,
                targets=targets_label(d, lang))  # fmt: skip
    link = (
        f'<a href="{e(dashboard_url, quote=True)}" style="color:#0072B2;font-weight:bold;">'
        f"{e(say('open_dashboard', lang))}</a>"
    )
    notes = [say("small_note", lang, n=DEFAULT_THRESHOLD, small=small_token())]
    if d.week_ago_end is not None:
        notes.append(say("week_ago_note", lang, end=fmt_date(d.week_ago_end, lang)))
    if attached:
        notes.append(say("attachment_note", lang))
    notes.append(say("sent_by", lang))
    body = "".join(
        [
            f'<h1 style="margin:0 0 4px 0;{FONT}font-size:22px;color:{INK};">'
            f"{e(say('title', lang))}</h1>",
            _para(f"<b>{e(t('area_name', lang))}</b>"),
            _para(e(intro), f"color:{MUTED};"),
            _para(link),
            _heading(say("attention", lang)),
            _attention(d, lang),
            _heading(say("changed", lang)),
            _changed(d, lang),
            *([_heading(say("due", lang)), _due(d.due, lang)] if d.due is not None else []),
            _heading(say("all_metrics", lang)),
            _all(d, lang),
            *[_para(e(n), f"font-size:12px;color:{MUTED};margin-top:10px;") for n in notes],
        ]
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(subject(d, lang))}</title></head>"
        '<body style="margin:0;padding:0;background:#eef0f3;">'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        'style="background:#eef0f3;"><tr><td align="center" style="padding:16px 8px;">'
        '<table role="presentation" width="680" cellpadding="0" cellspacing="0" border="0" '
        f'style="width:680px;max-width:680px;background:#ffffff;border:1px solid {LINE};">'
        f'<tr><td style="padding:20px 24px;{FONT}color:{INK};">{body}</td></tr>'
        "</table></td></tr></table></body></html>"
    )
