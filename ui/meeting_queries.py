"""The KPI tables the weekly meeting compares: the view's period as it stood on an earlier
as-of date (A − 7 days, A − 1 month), under the same small-number rule as every screen.

"As it stood": the period the sidebar names, resolved against the earlier date (year to
date on 24.10. is 1.1.–24.10.), computed with that as-of date, so cohort cases pending then
count as pending: what the dashboard showed at last week's meeting, from the data as loaded
now.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from access.gate import current_access
from metrics import disclosure
from ui import cached_queries
from ui.page_context import PageContext
from ui.view import resolve_period, whole_months


@st.cache_data(max_entries=32, show_spinner=False)
def kpi_on_screen_at(path: str, identity: str, start: date, end: date, as_of: date) -> pl.DataFrame:
    """The period's KPI table of every level at ``as_of`` under the rule (metrics.disclosure)."""
    con = cached_queries.cursor(cached_queries.DbHandle(path, identity))
    return disclosure.disclose(con, start, end, as_of=as_of).period


def period_at(ctx: PageContext, as_of: date) -> tuple[date, date] | None:
    """The view's period as it was on ``as_of``; None when it had not begun by then."""
    start, end = resolve_period(ctx.view, as_of)
    if current_access().suppress_small_numbers:
        start, end = whole_months(start, end)  # the board's periods (page_context.build)
    return (start, end) if start <= as_of else None


def table_at(ctx: PageContext, as_of: date) -> pl.DataFrame | None:
    """The view's KPI table on the earlier date ``as_of`` (every level), or None."""
    period = period_at(ctx, as_of)
    if period is None:
        return None
    return kpi_on_screen_at(ctx.db.path, ctx.db.identity, period[0], period[1], as_of)
