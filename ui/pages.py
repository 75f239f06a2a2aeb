"""The dashboard's pages for app.py and the tests, generated from the registry's goals.

Every goal with a page (metrics.registry.GOALS: its URL path, icon and kind) becomes an
``st.Page`` of its own function, in the goals' order; the overview, resources and data pages
are files in app_pages/. The overview answers at "/" (Streamlit's default page) and at
"/yleiskuva" (a hidden page of the same file: Streamlit routes no path to the default page).
A path that is no page gets our own bilingual page (``not_found``) instead of Streamlit's
English "Page not found" dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import unquote

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from access.roles import PageKind
from metrics.registry import GOALS, GoalPage, goals_with_page
from ui.i18n import Lang, t

OVERVIEW_FILE = "app_pages/overview.py"
OVERVIEW_PATH = "yleiskuva"
MEETING_FILE = "app_pages/meeting.py"
# The default page's own url_path: Streamlit serves the default page at "/" and needs a
# unique path for it that no link uses ("/yleiskuva" is the hidden alias's).
_DEFAULT_PATH = "etusivu"
# The plan's six goals, in the registry's order (the presentation's slides, the tests).
GOAL_KEYS: tuple[str, ...] = goals_with_page("goal")
_KIND_OF_GOAL_PAGE: dict[GoalPage, PageKind] = {
    "goal": PageKind.GOAL,
    "service_process": PageKind.SERVICE_PROCESS,
}
# Pages besides the goals': (file in app_pages/, URL path, title key, icon, kind).
OTHER_PAGES: tuple[tuple[str, str, str, str, PageKind], ...] = (
    (
        MEETING_FILE,
        "viikkopalaveri",
        "nav_meeting",
        ":material/groups_3:",
        PageKind.MEETING,
    ),
    (
        "app_pages/resources.py",
        "resurssit",
        "nav_resources",
        ":material/groups:",
        PageKind.RESOURCES,
    ),
    ("app_pages/finances.py", "talous", "nav_finances", ":material/euro:", PageKind.FINANCES),
    ("app_pages/data_page.py", "aineisto", "nav_data", ":material/database:", PageKind.DATA),
)

# url_path -> kind of page, for access.gate (the default page's url_path is "").
PAGE_KINDS: dict[str, PageKind] = {
    "": PageKind.OVERVIEW,
    OVERVIEW_PATH: PageKind.OVERVIEW,
    **{
        str(GOALS[key].url_path): _KIND_OF_GOAL_PAGE[page]
        for key in goals_with_page()
        if (page := GOALS[key].page) is not None
    },
    **{path: kind for _, path, _, _, kind in OTHER_PAGES},
}

# A path Streamlit can hold as a page's url_path: one segment, no control characters.
_VALID_PATH = re.compile(r"^[^/\x00-\x1f]{1,80}$")


def _goal_page_function(goal: str) -> Callable[[], None]:
    """The function that draws ``goal``'s page (each goal its own function: st.Page names a
    callable page after it)."""

    def run() -> None:
        from ui.goal_view import render_goal  # the page's views load when a goal page runs

        render_goal(goal)

    run.__name__ = run.__qualname__ = f"goal_{goal}"
    return run


GOAL_PAGE_FUNCTIONS: dict[str, Callable[[], None]] = {
    key: _goal_page_function(key) for key in goals_with_page()
}


def goal_page(goal: str, lang: Lang) -> StreamlitPage:
    g = GOALS[goal]
    return st.Page(
        GOAL_PAGE_FUNCTIONS[goal],
        title=t(f"goal_short_{goal}", lang),
        url_path=g.url_path,
        icon=g.icon,
    )


def sections(lang: Lang) -> dict[str, list[StreamlitPage]]:
    """``st.navigation``'s sections: the overview (and its hidden alias), the plan's goals,
    then the service process, resources and data."""
    overview = t("nav_overview", lang)
    first = [
        st.Page(
            OVERVIEW_FILE,
            title=overview,
            url_path=_DEFAULT_PATH,
            icon=":material/dashboard:",
            default=True,
        ),
        st.Page(OVERVIEW_FILE, title=overview, url_path=OVERVIEW_PATH, visibility="hidden"),
    ]
    more = [goal_page(key, lang) for key in goals_with_page("service_process")]
    more += [
        st.Page(file, title=t(title_key, lang), url_path=path, icon=icon)
        for file, path, title_key, icon, _ in OTHER_PAGES
    ]
    return {
        "": first,
        t("nav_goals", lang): [goal_page(key, lang) for key in GOAL_KEYS],
        t("nav_more", lang): more,
    }


def not_found() -> None:
    """Our own page for a path that is no page: what happened and the way to the overview,
    in both languages (the visitor's language may not be known from a mistyped link)."""
    st.title(f"{t('not_found_title', 'fi')} / {t('not_found_title', 'en')}")
    st.markdown(f"{t('not_found_body', 'fi')}\n\n{t('not_found_body', 'en')}")
    label = f"{t('nav_overview', 'fi')} / {t('nav_overview', 'en')}"
    st.page_link(OVERVIEW_FILE, label=label, icon=":material/dashboard:")


def with_not_found(
    shown: Mapping[str, list[StreamlitPage]], requested: str, kinds: Mapping[str, PageKind]
) -> dict[str, list[StreamlitPage]]:
    """``shown`` plus a hidden page at ``requested`` when that path is no page of ours, so
    that Streamlit runs ``not_found`` there instead of opening its English dialog."""
    out = {title: list(pages) for title, pages in shown.items()}
    requested = unquote(requested)  # the browser's name of the page: /ty%C3%B6 is "työ"
    if requested in kinds or not _VALID_PATH.match(requested):
        return out
    missing = st.Page(
        not_found, title=t("not_found_title", "fi"), url_path=requested, visibility="hidden"
    )
    out.setdefault("", []).append(missing)
    return out


def tab_title(page: StreamlitPage, lang: Lang) -> str:
    """The browser tab's title: the page's own title, then the product's name."""
    return t("tab_title", lang, page=page.title)
