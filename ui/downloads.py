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
from metrics import kpi_file, privacy
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


def kpi_for_download(raw: pl.DataFrame) -> pl.DataFrame:
    """The KPI rows as the visitor may take them out: as computed (what ``python -m metrics
    export`` writes) for roles that may see small numbers, else with the small-number rule
    (``--suppress 5``)."""
    return raw if current_access().can(Capability.UNSUPPRESSED) else privacy.suppress(raw)


def buttons(df: pl.DataFrame, stem: str, key: str, lang: Lang) -> None:
    """A small "Download" menu with the three formats of ``df`` (for roles that may export)."""
    if not current_access().can(Capability.EXPORT_DATA):
        return
    labels = {"fi": "download_fi_csv", "standard": "download_csv", "xlsx": "download_xlsx"}
    with st.popover(t("download_data", lang), icon=":material/download:"):
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
