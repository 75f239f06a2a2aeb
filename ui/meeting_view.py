"""Viikkopalaveri / Weekly meeting: every target in one compact table, the municipality ×
target matrix, and what changed status since last week and since the previous month.

Everything comes from the registry and the KPI table under the small-number rule: the
table's cells are the overview's cards (ui/cards.py: value, a year earlier, target, status,
change in a week, pending), the matrix the municipal rows of the same table, the changes two
KPI tables of earlier as-of dates (ui/meeting_queries.py) compared by ui/meeting_data.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

import streamlit as st

from metrics.registry import GOALS
from ui import blocks, cards, kpi_view, meeting_data, meeting_queries, pages
from ui.formatting import MISSING, fmt_date
from ui.i18n import Lang, t
from ui.page_context import PageContext
from ui.status_style import STATUS_STYLES
from ui.year_earlier_view import YearEarlier

CSS = """<style>
.block-container, [data-testid="stMainBlockContainer"] {padding-top: 4rem !important;}
.meet-table, .meet-matrix {border-collapse: collapse; font-size: .86rem; line-height: 1.25;
  font-variant-numeric: tabular-nums; width: 100%;}
.meet-table {font-size: .78rem; line-height: 1.15;}
.meet-table th, .meet-matrix th {text-align: left; font-weight: 700; padding: .2rem .45rem;
  border-bottom: 2px solid rgba(128,128,128,.6); vertical-align: bottom;}
.meet-table td, .meet-matrix td {padding: .17rem .45rem;
  border-bottom: 1px solid rgba(128,128,128,.25);}
.meet-table td {padding: .08rem .3rem; white-space: nowrap;}
.meet-table td.meet-metric {white-space: normal;}
.meet-table td.num, .meet-table th.num {text-align: right; white-space: nowrap;}
.meet-status {white-space: nowrap; font-weight: 700;}
.meet-status .icon {color: var(--kpi-accent); display: inline-block; width: 1.1em;}
.meet-table .scope {font-size: .8em; opacity: .8;}
.meet-table td.ye-none {cursor: help;}
.meet-matrix th.kunta {writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  text-align: left; padding: .3rem .1rem; font-weight: 600;}
.meet-matrix th.home {text-decoration: underline;}
.meet-matrix td.cell {text-align: center; font-weight: 700; padding: .15rem .1rem;
  background: color-mix(in srgb, var(--kpi-accent) 30%, transparent);
  border: 1px solid rgba(128,128,128,.3); min-width: 2.1rem; cursor: default;}
.meet-matrix td.cell.hidden {background: transparent; font-weight: 400; font-size: .8em;}
</style>"""


def _status_html(text: str, colour: str, icon: str) -> str:
    return (
        f'<span class="meet-status" style="--kpi-accent:{colour}">'
        f'<span class="icon" aria-hidden="true">{icon}</span>{escape(text)}</span>'
    )


def year_earlier_cell(line: YearEarlier | None) -> str:
    """The card's year-earlier line (ui/year_earlier_view.py) as a cell: its value, the whole
    line (the value and the change) in the title; ``–`` when there is none, with the reason
    (no data a year earlier, the rule not in force) in the title. The change stays in the
    title so that every row keeps to one line and all metrics fit one screen."""
    if line is None:
        return f'<td class="num meet-ye">{MISSING}</td>'
    tip = escape(line.text, quote=True)
    if line.note or line.value is None:
        return f'<td class="num meet-ye ye-none" title="{tip}">{MISSING}</td>'
    return f'<td class="num meet-ye" title="{tip}">{escape(line.value)}</td>'


def table_html(all_cards: dict[str, cards.CardData], lang: Lang) -> str:
    """Every metric in one row: title, value, a year earlier, target, status, change in a
    week, pending."""
    head = [
        ("", "col_metric"),
        ("num", "col_value"),
        ("num", "col_year_earlier"),
        ("num", "col_target"),
        ("", "col_status"),
        ("num", "meeting_col_change_week"),
        ("num", "col_pending"),
    ]
    th = "".join(f'<th class="{c}">{escape(t(key, lang))}</th>' for c, key in head)
    rows = []
    for card in all_cards.values():
        s = card.shown
        title = escape(kpi_view.title(s.metric, lang))
        if card.whole_area:
            title += f' <span class="scope">({escape(t("meeting_whole_area_mark", lang))})</span>'
        status = _status_html(t(s.style.text_key, lang), s.style.colour, s.style.icon)
        cells = [
            f'<td class="meet-metric">{title}</td>',
            f'<td class="num meet-value">{escape(s.value)}</td>',
            year_earlier_cell(card.year_earlier),
            f'<td class="num">{escape(s.target)}</td>',
            f"<td>{status}</td>",
            f'<td class="num">{escape(card.change or "")}</td>',
            f'<td class="num">{escape(s.pending or "")}</td>',
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    body = "".join(rows)
    return f'<table class="meet-table"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def matrix_html(rows: list[meeting_data.MatrixRow], home: list[str], lang: Lang) -> str:
    """The municipality × target matrix: a cell per target and municipality with the status
    colour and icon (colour-blind safe: the icon says it without colour) and the value in
    its tooltip; a cell the small-number rule hides shows ``<5`` and no status."""
    if not rows:
        return ""
    kunnat = [k for k, _ in rows[0].cells]
    th = "".join(
        f'<th class="kunta{" home" if k in home else ""}">{escape(k)}</th>' for k in kunnat
    )
    body = []
    for row in rows:
        title = kpi_view.title(row.metric, lang)
        tds = []
        for kunta, s in row.cells:
            tip = f"{kunta} · {title}: {s.value} · {s.status_text}"
            if s.suppressed:
                tds.append(f'<td class="cell hidden" title="{escape(tip)}">{escape(s.value)}</td>')
                continue
            tds.append(
                f'<td class="cell" data-status="{s.style.key}" title="{escape(tip)}" '
                f'style="--kpi-accent:{s.style.colour}" aria-label="{escape(tip)}">'
                f"{s.style.icon}</td>"
            )
        body.append(f"<tr><th>{escape(title)}</th>{''.join(tds)}</tr>")
    return (
        f'<table class="meet-matrix"><thead><tr><th></th>{th}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _change_line(change: meeting_data.StatusChange, lang: Lang, prefix: str = "") -> None:
    """One change as a link to its goal's page: ``Mittari: ✔ Tavoitteessa → ✖ Ei …``."""
    before, after = STATUS_STYLES[change.before], STATUS_STYLES[change.after]
    label = (
        f"{prefix}{kpi_view.title(change.metric, lang)}: {before.icon} "
        f"{t(before.text_key, lang)} → {after.icon} {t(after.text_key, lang)}"
    )
    goal = GOALS[change.metric.goal]
    if goal.page is None:
        st.markdown(label)
    else:
        st.page_link(pages.goal_page(change.metric.goal, lang), label=label, icon=goal.icon)


def _changes(ctx: PageContext, since: date, heading: str) -> None:
    lang = ctx.lang
    st.markdown(f"**{heading}** · {fmt_date(since, lang)} → {fmt_date(ctx.info.as_of, lang)}")
    earlier = meeting_queries.table_at(ctx, since)
    if earlier is None:
        st.caption(t("meeting_no_comparison", lang))
        return
    area = ctx.view.area
    table = ctx.kpi_on_screen()
    now = meeting_data.rows_for_area(table, area)
    changes = meeting_data.status_changes(now, meeting_data.rows_for_area(earlier, area))
    for c in changes:
        _change_line(c, lang)
    if not changes:
        st.caption(t("meeting_no_changes", lang))
    if area.level == "kunta":
        return
    kunnat = meeting_data.home_municipalities(area) or meeting_data.municipality_order(area)
    local = meeting_data.municipal_changes(table, earlier, kunnat)
    st.caption(t("meeting_in_municipalities", lang, n=len(local)))
    for kunta, c in local:
        _change_line(c, lang, prefix=f"{kunta} · ")


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    all_cards = cards.card_data(ctx)
    counts, whole_area = cards.status_counts(all_cards)
    summary = f"**{t('summary_counts', lang, **counts)}**"
    if whole_area:
        summary += f" · {t('summary_whole_area_left_out', lang, n=whole_area)}"
    st.markdown(f"{blocks.area_caption(ctx)} · {summary}")
    st.html(CSS + table_html(all_cards, lang))
    st.subheader(t("meeting_changes", lang), anchor=False)
    a = ctx.info.as_of  # one under the other: a line is as wide as the page, never cut
    _changes(ctx, a - timedelta(days=7), t("meeting_since_week", lang))
    _changes(ctx, meeting_data.minus_months(a, 1), t("meeting_since_month", lang))
    st.subheader(t("meeting_matrix", lang), anchor=False)
    st.caption(t("meeting_matrix_note", lang))
    area = ctx.view.area
    order = meeting_data.municipality_order(area)
    rows = meeting_data.matrix(ctx.kpi_on_screen(), order, lang)
    st.html(matrix_html(rows, meeting_data.home_municipalities(area), lang))
