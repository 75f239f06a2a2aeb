"""The shared sidebar: language, period and area, kept in the URL so a link reproduces the view.

On the first run of a session the choices are read from ``st.query_params``; after the
widgets have run, the URL is rewritten from them (defaults left out). Widgets keep their
state under fixed keys, so switching the language (which changes every label) keeps the
period and area.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from ui.formatting import fmt_month
from ui.i18n import LANGS, Lang, coerce_lang, t
from ui.view import (
    PERIOD_KINDS,
    SIDEBAR_PARAMS,
    AreaChoice,
    View,
    area_choices,
    months_until,
    params_from_view,
    view_from_params,
    years_until,
)

_INIT_FLAG = "_view_initialised"
LANG_KEY, PERIOD_KEY, MONTH_KEY, YEAR_KEY = "kieli", "jakso", "kk", "vuosi"
START_KEY, END_KEY, AREA_KEY = "alku", "loppu", "alue"
PRESENTATION_KEY, SLIDE_KEY = "esitys", "dia"
WIDGET_KEYS = (LANG_KEY, PERIOD_KEY, MONTH_KEY, YEAR_KEY, START_KEY, END_KEY, AREA_KEY)
_SAVED = "_view_saved"


def _save() -> None:
    st.session_state[_SAVED] = {k: st.session_state[k] for k in WIDGET_KEYS}


def _restore() -> None:
    """Widget state is dropped after a run that did not draw the widget (presentation mode
    has no sidebar), so the choices are kept apart as well and put back at each run."""
    saved = st.session_state.get(_SAVED, {})
    for key in WIDGET_KEYS:
        if key not in st.session_state and key in saved:
            st.session_state[key] = saved[key]


def init_state(as_of: date) -> None:
    """Fill the widget state from the URL once per session (a shared link opens its view)."""
    if st.session_state.get(_INIT_FLAG):
        _restore()
        return
    view = view_from_params({k: st.query_params[k] for k in st.query_params})
    months, years = months_until(as_of), years_until(as_of)
    state = st.session_state
    state[LANG_KEY] = view.lang
    state[PERIOD_KEY] = view.period
    state[MONTH_KEY] = view.month if view.month in months else months[0]
    state[YEAR_KEY] = view.year if view.year in years else years[0]
    state[START_KEY] = view.start or date(as_of.year, 1, 1)
    state[END_KEY] = view.end or as_of
    state[AREA_KEY] = view.area.key
    state[PRESENTATION_KEY] = view.presentation
    state[SLIDE_KEY] = view.slide
    state[_INIT_FLAG] = True
    _save()


def current_lang() -> Lang:
    return coerce_lang(st.session_state.get(LANG_KEY))


def current_view() -> View:
    """The view from the widget state (valid after :func:`init_state`)."""
    s = st.session_state
    return View(
        lang=current_lang(),
        period=s[PERIOD_KEY],
        month=s[MONTH_KEY],
        year=int(s[YEAR_KEY]),
        start=s[START_KEY],
        end=s[END_KEY],
        area=AreaChoice.from_key(s[AREA_KEY]),
        presentation=bool(s[PRESENTATION_KEY]),
        slide=int(s[SLIDE_KEY]),
    )


def area_label(key: str, lang: Lang) -> str:
    choice = AreaChoice.from_key(key)
    if choice.level == "koko_alue":
        return f"{t('area_whole', lang)} ({choice.area})"
    indent = "\u2003" if choice.level == "kunta" else ""
    return f"{indent}{choice.area} · {t('level_' + choice.level, lang).lower()}"


def render(as_of: date, *, presentation: bool = True, start_slide: int = 0) -> View:
    """Draws the sidebar widgets and returns the chosen view; the presentation button opens
    slide ``start_slide`` (the current goal page's)."""
    lang = current_lang()
    side = st.sidebar
    side.segmented_control(
        t("language", lang),
        LANGS,
        key=LANG_KEY,
        required=True,
        format_func=lambda code: {"fi": "Suomi", "en": "English"}[code],
    )
    lang = current_lang()
    side.selectbox(
        t("period", lang),
        PERIOD_KINDS,
        key=PERIOD_KEY,
        format_func=lambda kind: t(f"period_{kind}", lang),
    )
    kind = st.session_state[PERIOD_KEY]
    if kind == "month":
        side.selectbox(
            t("month", lang),
            months_until(as_of),
            key=MONTH_KEY,
            format_func=lambda key: fmt_month(int(key[:4]), int(key[5:]), lang),
        )
    elif kind == "year":
        side.selectbox(t("year", lang), years_until(as_of), key=YEAR_KEY)
    elif kind == "range":
        fmt = "DD.MM.YYYY" if lang == "fi" else "YYYY-MM-DD"
        lo, hi = date(2025, 1, 1), as_of
        side.date_input(
            t("range_from", lang), key=START_KEY, min_value=lo, max_value=hi, format=fmt
        )
        side.date_input(t("range_to", lang), key=END_KEY, min_value=lo, max_value=hi, format=fmt)
        if st.session_state[START_KEY] > st.session_state[END_KEY]:
            side.caption(t("range_reversed", lang))
    side.selectbox(
        t("area", lang),
        [c.key for c in area_choices()],
        key=AREA_KEY,
        format_func=lambda key: area_label(key, lang),
    )
    if presentation:
        side.button(
            t("presentation_on", lang),
            icon=":material/slideshow:",
            help=t("presentation_help", lang),
            on_click=set_presentation,
            args=(True, start_slide),
            width="stretch",
        )
    side.caption(t("copy_link_hint", lang))
    _save()
    return current_view()


def set_presentation(on: bool, slide: int = 0) -> None:
    st.session_state[PRESENTATION_KEY] = on
    st.session_state[SLIDE_KEY] = slide


def set_slide(index: int) -> None:
    st.session_state[SLIDE_KEY] = index


def sync_url(view: View) -> None:
    """Rewrite the sidebar's part of the URL from the view, only when it differs (to avoid
    needless history). Parameters bound to a page's widgets are left alone."""
    wanted = params_from_view(view)
    current = {k: st.query_params[k] for k in st.query_params if k in SIDEBAR_PARAMS}
    if current == wanted:
        return
    for key in current.keys() - wanted.keys():
        del st.query_params[key]
    for key, value in wanted.items():
        if current.get(key) != value:
            st.query_params[key] = value


def with_lang(view: View, lang: Lang) -> View:
    return replace(view, lang=lang)
