"""Streamlit's own floor: a page with a title and nothing else, served and timed exactly as
the dashboard's pages are (bench/browser.py). No page of any Streamlit app loads faster on
the same machine: the difference to it is what the dashboard itself costs."""

import streamlit as st

st.title("Tavoiteseuranta")
