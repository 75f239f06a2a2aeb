"""The dashboard's only way to the data: a cached read-only connection and cached results.

The connection is cached per database identity (``pipelines.database.database_identity``:
the file's inode and modification time), so a new load, which swaps a new file in, is
picked up on the next rerun while old readers finish on the old file. Every result is
cached with ``st.cache_data`` keyed on the same identity and the view's choices, so no
page recomputes what another page (or session) already computed.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import streamlit as st

from common import duckdb_files
from common.settings import get_settings
from metrics import disclosure, engine, privacy, series, sql_context, year_earlier_table
from pipelines import database


@dataclass(frozen=True)
class DbHandle:
    """Where the database is and which version of it is current (the cache key)."""

    path: str
    identity: str


@dataclass(frozen=True)
class LoadInfo:
    as_of: date
    loaded_at: datetime | None
    source: str | None


def db_path() -> Path:
    """The settings' database (``KPI_DB``): fresh on every call, so tests can point the app
    at a temporary database."""
    return get_settings().db


def current_db() -> DbHandle | None:
    """The current database, or None when no database file exists yet."""
    path = db_path()
    if not path.exists():
        return None
    return DbHandle(str(path), str(database.database_identity(path)))


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(path: str, identity: str) -> duckdb.DuckDBPyConnection:
    """The read-only connection (``open_readonly``: common.duckdb_files, catalog ``kpi``)."""
    return database.open_readonly(Path(path))


def cursor(db: DbHandle) -> duckdb.DuckDBPyConnection:
    """A cursor of the cached connection (one per call: cursors are safe across threads),
    in the file's catalog (common.duckdb_files.cursor). metrics' own cursors follow the
    catalog of the cursor they are given."""
    return duckdb_files.cursor(_connection(db.path, db.identity), duckdb_files.CATALOG)


@st.cache_data(max_entries=8, show_spinner=False)
def load_info(path: str, identity: str) -> LoadInfo:
    meta = database.read_meta(cursor(DbHandle(path, identity)))
    return LoadInfo(as_of=meta.as_of, loaded_at=meta.loaded_at, source=meta.source)


@st.cache_data(max_entries=8, show_spinner=False)
def table(path: str, identity: str, name: str) -> pl.DataFrame:
    """A small bookkeeping table (load_log, load_warnings) as a DataFrame."""
    return cursor(DbHandle(path, identity)).sql(f'SELECT * FROM "{name}"').pl()


@st.cache_data(max_entries=8, show_spinner=False)
def exports_loaded(path: str, identity: str) -> dict[str, int]:
    return database.loaded_exports(cursor(DbHandle(path, identity)))


@st.cache_data(max_entries=64, show_spinner=False)
def kpi(path: str, identity: str, start: date, end: date, levels: tuple[str, ...]) -> pl.DataFrame:
    """The KPI table of docs/spec/METRICS.md for the period and levels (all metrics)."""
    return engine.kpi_table(cursor(DbHandle(path, identity)), start, end, levels=levels)


@st.cache_data(max_entries=32, show_spinner=False)
def disclosed(path: str, identity: str, start: date, end: date) -> disclosure.Disclosed:
    """The period's KPI table and monthly series of every level under the small-number rule
    that survives differencing (metrics.disclosure, docs/privacy.md)."""
    return disclosure.disclose(cursor(DbHandle(path, identity)), start, end)


@st.cache_data(max_entries=32, show_spinner=False)
def disclosed_year_earlier(
    path: str, identity: str, start: date, end: date
) -> disclosure.Disclosed:
    """The period a year earlier under the small-number rule, judged on its own
    (metrics.year_earlier_table): one cached call for every card and goal page."""
    return year_earlier_table.year_earlier_disclosed(cursor(DbHandle(path, identity)), start, end)


@st.cache_data(max_entries=32, show_spinner=False)
def kpi_year_earlier(
    path: str, identity: str, start: date, end: date, levels: tuple[str, ...]
) -> pl.DataFrame:
    """The KPI table of the period a year earlier as computed (the analyst's raw download)."""
    return year_earlier_table.year_earlier_kpi(
        cursor(DbHandle(path, identity)), start, end, levels=levels
    )


@st.cache_data(max_entries=8, show_spinner=False)
def coverage_start(path: str, identity: str) -> date | None:
    """The coverage start S of the loaded data (sql_context.coverage_start_or_first_event)."""
    return sql_context.coverage_start_or_first_event(cursor(DbHandle(path, identity)))


@st.cache_data(max_entries=32, show_spinner=False)
def weekly_on_screen(path: str, identity: str, start: date, end: date) -> pl.DataFrame:
    """The weekly series of every level under the small-number rule."""
    return disclosure.weekly(cursor(DbHandle(path, identity)), start, end)


@st.cache_data(max_entries=64, show_spinner=False)
def kpi_on_screen(
    path: str, identity: str, start: date, end: date, levels: tuple[str, ...]
) -> pl.DataFrame:
    """The KPI table of ``levels`` as every screen shows it: the rule is applied to every
    level at once (so secondary suppression sees the totals) and month by month (so two
    periods cannot be differenced into a small number). Cached on its own, apart from
    :func:`disclosed`, so that a page's lookup copies out only the period's rows (not every
    level's monthly series as well)."""
    table = disclosed(path, identity, start, end).period
    return table.filter(pl.col("level").is_in(list(levels)))


@st.cache_data(max_entries=32, show_spinner=False)
def year_earlier_on_screen(path: str, identity: str, start: date, end: date) -> pl.DataFrame:
    """The KPI table of the period a year earlier as every screen shows it (the period's rows
    of :func:`disclosed_year_earlier`, cached on their own as :func:`kpi_on_screen` is)."""
    return disclosed_year_earlier(path, identity, start, end).period


@st.cache_data(max_entries=64, show_spinner=False)
def kpi_series(
    path: str, identity: str, start: date, end: date, grain: str, level: str, area: str
) -> pl.DataFrame:
    return series.metric_series(
        cursor(DbHandle(path, identity)),
        start,
        end,
        grain="week" if grain == "week" else "month",
        level=level,
        area=area,
    )


@st.cache_data(max_entries=256, show_spinner=False)
def series_on_screen(
    path: str, identity: str, start: date, end: date, grain: str, level: str, area: str
) -> pl.DataFrame:
    """One area's monthly or weekly series as the screen shows it: protected with every level
    and against the period's totals (metrics.disclosure_series), then the area's rows. The
    area's rows are cached on their own: a page's lookup copies out one area's series, not
    every level's (docs/scaling.md, "Where a page's CPU goes")."""
    if grain == "week":
        rows = weekly_on_screen(path, identity, start, end)
    else:
        rows = disclosed(path, identity, start, end).monthly
    return rows.filter((pl.col("level") == level) & (pl.col("area") == area))


@st.cache_data(max_entries=16, show_spinner=False)
def projection(path: str, identity: str, year: int) -> Any:
    return series.employer_contacts_projection(cursor(DbHandle(path, identity)), year)


def breakdown(
    path: str, identity: str, name: str, start: date, end: date, level: str, area: str, extra: str
) -> pl.DataFrame:
    """A drill-down table of metrics.breakdowns for the area, with the small-number rule
    applied where the table counts people (``threshold``); ``extra`` is the metric id of
    ``cohort_outcomes``. The table of every area of the level is computed and cached once
    (the rule judges every area together anyway), then the area's rows are taken out."""
    table = breakdown_of_level(path, identity, name, start, end, level, extra)
    return table.filter(pl.col("area") == area)


@st.cache_data(max_entries=64, show_spinner=False)
def breakdown_of_level(
    path: str, identity: str, name: str, start: date, end: date, level: str, extra: str
) -> pl.DataFrame:
    """A drill-down table of metrics.breakdowns for every area of ``level`` (see
    :func:`breakdown`)."""
    from metrics import breakdowns  # imported on first use: the dashboard starts without it

    con = cursor(DbHandle(path, identity))
    func = getattr(breakdowns, name)
    kwargs: dict[str, Any] = {"level": level, "area": None}
    if "threshold" in inspect.signature(func).parameters:
        kwargs["threshold"] = privacy.DEFAULT_THRESHOLD
    args = (extra, start, end) if name == "cohort_outcomes" else (start, end)
    result: pl.DataFrame = func(con, *args, **kwargs)
    return result


@st.cache_data(max_entries=32, show_spinner=False)
def official_statistics(path: str, identity: str, start: date, end: date) -> Any:
    """Statistics Finland's unemployed job seekers per municipality and month beside ours (as
    the screen shows them), and the area's unemployment rate beside the country's
    (pipelines.statfin_compare); None when the statistics have not been fetched."""
    from metrics.situation_tables import own_unemployed_by_month
    from pipelines.statfin_compare import official_beside_own
    from pipelines.validation_report import PipelineError

    own = own_unemployed_by_month(disclosed(path, identity, start, end).monthly)
    try:
        return official_beside_own(
            cursor(DbHandle(path, identity)), own["month"].unique().sort().to_list(), own
        )
    except PipelineError:
        return None


def targets_year(end: date) -> int:
    return int(engine.targets_year_used(end))
