"""The upload on the Data page: files -> check -> the bilingual report -> load, with a
progress bar. The check and the load run in a child process (``access.upload_runner``),
so no file can take the server down; a check that stops is a bilingual message. A load that
would empty an export holding rows asks first. The checked files are the uploader's own
(Streamlit keeps them in the session): nothing is left on disk between the two steps."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.uploaded_file_manager import UploadedFile

from access import upload_runner, upload_workspace
from access.upload_protocol import EMPTY_EXPORT_RULE
from access.upload_safety import UploadRefused
from pipelines.validation_report import Issue, ValidationReport
from ui import cached_queries, tables, theme
from ui.formatting import fmt_date
from ui.i18n import Lang, t

_STATE_KEY = "_upload_state"
_CONFIRM_KEY = "_upload_confirm_empty"
_NOTICE_KEY = "_upload_notice"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UploadState:
    """The outcome of the last check (or load) of the files now in the uploader."""

    upload: tuple[str, ...]  # which files: the uploader's file ids
    report: ValidationReport | None = None
    refused: tuple[str, str, str] | None = None  # UploadRefused: file, Finnish, English


@st.cache_resource(show_spinner=False)
def remove_stale_uploads() -> None:
    """Once per server process, at its start: upload folders a stopped server left behind
    (each new upload removes them too)."""
    try:
        upload_workspace.remove_stale()
    except (UploadRefused, OSError) as exc:  # the upload itself then says what is wrong
        _log.warning("stale uploads not removed: %s", exc)


def issues_table(issues: list[Issue], lang: Lang) -> pl.DataFrame:
    columns = [t(k, lang) for k in ("col_file", "col_row", "col_column", "col_value")]
    return pl.DataFrame(
        {
            columns[0]: [i.file for i in issues],
            columns[1]: [str(i.row) if i.row is not None else "" for i in issues],
            columns[2]: [i.column or "" for i in issues],
            columns[3]: [i.value or "" for i in issues],
            "FI": [i.message_fi for i in issues],
            "EN": [i.message_en for i in issues],
        },
        schema={k: pl.String for k in (*columns, "FI", "EN")},
    )


def would_be_empty(report: ValidationReport) -> list[Issue]:
    """The issues of a refused load when its only reason is exports that would be emptied."""
    empty = [i for i in report.errors if i.rule == EMPTY_EXPORT_RULE]
    return empty if empty and len(empty) == len(report.errors) else []


def _upload_id(files: Sequence[UploadedFile]) -> tuple[str, ...]:
    return tuple(f"{f.file_id}:{f.name}:{f.size}" for f in files)


def _sent(files: Sequence[UploadedFile]) -> list[tuple[str, bytes]]:
    return [(f.name, f.getvalue()) for f in files]


def _forget() -> None:
    for key in (_STATE_KEY, _CONFIRM_KEY):
        st.session_state.pop(key, None)


def upload(lang: Lang) -> None:
    st.subheader(t("upload_title", lang), anchor=False, divider="gray")
    st.caption(t("upload_help", lang))
    st.caption(t("upload_mapping_help", lang))
    if lang == "fi":
        theme.uploader_in_finnish(int(st.get_option("server.maxUploadSize")))
    files = st.file_uploader(
        t("upload_files", lang),
        type=["csv", "xlsx", "parquet", "zip", "toml"],  # toml: only mapping.toml passes
        accept_multiple_files=True,
        key="upload_files",
    )
    files = list(files or [])
    current = _upload_id(files)
    if st.button(t("validate_button", lang), disabled=not files, key="validate_upload"):
        _forget()
        st.session_state[_STATE_KEY] = _check(files, current, lang)
    notice = st.session_state.pop(_NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    state = st.session_state.get(_STATE_KEY)
    if not isinstance(state, UploadState) or state.upload != current:
        _forget()  # no check yet, or other files chosen since: their check does not count
        return
    if state.refused is not None:
        show_refusal(*state.refused, lang=lang)
    elif state.report is not None:
        show_report(state.report, lang)
        if state.report.ok:
            _load_step(files, current, lang)


def _check(files: Sequence[UploadedFile], current: tuple[str, ...], lang: Lang) -> UploadState:
    bar = st.progress(0.0, text=t("validating", lang))
    try:
        report = upload_runner.check_upload(_sent(files), _progress(bar))
    except UploadRefused as exc:
        return UploadState(current, refused=(exc.file, exc.message_fi, exc.message_en))
    finally:
        bar.empty()
    return UploadState(current, report=report)


def _load_step(files: Sequence[UploadedFile], current: tuple[str, ...], lang: Lang) -> None:
    empty = st.session_state.get(_CONFIRM_KEY)
    if empty:
        st.warning(t("confirm_empty", lang), icon=":material/warning:")
        st.markdown(
            "\n".join(
                f"- **{i.file}**: {i.message_fi if lang == 'fi' else i.message_en}" for i in empty
            )
        )
        yes, no, _rest = st.columns([1, 1, 3])
        if yes.button(t("confirm_empty_yes", lang), type="primary", key="load_empty_upload"):
            _load(files, current, lang, allow_empty=True)
        if no.button(t("cancel", lang), key="cancel_empty_upload"):
            st.session_state.pop(_CONFIRM_KEY, None)
            st.rerun()
    elif st.button(t("load_button", lang), type="primary", key="load_upload"):
        _load(files, current, lang, allow_empty=False)


def _load(
    files: Sequence[UploadedFile], current: tuple[str, ...], lang: Lang, allow_empty: bool
) -> None:
    bar = st.progress(0.0, text=t("loading", lang))
    db = str(cached_queries.db_path())
    try:
        result = upload_runner.load_upload(_sent(files), db, allow_empty, _progress(bar))
    except UploadRefused as exc:
        _forget()
        st.session_state[_STATE_KEY] = UploadState(
            current, refused=(exc.file, exc.message_fi, exc.message_en)
        )
        st.rerun()
    finally:
        bar.empty()
    if isinstance(result, ValidationReport):
        empty = [] if allow_empty else would_be_empty(result)
        if empty:  # the check's report stays; the confirmation is asked under it
            st.session_state[_CONFIRM_KEY] = empty
        else:
            _forget()
            st.session_state[_STATE_KEY] = UploadState(current, report=result)
        st.rerun()
    _forget()
    st.session_state[_NOTICE_KEY] = t("load_done", lang, as_of=fmt_date(result.as_of, lang))
    st.rerun()


def _progress(bar: DeltaGenerator) -> upload_runner.Progress:
    def progress(fraction: float, message: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=message)

    return progress


def show_refusal(file: str, message_fi: str, message_en: str, lang: Lang) -> None:
    st.error(
        f"{t('upload_stopped', lang)}\n\n**{file}**\n\nFI: {message_fi}\n\nEN: {message_en}",
        icon=":material/error:",
    )


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
