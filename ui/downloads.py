"""Download buttons for every table and chart: for people, a CSV for Excel in the reader's
language and an XLSX with number formats (ui.people_table, metrics.kpi_file_people); for
machines, the files of ``python -m metrics export`` (Finnish-dialect CSV, standard CSV, XLSX).

The machine bytes come from metrics.kpi_file (the same writer as the command), so a machine
download equals the command's output for the same choices; the people's files hold the same
rows and cells, the small-number rule included. Files are built only when the user clicks
(a callable ``data``), so drawing a page never pays for its downloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import Capability
from metrics import kpi_file, kpi_file_people
from ui.i18n import Lang, t
from ui.people_table import people_table

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PEOPLE_FORMATS: tuple[tuple[str, str, str], ...] = (
    # (key, file suffix, mime): for people, in the reader's language
    ("people_csv", "csv", "text/csv"),
    ("people_xlsx", "xlsx", XLSX_MIME),
)
FORMATS: tuple[tuple[str, str, str], ...] = (
    # (key, file suffix, mime): for machines, as ``python -m metrics export``
    ("fi", "fi.csv", "text/csv"),
    ("standard", "csv", "text/csv"),
    ("xlsx", "xlsx", XLSX_MIME),
)
LABELS = {
    "people_csv": "download_people_csv",
    "people_xlsx": "download_people_xlsx",
    "fi": "download_fi_csv",
    "standard": "download_csv",
    "xlsx": "download_xlsx",
}


def file_bytes(df: pl.DataFrame, fmt: str, lang: Lang = "fi") -> bytes:
    """The file of ``df`` in one of PEOPLE_FORMATS (in ``lang``) or FORMATS (``fi`` = ``;``,
    decimal comma, UTF-8 with BOM)."""
    if fmt == "people_csv":
        return kpi_file_people.to_people_csv(people_table(df, lang), lang)
    if fmt == "people_xlsx":
        return kpi_file_people.to_people_xlsx(people_table(df, lang), t("people_sheet", lang))
    if fmt == "xlsx":
        return kpi_file.to_xlsx_bytes(df)
    return kpi_file.to_csv_bytes(df, dialect="fi" if fmt == "fi" else "standard")


def people_stem(stem: str, lang: Lang) -> str:
    """The people's files are named apart from the machine ones (``…_taulukko`` / ``…_table``)."""
    return f"{stem}_{t('people_file_suffix', lang)}"


def file_stem(name: str, start: date, end: date) -> str:
    return f"{name}_{start.isoformat()}_{end.isoformat()}"


def _deferred(df: pl.DataFrame, fmt: str, lang: Lang) -> Callable[[], bytes]:
    return lambda: file_bytes(df, fmt, lang)


def may_take_unsuppressed() -> bool:
    """The visitor's role may take the numbers out without the small-number rule (the
    analysts and management: access.roles, never the board)."""
    access = current_access()
    return access.can(Capability.EXPORT_DATA) and access.can(Capability.UNSUPPRESSED)


# A menu's rows, or how to get them when the menu is opened (a lazy menu draws its buttons
# only then, so rows that only a download needs are not looked up on every visit).
Rows = pl.DataFrame | Callable[[], pl.DataFrame]


def rows_of(rows: Rows) -> pl.DataFrame:
    return rows() if callable(rows) else rows


def unsuppressed_buttons(
    raw: Rows, stem: str, key: str, lang: Lang, label: str = "download_unsuppressed"
) -> None:
    """A separate "Download unsuppressed data (internal use only)" menu with ``raw``, the rows
    as computed (``python -m metrics export`` without ``--suppress``), for the roles that may
    have them; nothing for the others. The file names say ``unsuppressed_internal``. ``label``
    is the menu's text key (the weekly list's case list has its own). ``raw`` may be a
    function that gives the rows: it is called only when the menu is opened."""
    if not may_take_unsuppressed():
        return
    _menu(raw, f"{stem}_{UNSUPPRESSED_SUFFIX}", f"{key}_raw", lang, label)


UNSUPPRESSED_SUFFIX = "unsuppressed_internal"


def may_export() -> bool:
    return current_access().can(Capability.EXPORT_DATA)


def buttons(df: Rows, stem: str, key: str, lang: Lang, *, label: str | None = None) -> None:
    """A small "Download" menu with the formats of ``df`` (for roles that may export): the
    people's two, then the machine's three. ``df`` is what the screen shows: the same rows
    under the same small-number rule (or a function giving them, called when the menu is
    opened). ``label`` replaces the menu's "Lataa tiedot"."""
    if not may_export():
        return
    _menu(df, stem, key, lang, "download_data", title=label)


def _menu(
    df: Rows, stem: str, key: str, lang: Lang, label: str, *, title: str | None = None
) -> None:
    icon = ":material/download:" if label == "download_data" else ":material/lock_open:"
    # Drawn only when opened (Streamlit's lazy popover: opening it reruns the page): a goal
    # page has eight menus of five buttons, half of its elements, which every visit paid
    # for on the server and in the browser although few visits download (docs/scaling.md).
    menu = st.popover(title or t(label, lang), icon=icon, key=menu_key(key), on_change="rerun")
    with menu:
        if menu.open:
            rows = rows_of(df)
            st.caption(t("download_for_people", lang))
            _buttons(rows, people_stem(stem, lang), key, lang, PEOPLE_FORMATS)
            st.caption(t("download_for_machines", lang))
            _buttons(rows, stem, key, lang, FORMATS)


def menu_key(key: str) -> str:
    """The session-state key of a download menu's open state (``True`` opens it)."""
    return f"dl_menu_{key}"


def _buttons(
    df: pl.DataFrame, stem: str, key: str, lang: Lang, formats: tuple[tuple[str, str, str], ...]
) -> None:
    for fmt, suffix, mime in formats:
        st.download_button(
            t(LABELS[fmt], lang),
            data=_deferred(df, fmt, lang),
            file_name=f"{stem}.{suffix}",
            mime=mime,
            key=f"dl_{key}_{fmt}",
            on_click="ignore",
            width="stretch",
        )
