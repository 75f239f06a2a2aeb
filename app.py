"""Streamlit entry point: navigation, the shared sidebar, the freshness line.

Run with ``make run`` (or ``KPI_DB=path streamlit run app.py``). The pages are listed in
ui/pages.py (the goals' pages generated from metrics.registry.GOALS; the others are thin files
in app_pages/); everything shared is in ui/.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from access.gate import account_sidebar, gate, local_mode_banner, requested_path, visible_sections
from access.roles import Capability
from ui import (
    blocks,
    cached_queries,
    chart_preload,
    document_language,
    page_context,
    pages,
    presentation,
    sidebar,
    theme,
)
from ui.pages import PAGE_KINDS
from ui.upload_view import remove_stale_uploads

FAVICON = Path(__file__).parent / "ui" / "assets" / "favicon.png"

st.set_page_config(
    page_title="Tavoiteseuranta · Pohjois-Karjalan työllisyysalue",
    # A file of our own: a ":material/…" page icon makes every browser fetch the favicon from
    # fonts.gstatic.com, a request to Google on each visit that fails on a closed network.
    page_icon=str(FAVICON),
    layout="wide",
    initial_sidebar_state="expanded",
)

remove_stale_uploads()  # once per server: upload folders a stopped server left behind
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

requested = requested_path()
page = st.navigation(
    pages.with_not_found(
        visible_sections(pages.sections(lang), PAGE_KINDS, access), requested, PAGE_KINDS
    ),
    position="hidden" if presenting else "sidebar",
    # every page listed: with twelve, Streamlit would hide the last behind "View 3 more"
    expanded=True,
)
# Each tab its own title, and the document's language the visitor's (screen readers, the
# browser's translation offer): Streamlit sets neither per page.
st.set_page_config(page_title=pages.tab_title(page, lang))
document_language.apply(lang)
chart_preload.apply()  # the chart library loads while a page without charts is read
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
    view = sidebar.render(
        as_of,
        presentation=access.can(Capability.PRESENTATION),
        start_slide=presentation.slide_of_path(page.url_path),
    )
    sidebar.sync_url(view)
    page_context.build(view, db)
    page.run()
