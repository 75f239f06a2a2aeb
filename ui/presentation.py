"""Presentation mode for the board: no sidebar or toolbar, large type, one goal per screen
with previous/next, the small-number rule always applied (the cards use suppressed rows).
URL: ``?esitys=1&dia=N`` (N = the goal's index)."""

from __future__ import annotations

import streamlit as st

from metrics.registry import goals_with_page
from ui import cards, kpi_view, sidebar
from ui.i18n import t
from ui.page_context import PageContext

SLIDES: tuple[str, ...] = goals_with_page()  # every goal with a page, in order


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    index = min(max(ctx.view.slide, 0), len(SLIDES) - 1)
    goal = SLIDES[index]
    nav = st.columns([1.4, 1.4, 3, 2.2], vertical_alignment="center")
    nav[0].button(
        t("prev", lang),
        icon=":material/arrow_back:",
        disabled=index == 0,
        on_click=sidebar.set_slide,
        args=(index - 1,),
        key="slide_prev",
        width="stretch",
    )
    nav[1].button(
        t("next", lang),
        icon=":material/arrow_forward:",
        disabled=index == len(SLIDES) - 1,
        on_click=sidebar.set_slide,
        args=(index + 1,),
        key="slide_next",
        width="stretch",
    )
    nav[2].markdown(f"**{t('slide_of', lang, i=index + 1, n=len(SLIDES))}**")
    nav[3].button(
        t("exit_presentation", lang),
        icon=":material/close:",
        on_click=sidebar.set_presentation,
        args=(False,),
        key="slide_exit",
        width="stretch",
    )
    st.title(kpi_view.goal_title(goal, lang), anchor=False)
    st.caption(ctx.freshness())
    all_cards = cards.card_data(ctx)
    metric_ids = [m.id for m in kpi_view.metrics_of_goal(goal) if m.id in all_cards]
    cards.draw_grid([all_cards[m] for m in metric_ids], lang)
