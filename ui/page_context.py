"""What every page needs for one run: the view, the database, the period, the KPI table.

app.py builds it once per run after the sidebar (``build``); pages read it (``get``) and
stay thin: read filters, call metrics through ui.cached_queries, draw.

A context lives for one script run, and it keeps what it has looked up for that run: each
``st.cache_data`` lookup hashes its arguments and copies its value out, and a goal page asks
for the same tables a dozen times (docs/scaling.md, "Where a page's CPU goes"). The next run
builds a new context, so a new load or another view is never served from an old run.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import polars as pl
import streamlit as st

from access.gate import current_access
from common.reference import AREA_NAME
from metrics.definition import ALL_LEVELS
from metrics.year_earlier import EarlierPeriod, earlier_period
from ui import cached_queries, kpi_view
from ui.formatting import fmt_date, fmt_datetime, fmt_period
from ui.i18n import Lang, t
from ui.view import View, resolve_period, whole_months

_KEY = "_page_context"
T = TypeVar("T")
Row = dict[str, object]


@dataclass(frozen=True)
class PageContext:
    view: View
    db: cached_queries.DbHandle
    info: cached_queries.LoadInfo
    start: date
    end: date
    # what this run has looked up (see the module's text); not part of equality
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def _once(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    @property
    def lang(self) -> Lang:
        return self.view.lang

    @property
    def effective_end(self) -> date:
        """``E = min(to, A)``."""
        return min(self.end, self.info.as_of)

    def kpi(self, levels: tuple[str, ...] = ALL_LEVELS) -> pl.DataFrame:
        return self._once(
            ("kpi", levels),
            lambda: cached_queries.kpi(
                self.db.path, self.db.identity, self.start, self.end, levels
            ),
        )

    def kpi_on_screen(self) -> pl.DataFrame:
        """The KPI table of every level with the small-number rule applied (cached)."""
        return self._once(
            "kpi_on_screen",
            lambda: cached_queries.kpi_on_screen(
                self.db.path, self.db.identity, self.start, self.end, ALL_LEVELS
            ),
        )

    def area_rows(self, table: pl.DataFrame) -> tuple[dict[str, Row], set[str]]:
        """The chosen area's row of every metric of ``table`` (a KPI table of every level),
        and the ids of the metrics whose row is the whole area's because the metric has no
        row for the chosen area (kpi_view.area_rows); kept for the run per table."""
        key = ("area_rows", id(table))
        kept = self._memo.get(key)
        if kept is None or kept[0] is not table:  # the table is kept with it: id stays its own
            area = self.view.area
            kept = (table, kpi_view.area_rows(table, area.level, area.area))
            self._memo[key] = kept
        rows: tuple[dict[str, Row], set[str]] = kept[1]
        return rows

    def year_earlier(self) -> EarlierPeriod:
        """The same period a year earlier, seen at ``A - 1 year`` (metrics.year_earlier)."""
        return earlier_period(self.start, self.end, self.info.as_of)

    def coverage_start(self) -> date | None:
        """``S``, the first day the loaded exports describe completely."""
        return self._once(
            "coverage_start",
            lambda: cached_queries.coverage_start(self.db.path, self.db.identity),
        )

    def kpi_year_earlier(self, levels: tuple[str, ...] = ALL_LEVELS) -> pl.DataFrame:
        """The KPI table of the period a year earlier as computed (cached)."""
        return self._once(
            ("kpi_year_earlier", levels),
            lambda: cached_queries.kpi_year_earlier(
                self.db.path, self.db.identity, self.start, self.end, levels
            ),
        )

    def kpi_year_earlier_on_screen(self) -> pl.DataFrame:
        """The period a year earlier of every level under the small-number rule (cached)."""
        return self._once(
            "kpi_year_earlier_on_screen",
            lambda: cached_queries.year_earlier_on_screen(
                self.db.path, self.db.identity, self.start, self.end
            ),
        )

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
        return self._once(("series", grain), lambda: self._series(grain))

    def _series(self, grain: str) -> pl.DataFrame:
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

    def series_as_computed(self, grain: str) -> pl.DataFrame:
        """The chosen area's weekly or monthly rows without the small-number rule (the
        analyst's unsuppressed download; cached)."""
        area = self.view.area
        return self._once(
            ("series_as_computed", grain),
            lambda: cached_queries.kpi_series(
                self.db.path, self.db.identity, self.start, self.end, grain, area.level, area.area
            ),
        )

    def metric_series(self, metric_id: str, grain: str) -> pl.DataFrame:
        """One metric's rows of :meth:`series`, in time order (empty when it has none)."""
        parts = self._once(
            ("series_by_metric", grain),
            lambda: {  # sorted once, then split: each part keeps the time order
                str(key[0]): part
                for key, part in self.series(grain)
                .sort("period_start", maintain_order=True)
                .partition_by("metric_id", as_dict=True, maintain_order=True)
                .items()
            },
        )
        found: pl.DataFrame | None = parts.get(metric_id)
        return found if found is not None else self.series(grain).clear()

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
