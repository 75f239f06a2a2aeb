"""What every page needs for one run: the view, the database, the period, the KPI table.

app.py builds it once per run after the sidebar (``build``); pages read it (``get``) and
stay thin: read filters, call metrics through ui.cached_queries, draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl
import streamlit as st

from access.gate import current_access
from common.reference import AREA_NAME
from metrics.definition import ALL_LEVELS
from metrics.year_earlier import EarlierPeriod, earlier_period
from ui import cached_queries
from ui.formatting import fmt_date, fmt_datetime, fmt_period
from ui.i18n import Lang, t
from ui.view import View, resolve_period, whole_months

_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    view: View
    db: cached_queries.DbHandle
    info: cached_queries.LoadInfo
    start: date
    end: date

    @property
    def lang(self) -> Lang:
        return self.view.lang

    @property
    def effective_end(self) -> date:
        """``E = min(to, A)``."""
        return min(self.end, self.info.as_of)

    def kpi(self, levels: tuple[str, ...] = ALL_LEVELS) -> pl.DataFrame:
        return cached_queries.kpi(self.db.path, self.db.identity, self.start, self.end, levels)

    def kpi_on_screen(self) -> pl.DataFrame:
        """The KPI table of every level with the small-number rule applied (cached)."""
        return cached_queries.kpi_on_screen(
            self.db.path, self.db.identity, self.start, self.end, ALL_LEVELS
        )

    def year_earlier(self) -> EarlierPeriod:
        """The same period a year earlier, seen at ``A - 1 year`` (metrics.year_earlier)."""
        return earlier_period(self.start, self.end, self.info.as_of)

    def coverage_start(self) -> date | None:
        """``S``, the first day the loaded exports describe completely."""
        return cached_queries.coverage_start(self.db.path, self.db.identity)

    def kpi_year_earlier(self, levels: tuple[str, ...] = ALL_LEVELS) -> pl.DataFrame:
        """The KPI table of the period a year earlier as computed (cached)."""
        return cached_queries.kpi_year_earlier(
            self.db.path, self.db.identity, self.start, self.end, levels
        )

    def kpi_year_earlier_on_screen(self) -> pl.DataFrame:
        """The period a year earlier of every level under the small-number rule (cached)."""
        return cached_queries.disclosed_year_earlier(
            self.db.path, self.db.identity, self.start, self.end
        ).period

    def kpi_for_area(self) -> pl.DataFrame:
        """The KPI rows of the chosen area (metrics defined at koko_alue only fall back to it)."""
        table = self.kpi()
        area = self.view.area
        rows = table.filter((pl.col("level") == area.level) & (pl.col("area") == area.area))
        missing = set(table["metric_id"].unique()) - set(rows["metric_id"].unique())
        if missing:
            whole = table.filter(
                (pl.col("level") == "koko_alue") & pl.col("metric_id").is_in(sorted(missing))
            )
            rows = pl.concat([rows, whole])
        return rows

    def series(self, grain: str) -> pl.DataFrame:
        """Weekly or monthly KPI rows of the chosen area (small numbers suppressed); metrics
        defined only for the whole area come from the whole area."""
        area = self.view.area
        own = cached_queries.series_on_screen(
            self.db.path, self.db.identity, self.start, self.end, grain, area.level, area.area
        )
        if area.level == "koko_alue":
            return own
        whole = cached_queries.series_on_screen(
            self.db.path, self.db.identity, self.start, self.end, grain, "koko_alue", AREA_NAME
        )
        missing = set(whole["metric_id"].unique()) - set(own["metric_id"].unique())
        return pl.concat([own, whole.filter(pl.col("metric_id").is_in(sorted(missing)))])

    def targets_label(self) -> str:
        used = cached_queries.targets_year(self.end)
        if used == self.end.year:
            return t("targets_of_year", self.lang, year=used)
        return t("targets_of_earlier_year", self.lang, year=used, end_year=self.end.year)

    def freshness(self) -> str:
        return t(
            "freshness",
            self.lang,
            as_of=fmt_date(self.info.as_of, self.lang),
            loaded=fmt_datetime(self.info.loaded_at, self.lang),
            period=fmt_period(self.start, self.end, self.lang),
            targets=self.targets_label(),
        )


def build(view: View, db: cached_queries.DbHandle) -> PageContext:
    info = cached_queries.load_info(db.path, db.identity)
    start, end = resolve_period(view, info.as_of)
    if current_access().suppress_small_numbers:
        # The board's periods are whole months (docs/privacy.md): two periods chosen a day
        # apart would otherwise give that day's clients away.
        start, end = whole_months(start, end)
    ctx = PageContext(view=view, db=db, info=info, start=start, end=end)
    st.session_state[_KEY] = ctx
    return ctx


def get() -> PageContext | None:
    """The run's context, or None when there is no database (the page shows the fix)."""
    ctx = st.session_state.get(_KEY)
    return ctx if isinstance(ctx, PageContext) else None


def clear() -> None:
    st.session_state.pop(_KEY, None)
