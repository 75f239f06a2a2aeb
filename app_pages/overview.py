"""Yleiskuva / Overview: every target as a card, grouped by the plan's six goals."""

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import PageKind
from metrics.registry import GOALS
from ui import blocks, board_report_download, cards, downloads, due_view, kpi_view, pages
from ui.i18n import t

ctx = blocks.require_context("nav_overview")
lang = ctx.lang
st.markdown(f"{t('overview_intro', lang)} **{blocks.area_caption(ctx)}**")
all_cards = cards.card_data(ctx)
counts, whole_area = cards.status_counts(all_cards)
summary = f"**{t('summary_counts', lang, **counts)}**"
if whole_area:
    summary += f" · {t('summary_whole_area_left_out', lang, n=whole_area)}"
st.markdown(summary)

with st.container(horizontal=True, vertical_alignment="center"):
    board_report_download.button(ctx)
    stem = downloads.file_stem("kpi", ctx.start, ctx.end)
    # What the cards show (small numbers as <5), and separately the analyst's raw numbers;
    # the period's rows, then the period's a year earlier (metrics export --compare).
    # Each menu's rows are put together when it is opened.
    shown = lambda: pl.concat([ctx.kpi_on_screen(), ctx.kpi_year_earlier_on_screen()])  # noqa: E731
    downloads.buttons(shown, stem, "overview_kpi", lang)
    if downloads.may_take_unsuppressed():  # the raw tables are computed only for them
        raw = lambda: pl.concat([ctx.kpi(), ctx.kpi_year_earlier()])  # noqa: E731
        downloads.unsuppressed_buttons(raw, stem, "overview_kpi", lang)
    if PageKind.MEETING in current_access().pages:
        st.page_link(pages.MEETING_FILE, label=t("meeting_open", lang), icon=":material/groups_3:")

due_view.draw_card(ctx)  # Määräajat tällä viikolla / Deadlines this week

goals = [
    (kpi_view.goal_title(goal, lang), [all_cards[m.id] for m in metrics])
    for goal, g in GOALS.items()
    if g.on_overview
    if (metrics := [m for m in kpi_view.metrics_of_goal(goal) if m.id in all_cards])
]
cards.draw_goals(goals, lang)
