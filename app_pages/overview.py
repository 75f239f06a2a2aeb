"""Yleiskuva / Overview: every target as a card, grouped by the plan's six goals."""

import streamlit as st

from metrics.registry import GOALS
from ui import blocks, board_report_download, cards, downloads, kpi_view
from ui.i18n import t

ctx = blocks.require_context("nav_overview")
lang = ctx.lang
st.markdown(f"{t('overview_intro', lang)} **{blocks.area_caption(ctx)}**")
all_cards = cards.card_data(ctx)
counts = {k: 0 for k in ("ok", "risk", "off", "none")}
for c in all_cards.values():
    if c.shown.metric.has_target:
        counts[c.shown.status or "none"] += 1
st.markdown(f"**{t('summary_counts', lang, **counts)}**")

with st.container(horizontal=True, vertical_alignment="center"):
    board_report_download.button(ctx)
    downloads.buttons(
        downloads.kpi_for_download(ctx.kpi()),
        downloads.file_stem("kpi", ctx.start, ctx.end),
        "overview_kpi",
        lang,
    )

goals = [
    (kpi_view.goal_title(goal, lang), [all_cards[m.id] for m in metrics])
    for goal, g in GOALS.items()
    if g.on_overview
    if (metrics := [m for m in kpi_view.metrics_of_goal(goal) if m.id in all_cards])
]
cards.draw_goals(goals, lang)
