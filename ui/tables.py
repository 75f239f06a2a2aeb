"""Every table on screen goes through :func:`show`: its cells become the viewer's text
(yes/no instead of True/False, ``14.3.2025`` or ``14 Mar 2025`` instead of ISO dates, Finnish
or English numbers; ui.formatting.fmt_cell), then a static HTML table (``st.table``) when the
rows fit on a screen, the interactive data grid (``st.dataframe``, sortable, scrollable) only
for longer tables. A grid is a heavy component in the browser; a goal page used to draw nine
of them."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui.formatting import fmt_cell
from ui.i18n import Lang

COMPACT_ROWS = 25  # up to this many rows a static table is enough (13 municipalities fit)


def for_screen(df: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """``df`` with every cell as the text the viewer reads (all columns strings)."""
    return pl.DataFrame(
        {col: [fmt_cell(v, lang) for v in df[col].to_list()] for col in df.columns},
        schema=dict.fromkeys(df.columns, pl.String),
    )


def show(df: pl.DataFrame, lang: Lang, *, height: int | None = None) -> None:
    shown = for_screen(df, lang)
    if df.height <= COMPACT_ROWS:
        st.table(shown, hide_index=True, border="horizontal")
    elif height is None:
        st.dataframe(shown, hide_index=True, width="stretch")
    else:
        st.dataframe(shown, hide_index=True, width="stretch", height=height)
