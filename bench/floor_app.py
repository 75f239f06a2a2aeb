"""Streamlit's floor for bench/one_browser.py: the dashboard's kind of navigation (a sidebar
with the overview at ``/`` and the goal pages ``/lahipalvelut`` and ``/kohtaanto``), each page
a title and nothing else. Served and timed exactly as the dashboard's pages are, no Streamlit
app with this navigation loads faster on the same machine: the difference to it is what the
dashboard itself costs."""

import streamlit as st


def _overview() -> None:
    st.title("Yleiskuva")


def _lahipalvelut() -> None:
    st.title("Lähipalvelut")


def _kohtaanto() -> None:
    st.title("Kohtaanto")


st.navigation(
    [
        st.Page(_overview, title="Yleiskuva", url_path="yleiskuva", default=True),
        st.Page(_lahipalvelut, title="Lähipalvelut", url_path="lahipalvelut"),
        st.Page(_kohtaanto, title="Kohtaanto", url_path="kohtaanto"),
    ]
).run()
