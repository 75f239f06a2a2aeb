"""The board report attached to the Monday e-mail: ui.board_report's HTML, built here without
a running Streamlit (``build`` is a pure function of a ReportInput).

ui.board_report draws its charts with ui.board_report_chart, which imports ui.charts and so
the streamlit package (a dependency of the project): importing it needs no Streamlit server
or session, only its log level is lowered so that a cron job's output stays clean. The report
embeds plotly.js once (about 4.5 MB), so the mail is about 6 MB with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.reference import AREA_NAME
from metrics.digest_data import Digest
from metrics.digest_html import targets_label
from metrics.digest_text import Lang
from metrics.engine import targets_year_used

if TYPE_CHECKING:
    from ui.board_report import ReportInput

FILE_NAME = "lautakuntaraportti_{start}_{end}.html"


def report_input(d: Digest, lang: Lang) -> ReportInput:
    """What the attached report shows: the whole area's rows and monthly series of the
    digest's disclosed table (metrics.disclosure, as the board's screens): it goes to the
    minutes, so it carries the board's rule whoever receives the mail."""
    import streamlit.logger

    streamlit.logger.set_log_level("ERROR")  # "No runtime found": true and expected here
    from ui import kpi_view
    from ui.board_report import ReportInput
    from ui.i18n import t

    rows = d.table.filter((d.table["level"] == "koko_alue") & (d.table["area"] == AREA_NAME))
    monthly = d.monthly.filter(
        (d.monthly["level"] == "koko_alue") & (d.monthly["area"] == AREA_NAME)
    )
    return ReportInput(
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


def board_report_html(d: Digest, lang: Lang) -> str:
    """The board report of the whole area for the digest's period (:func:`report_input`)."""
    data = report_input(d, lang)
    from ui import board_report

    return board_report.build(data)


def attachment_name(d: Digest) -> str:
    return FILE_NAME.format(start=d.start.isoformat(), end=d.end.isoformat())
