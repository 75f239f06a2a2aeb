"""The board report's download button (the HTML is built only when clicked).

The report goes to the minutes, which are public: it always carries the board's rule,
whoever generates it (docs/privacy.md). Its period is the page's widened to whole calendar
months (as the board's own pages are), and its figures are the disclosed ones of that
period, so a report that management generates for 3.2.-17.4. is the board's 1.2.-30.4."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import polars as pl
import streamlit as st

from access.director_notes import Note, NotesError, current_for_period
from access.gate import current_access
from access.roles import Capability
from common.settings import get_settings
from metrics import registry
from ui import blocks, board_report, cached_queries, indicators, notes_view, year_earlier_view
from ui.board_report_finances import finance_section
from ui.finance_data import cost_years, finance_data
from ui.i18n import t
from ui.page_context import PageContext
from ui.view import whole_months


def board_context(ctx: PageContext) -> PageContext:
    """The page's context with the board's period: whole calendar months."""
    start, end = whole_months(ctx.start, ctx.end)
    return replace(ctx, start=start, end=end)


def report_input(page: PageContext) -> board_report.ReportInput:
    ctx = board_context(page)
    rows = ctx.kpi_on_screen()
    area = ctx.view.area
    own = rows.filter((rows["level"] == area.level) & (rows["area"] == area.area))
    missing = set(rows["metric_id"].unique()) - set(own["metric_id"].unique())
    whole = rows.filter((rows["level"] == "koko_alue") & rows["metric_id"].is_in(sorted(missing)))
    return board_report.ReportInput(
        lang=ctx.lang,
        area_label=blocks.area_caption(ctx),
        start=ctx.start,
        end=ctx.end,
        as_of=ctx.info.as_of,
        loaded_at=ctx.info.loaded_at,
        targets_label=ctx.targets_label(),
        rows=own.vstack(whole) if whole.height else own,
        monthly=ctx.series("month"),
        indicators=indicators.for_period(ctx.start, ctx.end, ctx.info.as_of, ctx.lang),
        year_earlier=year_earlier_lines(ctx, own.vstack(whole) if whole.height else own),
        notes=_notes(ctx),
        pace=cached_queries.projection(ctx.db.path, ctx.db.identity, ctx.effective_end.year),
        municipalities=rows.filter(rows["level"] == "kunta"),
        chosen_area=area.area if area.level == "kunta" else None,
        area_short=area.area,
        finances=_finances(ctx),
    )


def year_earlier_lines(ctx: PageContext, rows: pl.DataFrame) -> dict[str, str]:
    """The line "a year earlier" of every metric of the report's ``rows`` (the area's, or the
    whole area's where the metric has no row for the area), from the earlier period's table
    under the rule."""
    earlier = ctx.kpi_year_earlier_on_screen()
    period, coverage = ctx.year_earlier(), ctx.coverage_start()
    out: dict[str, str] = {}
    for row in rows.iter_rows(named=True):
        mine = earlier.filter(
            (pl.col("metric_id") == row["metric_id"])
            & (pl.col("level") == row["level"])
            & (pl.col("area") == row["area"])
        )
        m = registry.get(str(row["metric_id"]))
        before = mine.row(0, named=True) if mine.height else None
        line = year_earlier_view.year_earlier(m, row, before, period, coverage, ctx.lang)
        if line is not None:
            out[m.id] = line.text
    return out


def _notes(ctx: PageContext) -> dict[str, Note]:
    """The director's texts of exactly this period (none when the file cannot be read: the
    goal pages say why)."""
    try:
        return current_for_period(get_settings().notes_db, *notes_view.notes_period(ctx))
    except NotesError:
        return {}


def _finances(ctx: PageContext) -> str:
    """The finances page of the year of the period's end, when cost data is loaded."""
    year = ctx.effective_end.year
    if year not in cost_years(ctx.db.path, ctx.db.identity, ctx.info.as_of):
        return ""
    data = finance_data(ctx.db.path, ctx.db.identity, year, ctx.info.as_of)
    return finance_section(data, year, ctx.lang)


def report_bytes(ctx: PageContext) -> bytes:
    """The report's HTML of the board's period (:func:`board_context`)."""
    return board_report.build(report_input(ctx)).encode("utf-8")


def _deferred(ctx: PageContext) -> Callable[[], bytes]:
    return lambda: report_bytes(ctx)


def file_name(page: PageContext) -> str:
    ctx = board_context(page)
    area = ctx.view.area.area.replace(" ", "_")
    return f"lautakuntaraportti_{area}_{ctx.start.isoformat()}_{ctx.end.isoformat()}.html"


def button(ctx: PageContext, key: str = "board_report") -> None:
    if not current_access().can(Capability.BOARD_REPORT):
        return
    st.download_button(
        t("board_report", ctx.lang),
        data=_deferred(ctx),
        file_name=file_name(ctx),
        mime="text/html",
        icon=":material/description:",
        help=t("board_report_help", ctx.lang),
        key=key,
        on_click="ignore",
        type="primary",
    )
