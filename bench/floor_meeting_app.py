"""Streamlit's floor for the 25-session benchmark: the meeting's three pages (the overview at
``/``, ``/lahipalvelut`` and ``/kohtaanto``, reached by sidebar links) with a title each and
one small chart on each goal page, nothing else. Served with ``--script
bench/floor_meeting_app.py`` (bench.sessions, bench.person_cpu), it shows what any Streamlit
app costs the browsers under the same load model: the difference is the dashboard's own."""

import streamlit as st

_POINTS = [{"x": i, "y": i * i} for i in range(12)]
_SPEC = {
    "data": {"values": _POINTS},
    "mark": "line",
    "encoding": {
        "x": {"field": "x", "type": "quantitative"},
        "y": {"field": "y", "type": "quantitative"},
    },
}


def _overview() -> None:
    st.title("Yleiskuva")


def _lahipalvelut() -> None:
    st.title("Lähipalvelut")
    st.vega_lite_chart(_SPEC)


def _kohtaanto() -> None:
    st.title("Kohtaanto")
    st.vega_lite_chart(_SPEC)


st.navigation(
    [
        st.Page(_overview, title="Yleiskuva", url_path="", default=True),
        st.Page(_lahipalvelut, title="Lähipalvelut", url_path="lahipalvelut"),
        st.Page(_kohtaanto, title="Kohtaanto", url_path="kohtaanto"),
    ]
).run()
