"""Aineisto / Data: what is loaded (as-of date, load log, rows per export, warnings), the
upload of a new export folder (``ui.upload_view``: checked and loaded in a child process,
with the CLI's bilingual report and a progress bar) and the earlier databases kept by the
loader (``ui.backup_view``). The database is swapped in atomically by the pipeline, so other
sessions keep reading the old data until the new file is complete."""

from __future__ import annotations

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import Capability
from common.data_contract import EXPORTS
from ui import backup_view, blocks, cached_queries, tables, upload_view
from ui.formatting import fmt_date, fmt_datetime, fmt_int
from ui.i18n import Lang, t
from ui.page_context import PageContext


def _fit(rows: int) -> int:
    """A dataframe height that shows every row without an inner scroll bar."""
    return 35 * (rows + 1) + 3


_LOG_COLUMNS = {
    "export": "col_export",
    "file": "col_file",
    "format": "col_format",
    "rows": "col_rows",
    "encoding": "col_encoding",
    "delimiter": "col_delimiter",
    "sha256": "col_sha256",
}


def log_table(log: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The load log with translated headers, row counts formatted, checksums shortened."""
    out = log
    if "sha256" in out.columns:
        out = out.with_columns(pl.col("sha256").cast(pl.String).str.slice(0, 12) + "…")
    if "rows" in out.columns:
        out = out.with_columns(
            pl.Series("rows", [fmt_int(v, lang) for v in out["rows"].to_list()], dtype=pl.String)
        )
    return out.rename({c: t(k, lang) for c, k in _LOG_COLUMNS.items() if c in out.columns})


def loaded(ctx: PageContext) -> None:
    lang, db = ctx.lang, ctx.db
    st.markdown(
        f"**{t('as_of', lang)}:** {fmt_date(ctx.info.as_of, lang)}  \n"
        f"**{t('loaded_at', lang)}:** {fmt_datetime(ctx.info.loaded_at, lang)}  \n"
        f"**{t('source', lang)}:** `{ctx.info.source or '–'}`"
    )
    st.subheader(t("row_counts", lang), anchor=False, divider="gray")
    titles = {e.name: (e.title_fi if lang == "fi" else e.title_en) for e in EXPORTS}
    counts = cached_queries.exports_loaded(db.path, db.identity)
    rows = pl.DataFrame(
        {
            t("col_export", lang): [f"{titles.get(k, k)} ({k})" for k in counts],
            t("col_rows", lang): [fmt_int(v, lang) for v in counts.values()],
        }
    )
    tables.show(rows, lang, height=_fit(len(counts)))
    st.subheader(t("load_log", lang), anchor=False, divider="gray")
    log = log_table(cached_queries.table(db.path, db.identity, "load_log"), lang)
    tables.show(log, lang, height=_fit(log.height))
    st.subheader(t("warnings", lang), anchor=False, divider="gray")
    warnings = cached_queries.table(db.path, db.identity, "load_warnings")
    if warnings.height == 0:
        st.caption(t("no_warnings", lang))
    else:
        names = {"file": t("col_file", lang), "row": t("col_row", lang)}
        names |= {"column": t("col_column", lang), "message_fi": "FI", "message_en": "EN"}
        shown = warnings.rename({k: v for k, v in names.items() if k in warnings.columns})
        tables.show(shown, lang)


def render(ctx: PageContext | None, lang: Lang) -> None:
    st.caption(t("data_intro", lang))
    if ctx is None:
        blocks.no_database(lang)
    else:
        blocks.header(ctx)
        loaded(ctx)
    can_upload = current_access().can(Capability.UPLOAD)
    if can_upload:
        upload_view.upload(lang)
    backup_view.backups(lang, can_restore=can_upload)
