"""The board report's download button (the HTML is built only when clicked)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from access.gate import current_access
from access.roles import Capability
from ui import blocks, board_report, indicators
from ui.board_report_finances import finance_section
from ui.finance_data import cost_years, finance_data
from ui.i18n import t
from ui.page_context import PageContext


def report_input(ctx: PageContext) -> board_report.ReportInput:
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
        finances=_finances(ctx),
    )


def _finances(ctx: PageContext) -> str:
    """The finances page of the year of the period's end, when cost data is loaded."""
    year = ctx.effective_end.year
    if year not in cost_years(ctx.db.path, ctx.db.identity, ctx.info.as_of):
        return ""
    data = finance_data(ctx.db.path, ctx.db.identity, year, ctx.info.as_of)
    return finance_section(data, year, ctx.lang)


def report_bytes(ctx: PageContext) -> bytes:
    return board_report.build(report_input(ctx)).encode("utf-8")


def _deferred(ctx: PageContext) -> Callable[[], bytes]:
    return lambda: report_bytes(ctx)


def file_name(ctx: PageContext) -> str:
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
