"""Deadlines coming up (docs/spec/METRICS.md, "the weekly list") on screen: the section
``deadlines_due`` of the service-process page and the overview's card "Määräajat tällä
viikolla / Deadlines this week".

Counts only, under the small-number rule on every screen (metrics.deadlines_due_privacy,
docs/privacy.md): by rule for the chosen area, and over all rules by service area and
municipality. No case id is ever shown; the analyst's case list is a download offered only
to the roles that may take unsuppressed data (ui.downloads.unsuppressed_buttons), like
``python -m metrics due --cases``.
"""

from __future__ import annotations

import html
from datetime import date
from urllib.parse import urlencode

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import PageKind
from common.reference import municipalities
from metrics import privacy
from metrics.registry import GOALS, get
from ui import cached_queries, downloads, kpi_view, tables
from ui.formatting import MISSING, fmt_date, fmt_int
from ui.i18n import Lang, t
from ui.page_context import PageContext
from ui.view import params_from_view

SECTION = "deadlines_due"  # the breakdown key of goal palveluprosessi (metrics.registry)
SERVICE_PROCESS = "palveluprosessi"
CARD_WITHIN = 5  # the card's window: the weekly meeting's week, never chosen on screen


@st.cache_data(max_entries=32, show_spinner=False)
def due_on_screen(path: str, identity: str, within: int) -> pl.DataFrame:
    """The counts of every level and the totals over the rules under the small-number rule
    (``cases`` null where hidden, ``cases_suppressed``)."""
    from metrics.deadlines_due import due_counts
    from metrics.deadlines_due_privacy import suppress_due

    con = cached_queries.cursor(cached_queries.DbHandle(path, identity))
    return suppress_due(due_counts(con, within=within), privacy.DEFAULT_THRESHOLD)


@st.cache_data(max_entries=16, show_spinner=False)
def due_raw(path: str, identity: str, within: int) -> pl.DataFrame:
    """The counts as ``python -m metrics due`` writes them without ``--suppress``."""
    from metrics.deadlines_due import due_counts

    return due_counts(cached_queries.cursor(cached_queries.DbHandle(path, identity)), within=within)


@st.cache_data(max_entries=16, show_spinner=False)
def due_case_list(path: str, identity: str, within: int) -> pl.DataFrame:
    """The analyst's case list (``python -m metrics due --cases``)."""
    from metrics.deadlines_due import due_cases

    return due_cases(cached_queries.cursor(cached_queries.DbHandle(path, identity)), within=within)


def due_until(as_of: date, within: int) -> date:
    from metrics.deadlines_due import due_until as last_day

    return last_day(as_of, within)


def cell(row: dict[str, object], lang: Lang) -> str:
    """A count as the screen shows it: ``<5`` when hidden, a Finnish or English integer."""
    if row.get("cases_suppressed"):
        return privacy.SMALL
    value = row.get("cases")
    return fmt_int(value if isinstance(value, int) else None, lang)


def _pair(table: pl.DataFrame, level: str, area: str, rule: str, lang: Lang) -> tuple[str, str]:
    """(overdue, due) of one rule (or the total) in one area, as the screen shows them."""
    rows = table.filter(
        (pl.col("level") == level) & (pl.col("area") == area) & (pl.col("rule") == rule)
    )
    by_group = {str(r["group"]): cell(r, lang) for r in rows.iter_rows(named=True)}
    return by_group.get("overdue", MISSING), by_group.get("due", MISSING)


def rule_frame(table: pl.DataFrame, level: str, area: str, within: int, lang: Lang) -> pl.DataFrame:
    """The chosen area's counts by rule and in total, as the screen shows them."""
    from metrics.deadlines_due import DUE_RULES
    from metrics.deadlines_due_privacy import TOTAL

    names = [kpi_view.title(get(r), lang) for r in DUE_RULES] + [t("due_total", lang)]
    pairs = [_pair(table, level, area, r, lang) for r in (*DUE_RULES, TOTAL)]
    return pl.DataFrame(
        {
            t("due_col_rule", lang): names,
            t("due_col_overdue", lang): [p[0] for p in pairs],
            t("due_col_due", lang, n=within): [p[1] for p in pairs],
        }
    )


def sub_areas(level: str, area: str) -> list[tuple[str, str]]:
    """The areas under the chosen one: service areas and municipalities of the whole area,
    the municipalities of a service area, none under a municipality."""
    kunnat = municipalities()
    if level == "koko_alue":
        service = list(dict.fromkeys(m.palvelualue for m in kunnat))
        return [("palvelualue", s) for s in service] + [("kunta", m.kunta) for m in kunnat]
    if level == "palvelualue":
        return [("kunta", m.kunta) for m in kunnat if m.palvelualue == area]
    return []


def area_frame(table: pl.DataFrame, level: str, area: str, within: int, lang: Lang) -> pl.DataFrame:
    """Overdue and due over all rules for each area under the chosen one."""
    from metrics.deadlines_due_privacy import TOTAL

    areas = sub_areas(level, area)
    pairs = [_pair(table, lv, ar, TOTAL, lang) for lv, ar in areas]
    return pl.DataFrame(
        {
            t("bcol_area", lang): [ar for _, ar in areas],
            t("bcol_level", lang): [t(f"level_{lv}", lang) for lv, _ in areas],
            t("due_col_overdue", lang): [p[0] for p in pairs],
            t("due_col_due", lang, n=within): [p[1] for p in pairs],
        }
    )


def section(ctx: PageContext, goal: str) -> None:
    """The service-process page's weekly list, with a selector of N (1-20, default 5)."""
    lang = ctx.lang
    st.markdown(f"#### {t(SECTION, lang)}")
    within = int(
        st.select_slider(
            t("due_within", lang),
            options=list(range(1, 21)),
            value=CARD_WITHIN,
            key="due_within",
            bind="query-params",
        )
    )
    as_of = ctx.info.as_of
    st.caption(
        t(
            "due_intro",
            lang,
            as_of=fmt_date(as_of, lang),
            until=fmt_date(due_until(as_of, within), lang),
            n=within,
        )
    )
    table = due_on_screen(ctx.db.path, ctx.db.identity, within)
    level, area = ctx.view.area.level, ctx.view.area.area
    tables.show(rule_frame(table, level, area, within, lang), lang)
    if sub_areas(level, area):
        st.caption(t("due_by_area", lang))
        tables.show(area_frame(table, level, area, within, lang), lang)
    stem = f"deadlines_due_{as_of.isoformat()}_{within}"
    with st.container(horizontal=True):
        downloads.buttons(table, stem, "due", lang)
        downloads.unsuppressed_buttons(
            due_raw(ctx.db.path, ctx.db.identity, within), stem, "due", lang
        )
        cases = due_case_list(ctx.db.path, ctx.db.identity, within)
        downloads.unsuppressed_buttons(
            cases, f"deadlines_due_cases_{as_of}_{within}", "due_cases", lang, "due_download_cases"
        )
    if downloads.may_take_unsuppressed():
        st.caption(t("due_cases_note", lang))


def card_link(ctx: PageContext) -> str | None:
    """The service-process page's weekly list in the same view; None for a role that may not
    open that page (the board)."""
    if PageKind.SERVICE_PROCESS not in current_access().pages:
        return None
    # The section selector is bound to the URL by its label (Streamlit's query-params binding).
    params = params_from_view(ctx.view) | {f"breakdown_{SERVICE_PROCESS}": t(SECTION, ctx.lang)}
    return f"{GOALS[SERVICE_PROCESS].url_path}?{urlencode(params)}"


def card_html(ctx: PageContext) -> str:
    """The overview's card: overdue and due within 5 working days for the chosen area (all
    rules), under the small-number rule, linking to the weekly list."""
    from metrics.deadlines_due_privacy import TOTAL

    lang = ctx.lang
    table = due_on_screen(ctx.db.path, ctx.db.identity, CARD_WITHIN)
    overdue, due = _pair(table, ctx.view.area.level, ctx.view.area.area, TOTAL, lang)
    until = fmt_date(due_until(ctx.info.as_of, CARD_WITHIN), lang)
    title = html.escape(t("due_card_title", lang))
    parts = [
        f'<div class="due-card-title" style="font-weight:700">{title}</div>',
        '<div class="due-card-figures">',
        f'<span class="due-card-value" style="font-size:1.6rem">{html.escape(overdue)}</span> '
        f"{html.escape(t('due_card_overdue', lang))}",
        f' · <span class="due-card-value" style="font-size:1.6rem">{html.escape(due)}</span> '
        f"{html.escape(t('due_card_due', lang, until=until))}",
        "</div>",
    ]
    link = card_link(ctx)
    if link is not None:
        label = html.escape(t("due_card_link", lang))
        parts.append(
            f'<div class="kpi-meta"><a href="{html.escape(link)}" target="_self">{label}</a></div>'
        )
    body = "".join(parts)
    return f'<section class="kpi-card due-card" style="--kpi-accent:#0072B2">{body}</section>'


def draw_card(ctx: PageContext) -> None:
    st.html(card_html(ctx))
