"""Tables on screen: a static HTML table (``st.table``) when the rows fit on a screen, the
interactive data grid (``st.dataframe``, sortable, scrollable) only for longer tables. A
grid is a heavy component in the browser; a goal page used to draw nine of them."""

from __future__ import annotations

import polars as pl
import streamlit as st

COMPACT_ROWS = 25  # up to this many rows a static table is enough (13 municipalities fit)


def show(df: pl.DataFrame) -> None:
    if df.height <= COMPACT_ROWS:
        st.table(df, hide_index=True, border="horizontal")
    else:
        st.dataframe(df, hide_index=True, width="stretch")
