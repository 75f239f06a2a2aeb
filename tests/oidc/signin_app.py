"""A small Streamlit app that uses ``access`` exactly as app.py does: the gate first, the
navigation filtered by role, the account box, and capability checks inside pages.

The sign-in browser test runs it against the test identity provider; the AppTest tests of
``access.gate`` run it too. Each page prints a line the tests read:
``page=<url> role=<role> suppress=<bool>``, and shows the download only a role may use.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from access.gate import account_sidebar, current_access, gate, require, visible_sections
from access.roles import Capability, PageKind

st.set_page_config(page_title="access test app", layout="wide")


def body(url_path: str) -> Callable[[], None]:
    def run() -> None:
        access = current_access()
        st.header(url_path)
        st.write(f"page={url_path} role={access.role} suppress={access.suppress_small_numbers}")
        if access.can(Capability.EXPORT_DATA):
            st.download_button("Lataa CSV / Download CSV", "a;b\n1;2\n", "taulukko.csv")
        if access.can(Capability.CASEWORKER_TABLES):
            st.write("caseworker table")
        if url_path == "aineisto" and access.can(Capability.UPLOAD):
            st.file_uploader("Lataa vienti / Upload an export", accept_multiple_files=True)
        if st.query_params.get("vienti") == "raw":
            require(Capability.EXPORT_DATA)
            st.write("raw export")

    return run


def page(url_path: str, default: bool = False) -> st.Page:
    return st.Page(body(url_path), title=url_path, url_path=url_path, default=default)


KINDS = {
    "": PageKind.OVERVIEW,  # the default page's url_path is ""
    "yleiskuva": PageKind.OVERVIEW,
    "kohtaanto": PageKind.GOAL,
    "koulutukset": PageKind.GOAL,
    "palveluprosessi": PageKind.SERVICE_PROCESS,
    "resurssit": PageKind.RESOURCES,
    "aineisto": PageKind.DATA,
}
access = gate(KINDS)
account_sidebar(access)
sections = {
    "": [page("yleiskuva", default=True)],
    "Tavoitteet": [page("kohtaanto"), page("koulutukset")],
    "Lisää": [page("palveluprosessi"), page("resurssit"), page("aineisto")],
}
st.navigation(visible_sections(sections, KINDS, access)).run()
