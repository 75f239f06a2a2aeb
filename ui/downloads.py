"""Download buttons for every table and chart: Finnish-Excel CSV, standard CSV and XLSX.

The bytes come from metrics.kpi_file (the same writer as ``python -m metrics export``), so a
download equals the command's output for the same choices. Files are built only when the
user clicks (a callable ``data``), so drawing a page never pays for its downloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import Capability
from metrics import kpi_file
from ui.i18n import Lang, t

FORMATS: tuple[tuple[str, str, str], ...] = (
    # (key, file suffix, mime)
    ("fi", "fi.csv", "text/csv"),
    ("standard", "csv", "text/csv"),
    ("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
)


def file_bytes(df: pl.DataFrame, fmt: str) -> bytes:
    """The file of ``df`` in one of FORMATS (``fi`` = ``;``, decimal comma, UTF-8 with BOM)."""
    if fmt == "xlsx":
        return kpi_file.to_xlsx_bytes(df)
    return kpi_file.to_csv_bytes(df, dialect="fi" if fmt == "fi" else "standard")


def file_stem(name: str, start: date, end: date) -> str:
    return f"{name}_{start.isoformat()}_{end.isoformat()}"


def _deferred(df: pl.DataFrame, fmt: str) -> Callable[[], bytes]:
    return lambda: file_bytes(df, fmt)


def may_take_unsuppressed() -> bool:
    """The visitor's role may take the numbers out without the small-number rule (the
    analysts and management: access.roles, never the board)."""
    access = current_access()
    return access.can(Capability.EXPORT_DATA) and access.can(Capability.UNSUPPRESSED)


def unsuppressed_buttons(
    raw: pl.DataFrame, stem: str, key: str, lang: Lang, label: str = "download_unsuppressed"
) -> None:
    """A separate "Download unsuppressed data (internal use only)" menu with ``raw``, the rows
    as computed (``python -m metrics export`` without ``--suppress``), for the roles that may
    have them; nothing for the others. The file names say ``unsuppressed_internal``. ``label``
    is the menu's text key (the weekly list's case list has its own)."""
    if not may_take_unsuppressed():
        return
    _menu(raw, f"{stem}_{UNSUPPRESSED_SUFFIX}", f"{key}_raw", lang, label)


UNSUPPRESSED_SUFFIX = "unsuppressed_internal"


def buttons(df: pl.DataFrame, stem: str, key: str, lang: Lang) -> None:
    """A small "Download" menu with the three formats of ``df`` (for roles that may export).
    ``df`` is what the screen shows: the same rows under the same small-number rule."""
    if not current_access().can(Capability.EXPORT_DATA):
        return
    _menu(df, stem, key, lang, "download_data")


def _menu(df: pl.DataFrame, stem: str, key: str, lang: Lang, label: str) -> None:
    labels = {"fi": "download_fi_csv", "standard": "download_csv", "xlsx": "download_xlsx"}
    icon = ":material/download:" if label == "download_data" else ":material/lock_open:"
    with st.popover(t(label, lang), icon=icon):
        for fmt, suffix, mime in FORMATS:
            st.download_button(
                t(labels[fmt], lang),
                data=_deferred(df, fmt),
                file_name=f"{stem}.{suffix}",
                mime=mime,
                key=f"dl_{key}_{fmt}",
                on_click="ignore",
                width="stretch",
            )
