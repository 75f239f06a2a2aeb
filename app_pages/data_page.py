"""Aineisto / Data: the loaded data and the upload of a new export folder."""

import streamlit as st

from ui import data_view, page_context, sidebar
from ui.i18n import t

ctx = page_context.get()
lang = ctx.lang if ctx else sidebar.current_lang()
st.title(t("nav_data", lang))
data_view.render(ctx, lang)
