"""The page's ``<html lang>``: "fi" in Finnish, "en" in English.

Streamlit's page is ``<html lang="en">`` whatever the app speaks, so a screen reader reads
Finnish with English rules and the browser offers to translate Finnish it takes for English.
A tiny script (``st.html`` runs it in the app's own document) sets the attribute on each run.
"""

from __future__ import annotations

import json

import streamlit as st

from ui.i18n import Lang


def script(lang: Lang) -> str:
    return f"<script>document.documentElement.lang = {json.dumps(lang)};</script>"


def apply(lang: Lang) -> None:
    st.html(script(lang), unsafe_allow_javascript=True)
