"""The board report attached to the Monday e-mail: ui.board_report's HTML, built here without
a running Streamlit (``build`` is a pure function of a ReportInput).

ui.board_report draws its charts with ui.board_report_chart, which imports ui.charts and so
the streamlit package (a dependency of the project): importing it needs no Streamlit server
or session, only its log level is lowered so that a cron job's output stays clean. The report
embeds plotly.js once (about 4.5 MB), so the mail is about 6 MB with it.
"""

from __future__ import annotations

import duckdb

from common.reference import AREA_NAME
from metrics.digest_data import Digest
from metrics.digest_html import targets_label
from metrics.digest_text import Lang
from metrics.engine import targets_year_used
from metrics.privacy import suppress
from metrics.series import metric_series

FILE_NAME = "lautakuntaraportti_{start}_{end}.html"


def board_report_html(con: duckdb.DuckDBPyConnection, d: Digest, lang: Lang) -> str:
    """The board report of the whole area for the digest's period, small numbers suppressed."""
    import streamlit.logger

    streamlit.logger.set_log_level("ERROR")  # "No runtime found": true and expected here
    from ui import board_report, kpi_view
    from ui.i18n import t

    rows = d.table.filter((d.table["level"] == "koko_alue") & (d.table["area"] == AREA_NAME))
    monthly = suppress(
        metric_series(con, d.start, d.end, grain="month", as_of=d.as_of, level="koko_alue",
                      area=AREA_NAME)
    )  # fmt: skip
    data = board_report.ReportInput(
        lang=lang,
        area_label=f"{t('area_whole', lang)} ({AREA_NAME})",
        start=d.start,
        end=d.end,
        as_of=d.as_of,
        loaded_at=d.loaded_at,
        targets_label=targets_label(d, lang),
        rows=rows,
        monthly=monthly,
        indicators=kpi_view.plan_indicators(targets_year_used(d.end)) if lang == "fi" else {},
    )
    return board_report.build(data)


def attachment_name(d: Digest) -> str:
    return FILE_NAME.format(start=d.start.isoformat(), end=d.end.isoformat())
