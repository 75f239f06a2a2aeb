"""Aineisto / Data: what is loaded (as-of date, load log, rows per export, warnings) and the
upload of a new export folder, validated first with the CLI's bilingual report and loaded
only when clean, with a progress bar. The database is swapped in atomically by the pipeline,
so other sessions keep reading the old data until the new file is complete."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import Capability
from access.upload_safety import UploadRefused, unpack_upload
from common.data_contract import EXPORTS
from pipelines import load_folder, validate_folder
from pipelines.validation_report import Issue, PipelineError, ValidationReport
from ui import blocks, cached_queries, tables, theme
from ui.formatting import fmt_date, fmt_datetime, fmt_int
from ui.i18n import Lang, t
from ui.page_context import PageContext

_REPORT_KEY = "_upload_report"
_FOLDER_KEY = "_upload_folder"


def issues_table(issues: list[Issue], lang: Lang) -> pl.DataFrame:
    return pl.DataFrame(
        {
            t("col_file", lang): [i.file for i in issues],
            t("col_row", lang): [str(i.row) if i.row is not None else "" for i in issues],
            t("col_column", lang): [i.column or "" for i in issues],
            t("col_value", lang): [i.value or "" for i in issues],
            "FI": [i.message_fi for i in issues],
            "EN": [i.message_en for i in issues],
        },
        schema={
            k: pl.String
            for k in (
                t("col_file", lang),
                t("col_row", lang),
                t("col_column", lang),
                t("col_value", lang),
                "FI",
                "EN",
            )
        },
    )


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


def upload(lang: Lang) -> None:
    st.subheader(t("upload_title", lang), anchor=False, divider="gray")
    st.caption(t("upload_help", lang))
    if lang == "fi":
        theme.uploader_in_finnish(int(st.get_option("server.maxUploadSize")))
    files = st.file_uploader(
        t("upload_files", lang),
        type=["csv", "xlsx", "parquet", "zip"],
        accept_multiple_files=True,
        key="upload_files",
    )
    if st.button(t("validate_button", lang), disabled=not files, key="validate_upload"):
        folder = Path(tempfile.mkdtemp(prefix="kpi-upload-")) / "export"
        try:
            unpack_upload([(f.name, f.getvalue()) for f in files or []], folder)
        except UploadRefused as exc:
            st.error(f"**{exc.file}**\n\nFI: {exc.message_fi}\n\nEN: {exc.message_en}")
            return
        with st.spinner(t("validating", lang)):
            st.session_state[_REPORT_KEY] = validate_folder(folder)
            st.session_state[_FOLDER_KEY] = str(folder)
    report = st.session_state.get(_REPORT_KEY)
    if isinstance(report, ValidationReport):
        show_report(report, lang)
        if report.ok and st.button(t("load_button", lang), type="primary", key="load_upload"):
            run_load(Path(st.session_state[_FOLDER_KEY]), lang)


def show_report(report: ValidationReport, lang: Lang) -> None:
    if report.ok:
        st.success(t("validation_ok", lang, files="✔"), icon=":material/check_circle:")
    else:
        st.error(t("validation_failed", lang, n=report.error_count), icon=":material/error:")
        tables.show(issues_table(report.errors, lang), lang)
    if report.warnings:
        st.warning(t("warnings", lang), icon=":material/warning:")
        tables.show(issues_table(report.warnings, lang), lang)
    if report.errors or report.warnings:
        with st.expander("FI / EN"):
            st.code(report.render(), language=None)


def run_load(folder: Path, lang: Lang) -> None:
    bar = st.progress(0.0, text=t("loading", lang))

    def progress(fraction: float, message: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=message)

    try:
        summary = load_folder(folder, cached_queries.db_path(), progress=progress)
    except PipelineError as exc:
        show_report(exc.report, lang)
        return
    st.session_state.pop(_REPORT_KEY, None)
    st.success(t("load_done", lang, as_of=fmt_date(summary.as_of, lang)))
    st.rerun()


def render(ctx: PageContext | None, lang: Lang) -> None:
    st.caption(t("data_intro", lang))
    if ctx is None:
        blocks.no_database(lang)
    else:
        blocks.header(ctx)
        loaded(ctx)
    if current_access().can(Capability.UPLOAD):
        upload(lang)
