"""The Finances page's data, cached per database version, year and as-of date: the tables
of ``python -m metrics costs`` (metrics.costs.cost_report) and the board's cells."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl
import streamlit as st

from metrics.costs.cost_report import CostsError, cost_report
from metrics.costs.cost_suppression import board_courses
from metrics.costs.course_results import by_kind
from ui import cached_queries

COST_TABLES = ("kustannukset", "sitoumukset", "talousarvio", "kustannusjako")


@dataclass(frozen=True)
class FinanceData:
    tables: dict[str, pl.DataFrame]  # the five groupings of the CLI, by --by name
    board_cells: pl.DataFrame  # kunta-item with the board's hidden cells flagged
    board_courses: pl.DataFrame
    kinds: pl.DataFrame
    board_kinds: pl.DataFrame
    by_month: pl.DataFrame  # bills by month
    by_quarter: pl.DataFrame
    warnings: tuple[tuple[str, str], ...]
    elapsed: float


@st.cache_data(max_entries=16, show_spinner=False)
def finance_data(path: str, identity: str, year: int, as_of: date) -> FinanceData | str:
    """The year's tables, or the bilingual reason there are none (a year not yet begun)."""
    return build_finance_data(cached_queries.cursor(cached_queries.DbHandle(path, identity)),
                              year, as_of)  # fmt: skip


def build_finance_data(con: duckdb.DuckDBPyConnection, year: int, as_of: date) -> FinanceData | str:
    """``finance_data`` without the cache (the board report, the tests)."""
    try:
        report = cost_report(con, year, as_of)
    except CostsError as exc:
        return str(exc)
    tables = {by: report.table(by) for by in ("item", "kunta", "kunta-item", "month", "course")}
    kinds = by_kind(report.inputs)
    return FinanceData(
        tables=tables,
        board_cells=report.board_cells(),
        board_courses=board_courses(tables["course"]),
        kinds=kinds,
        board_kinds=board_courses(kinds),
        by_month=report.bills_by("month"),
        by_quarter=report.bills_by("quarter"),
        warnings=report.warnings,
        elapsed=report.scope.elapsed_share,
    )


def cost_years(path: str, identity: str, as_of: date) -> list[int]:
    """The years to choose from: 2025 (the area's first) up to the as-of year, newest first."""
    loaded = cached_queries.exports_loaded(path, identity)
    if not any(loaded.get(name) for name in COST_TABLES):
        return []
    return list(range(as_of.year, 2024, -1))
