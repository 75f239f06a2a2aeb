"""Streamlit entry point: navigation, the shared sidebar, the freshness line.

Run with ``make run`` (or ``KPI_DB=path streamlit run app.py``). Pages live in app_pages/ and
stay thin; everything shared is in ui/.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from access.gate import account_sidebar, gate, local_mode_banner, visible_sections
from access.roles import Capability
from ui import blocks, cached_queries, page_context, presentation, sidebar, theme
from ui.i18n import t
from ui.pages import GOAL_PAGES, PAGE_KINDS

FAVICON = Path(__file__).parent / "ui" / "assets" / "favicon.png"

st.set_page_config(
    page_title="Tavoiteseuranta · Pohjois-Karjalan työllisyysalue",
    # A file of our own: a ":material/…" page icon makes every browser fetch the favicon from
    # fonts.gstatic.com, a request to Google on each visit that fails on a closed network.
    page_icon=str(FAVICON),
    layout="wide",
    initial_sidebar_state="expanded",
)

access = gate(PAGE_KINDS, banner=False)
account_sidebar(access)
db = blocks.usable_db()  # None for a broken file too: pages say so, the Data page reloads
as_of = cached_queries.load_info(db.path, db.identity).as_of if db else date.today()
sidebar.init_state(as_of)
lang = sidebar.current_lang()
presenting = (
    bool(st.session_state[sidebar.PRESENTATION_KEY])
    and db is not None
    and access.can(Capability.PRESENTATION)
)
if access.mode == "local" and not presenting:
    local_mode_banner()  # no sign-in: say so on every page (not on the board's screen)

overview = st.Page(
    "app_pages/overview.py",
    title=t("nav_overview", lang),
    url_path="yleiskuva",
    icon=":material/dashboard:",
    default=True,
)
goal_pages = [
    st.Page(f"app_pages/{file}", title=t(title_key, lang), url_path=url, icon=icon)
    for file, url, title_key, icon in GOAL_PAGES
]
more = [
    st.Page(
        "app_pages/service_process.py",
        title=t("nav_process", lang),
        url_path="palveluprosessi",
        icon=":material/schedule:",
    ),
    st.Page(
        "app_pages/resources.py",
        title=t("nav_resources", lang),
        url_path="resurssit",
        icon=":material/groups:",
    ),
    st.Page(
        "app_pages/data_page.py",
        title=t("nav_data", lang),
        url_path="aineisto",
        icon=":material/database:",
    ),
]
sections = {"": [overview], t("nav_goals", lang): goal_pages, t("nav_more", lang): more}
page = st.navigation(
    visible_sections(sections, PAGE_KINDS, access),
    position="hidden" if presenting else "sidebar",
)
theme.apply(presenting)

if db is None:
    page_context.clear()
    if not presenting:
        sidebar.render(as_of, presentation=False)
    sidebar.sync_url(sidebar.current_view())
    page.run()
elif presenting:
    view = sidebar.current_view()
    sidebar.sync_url(view)
    presentation.render(page_context.build(view, db))
else:
    view = sidebar.render(as_of, presentation=access.can(Capability.PRESENTATION))
    sidebar.sync_url(view)
    page_context.build(view, db)
    page.run()
