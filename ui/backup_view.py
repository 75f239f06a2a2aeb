"""Earlier databases on the Data page: the loader keeps the last three
(``pipelines.backups``); each is listed with its as-of date, load time and rows, and a
role that may load data can put one back in use, after a confirmation.

``pipelines.backups`` is looked up when the page is drawn: without it (a pipelines version
that keeps no backups) the section is simply not shown.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import streamlit as st

from pipelines.validation_report import PipelineError
from ui import cached_queries
from ui.formatting import fmt_date, fmt_datetime, fmt_int
from ui.i18n import Lang, t

_CONFIRM_KEY = "_restore_confirm"  # the name of the backup file asked about
_NOTICE_KEY = "_restore_notice"
_ERROR_KEY = "_restore_error"


def backups_api() -> ModuleType | None:
    """``pipelines.backups`` (``list_backups(db)``, ``restore_backup(db, backup)``)."""
    try:
        return importlib.import_module("pipelines.backups")
    except ModuleNotFoundError as exc:
        if exc.name != "pipelines.backups":
            raise
        return None


def backups(lang: Lang, can_restore: bool) -> None:
    api = backups_api()
    if api is None:
        return
    db = cached_queries.db_path()
    st.subheader(t("backups_title", lang), anchor=False, divider="gray")
    st.caption(t("backups_help", lang))
    notice = st.session_state.pop(_NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    error = st.session_state.pop(_ERROR_KEY, None)
    if error:
        st.error(t("restore_failed", lang), icon=":material/error:")
        st.code(error, language=None)
    try:
        kept: list[Any] = list(api.list_backups(db))
    except PipelineError as exc:
        st.error(t("restore_failed", lang), icon=":material/error:")
        st.code(exc.report.render(), language=None)
        return
    if not kept:
        st.caption(t("no_backups", lang))
        return
    asked = st.session_state.get(_CONFIRM_KEY)
    for backup in kept:
        with st.container(border=True):
            st.markdown(
                t(
                    "backup_line",
                    lang,
                    as_of=fmt_date(backup.as_of, lang),
                    loaded_at=fmt_datetime(backup.loaded_at, lang),
                    rows=fmt_int(sum(backup.rows.values()), lang),
                )
            )
            st.caption(" · ".join(f"{k} {fmt_int(n, lang)}" for k, n in backup.rows.items()))
            if can_restore:
                _restore_buttons(api, db, backup, asked == backup.path.name, lang)


def _restore_buttons(api: ModuleType, db: Any, backup: Any, asked: bool, lang: Lang) -> None:
    key = backup.path.name
    if not asked:
        if st.button(t("restore_button", lang), key=f"restore_{key}"):
            st.session_state[_CONFIRM_KEY] = key
            st.rerun()
        return
    when = {
        "as_of": fmt_date(backup.as_of, lang),
        "loaded_at": fmt_datetime(backup.loaded_at, lang),
    }
    st.warning(t("restore_confirm", lang, **when), icon=":material/warning:")
    yes, no, _rest = st.columns([1, 1, 3])
    if yes.button(t("restore_yes", lang), type="primary", key=f"restore_yes_{key}"):
        st.session_state.pop(_CONFIRM_KEY, None)
        try:
            api.restore_backup(db, backup)
        except PipelineError as exc:
            st.session_state[_ERROR_KEY] = exc.report.render()
        else:
            st.session_state[_NOTICE_KEY] = t("restore_done", lang, as_of=when["as_of"])
        st.rerun()
    if no.button(t("cancel", lang), key=f"restore_no_{key}"):
        st.session_state.pop(_CONFIRM_KEY, None)
        st.rerun()
