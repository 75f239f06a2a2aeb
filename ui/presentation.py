"""Presentation mode for a meeting room: no sidebar or toolbar, large type, the area and the
period on every slide, a first slide summarising every status, then one goal per screen,
the small-number rule always applied (the cards use suppressed rows).
URL: ``?esitys=1&dia=N`` (N = 0 the summary, 1… the goals in the registry's order, then
the finances slide when cost data is loaded: ui/presentation_finances.py).

A clicker sends the arrow keys, Page Up/Down or space: Streamlit's own button shortcuts
(``st.button(shortcut=…)``, handled in the browser, ignored while typing in a field) move
back and forth. The visible buttons take ← and →; three more buttons, hidden by CSS, take
Page Up, Page Down and space, since a button has one shortcut.
"""

from __future__ import annotations

import html
from datetime import date

import streamlit as st

from access.roles import PageKind
from metrics.registry import GOALS, goals_with_page
from ui import blocks, cards, kpi_view, presentation_finances, sidebar
from ui.cards import CardData
from ui.formatting import fmt_period
from ui.i18n import Lang, t
from ui.page_context import PageContext
from ui.pages import OTHER_PAGES
from ui.status_style import STATUS_STYLES

GOAL_SLIDES: tuple[str, ...] = goals_with_page()  # every goal with a page, in order
FINANCE_SLIDE = 1 + len(GOAL_SLIDES)  # the summary first, the finances last
FINANCES_PATH = next(path for _, path, _, _, kind in OTHER_PAGES if kind == PageKind.FINANCES)
_STATUS_ORDER = ("ok", "risk", "off", "none")
# (button key, shortcut, step): the visible buttons' keys stay slide_prev / slide_next.
_HIDDEN_KEYS = (("slide_pageup", "PageUp", -1), ("slide_pagedown", "PageDown", 1))
_SPACE = ("slide_space", "Space", 1)

CSS = """<style>
.st-key-slide_keys {display: none !important;}
.st-key-slide_body {height: calc(100vh - 6.2rem); overflow: hidden auto;}
.st-key-slide_body h1 {font-size: 2rem !important; padding-top: .2rem; line-height: 1.2;}
.st-key-slide_cards_two .kpi-grid {grid-template-columns: repeat(2, 1fr);}
.st-key-slide_cards_rows .kpi-grid {zoom: .72;}
.slide-where {font-size: 1.2rem; font-weight: 700; margin: 0;}
.slide-counts {display: flex; gap: 1rem; flex-wrap: wrap; margin: .4rem 0 1rem 0;}
.slide-count {border: 2px solid var(--kpi-accent); border-left-width: 10px; border-radius: 8px;
  padding: .3rem 1rem; font-size: 1.4rem; font-weight: 700;}
.slide-count .n {font-size: 2.6rem; margin-right: .4rem;}
.slide-count .icon, .slide-list .icon {color: var(--kpi-accent);}
.slide-lists {display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
  gap: .4rem 1.5rem;}
.slide-list h3 {font-size: 1.25rem !important; margin: 0 0 .3rem 0; padding: 0;}
.slide-list ul {margin: 0; padding-left: 0; list-style: none; font-size: 1.02rem;}
.slide-list li {margin: 0 0 .3rem 0; line-height: 1.3;}
.slide-list .value {font-weight: 700; white-space: nowrap;}
</style>"""


def slide_count(finances: bool) -> int:
    """The number of slides: the summary, the goals, and the finances when cost data is
    loaded."""
    return FINANCE_SLIDE + (1 if finances else 0)


def slide_of_path(url_path: str) -> int:
    """The slide that presentation mode opens on from the page at ``url_path``: that goal's
    slide on a goal page, the finances slide on the Finances page, the summary elsewhere."""
    for i, goal in enumerate(GOAL_SLIDES, start=1):
        if GOALS[goal].url_path == url_path:
            return i
    return FINANCE_SLIDE if url_path == FINANCES_PATH else 0


def card_layout(n: int) -> str:
    """How a goal slide lays out ``n`` cards to fit one screen without scrolling (a clicker
    cannot scroll): two cards side by side at half the width each (their long Finnish titles
    then wrap less), up to three in a row as elsewhere, and more than three (two rows) drawn
    smaller (CSS ``zoom``), so both rows fit 1080 px and 900 px alike."""
    return "two" if n == 2 else "row" if n <= 3 else "rows"


def summary_html(all_cards: dict[str, CardData], lang: Lang) -> str:
    """The first slide: the counts of ✔ ▲ ✖ ○ and every target under its status."""
    counts, _ = cards.status_counts(all_cards)
    groups: dict[str, list[str]] = {k: [] for k in _STATUS_ORDER}
    for card in all_cards.values():
        s = card.shown
        if not s.metric.has_target or card.whole_area or s.style.key == "areaonly":
            continue
        title = html.escape(kpi_view.title(s.metric, lang))
        groups[s.status or "none"].append(
            f'<li>{title} <span class="value">{html.escape(s.value)}</span></li>'
        )
    tiles, lists = [], []
    for key in _STATUS_ORDER:
        style = STATUS_STYLES[key]
        word = html.escape(t(style.text_key, lang))
        accent = f'style="--kpi-accent:{style.colour}"'
        tiles.append(
            f'<div class="slide-count" data-status="{key}" {accent}><span class="n">'
            f'{counts[key]}</span><span class="icon">{style.icon}</span> {word}</div>'
        )
        if groups[key]:
            lists.append(
                f'<section class="slide-list" {accent}><h3><span class="icon">{style.icon}'
                f"</span> {word}</h3><ul>{''.join(groups[key])}</ul></section>"
            )
    return (
        f'<div class="slide-counts">{"".join(tiles)}</div>'
        f'<div class="slide-lists">{"".join(lists)}</div>'
    )


def _step_button(
    key: str, label: str, shortcut: str, index: int, step: int, count: int, **kw: object
) -> None:
    target = index + step
    st.button(
        label,
        key=key,
        shortcut=shortcut,
        disabled=not 0 <= target < count,
        on_click=sidebar.set_slide,
        args=(target,),
        **kw,  # type: ignore[arg-type]
    )


def _navigation(index: int, count: int, lang: Lang) -> None:
    nav = st.columns([1.4, 1.4, 3, 2.2], vertical_alignment="center")
    with nav[0]:
        _step_button("slide_prev", t("prev", lang), "Left", index, -1, count,
                     icon=":material/arrow_back:", width="stretch")  # fmt: skip
    with nav[1]:
        _step_button("slide_next", t("next", lang), "Right", index, 1, count,
                     icon=":material/arrow_forward:", width="stretch")  # fmt: skip
    nav[2].markdown(f"**{t('slide_of', lang, i=index + 1, n=count)}**")
    nav[3].button(
        t("exit_presentation", lang),
        icon=":material/close:",
        on_click=sidebar.set_presentation,
        args=(False,),
        key="slide_exit",
        width="stretch",
    )
    with st.container(key="slide_keys"):  # what a clicker sends besides the arrows
        for key, shortcut, step in (*_HIDDEN_KEYS, _SPACE):
            _step_button(key, shortcut, shortcut, index, step, count)


def _where(text: str) -> None:
    st.html(f'<p class="slide-where">{html.escape(text)}</p>')


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    finances = presentation_finances.finance_slide(ctx)
    count = slide_count(finances is not None)
    index = min(max(ctx.view.slide, 0), count - 1)
    st.html(CSS)
    _navigation(index, count, lang)
    with st.container(key="slide_body"):
        if finances is not None and index == FINANCE_SLIDE:
            st.title(presentation_finances.title(finances, lang), anchor=False)
            period = fmt_period(date(finances.year, 1, 1), finances.end, lang)
            _where(f"{blocks.area_caption(ctx)} · {period}")
            presentation_finances.render(ctx, finances)
            return
        if index == 0:
            st.title(t("slide_summary", lang), anchor=False)
        else:
            st.title(kpi_view.goal_title(GOAL_SLIDES[index - 1], lang), anchor=False)
        _where(f"{blocks.area_caption(ctx)} · {fmt_period(ctx.start, ctx.end, lang)}")
        st.caption(ctx.freshness())
        all_cards = cards.card_data(ctx)
        if index == 0:
            st.html(summary_html(all_cards, lang))
            return
        goal = GOAL_SLIDES[index - 1]
        metric_ids = [m.id for m in kpi_view.metrics_of_goal(goal) if m.id in all_cards]
        with st.container(key=f"slide_cards_{card_layout(len(metric_ids))}"):
            cards.draw_grid([all_cards[m] for m in metric_ids], lang)
