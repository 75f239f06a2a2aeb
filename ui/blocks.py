"""Small shared page blocks: the page header with the freshness line, the no-database help."""

from __future__ import annotations

import streamlit as st

from pipelines.validation_report import PipelineError
from ui import cached_queries, page_context, sidebar
from ui.i18n import Lang, t
from ui.page_context import PageContext


def no_database(lang: Lang) -> None:
    """Says that no database exists (or that the file is broken) and how to make one (the
    Data page can upload)."""
    if cached_queries.db_path().exists():
        broken_database(lang)
        return
    st.error(
        f"**{t('no_db_title', lang)}**\n\n{t('no_db_body', lang, path=cached_queries.db_path())}",
        icon=":material/database_off:",
    )


def usable_db() -> cached_queries.DbHandle | None:
    """The current database when it opens; None when there is none or the file is broken
    (``open_readonly``'s PipelineError: ``no_database`` then explains how to reload)."""
    db = cached_queries.current_db()
    if db is None:
        return None
    try:
        cached_queries.load_info(db.path, db.identity)
    except PipelineError:
        return None
    return db


def broken_database(lang: Lang) -> None:
    """Says that the database file is broken and how to load it again (no traceback)."""
    st.error(
        f"**{t('db_error_title', lang)}**\n\n"
        f"{t('broken_db_body', lang, path=cached_queries.db_path())}",
        icon=":material/database_off:",
    )


def require_context(title_key: str) -> PageContext:
    """The page's context after drawing its header; stops the page when there is no data."""
    ctx = page_context.get()
    lang = ctx.lang if ctx else sidebar.current_lang()
    st.title(t(title_key, lang))
    if ctx is None:
        no_database(lang)
        st.page_link(
            "app_pages/data_page.py", label=t("nav_data", lang), icon=":material/database:"
        )
        st.stop()
    header(ctx)
    return ctx


def header(ctx: PageContext) -> None:
    st.caption(ctx.freshness())


def area_caption(ctx: PageContext) -> str:
    area = ctx.view.area
    if area.level == "koko_alue":
        return f"{t('area_whole', ctx.lang)} ({area.area})"
    return f"{area.area} ({t('level_' + area.level, ctx.lang).lower()})"
