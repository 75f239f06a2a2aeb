"""The director's "Selitys ja toimenpiteet" on a goal's page, under its heading: the newest
text of the goal and the view's period (access.director_notes) for everyone who sees the
page, and for the role that may write (``write_notes``: johto; the one local user) a form to
write or change it, with the earlier versions one click away.

The text is shown as plain text: HTML is escaped, so ``<script>`` pasted into it is shown,
never run, and Markdown is not interpreted either.
"""

from __future__ import annotations

from datetime import date
from html import escape

import streamlit as st

from access import director_notes
from access.director_notes import LOCAL_AUTHOR, Note, NotesError
from access.gate import current_access
from access.roles import Capability
from common.settings import get_settings
from ui.formatting import fmt_datetime, fmt_period
from ui.i18n import Lang, t
from ui.page_context import PageContext
from ui.view import whole_months


def notes_period(ctx: PageContext) -> tuple[date, date]:
    """The period a text belongs to: the view's, widened to whole months — the board's
    period of the same view (docs/privacy.md), so that what the director writes on
    1.1.–15.11. is what the board reads on its 1.1.–30.11."""
    return whole_months(ctx.start, ctx.end)


def signed(note: Note, lang: Lang) -> str:
    """``kirjoittanut a@kunta.fi 14.3.2025 klo 9.05`` (times in UTC as stored)."""
    return t("notes_signed", lang, author=note.author, when=fmt_datetime(note.written_at, lang))


def note_html(note: Note, lang: Lang) -> str:
    """The text as escaped HTML, line breaks kept, with who wrote it and when."""
    return (
        f'<div class="kpi-note" style="white-space: pre-wrap">{escape(note.text)}</div>'
        f'<div class="kpi-note-signed"><small>{escape(signed(note, lang))}</small></div>'
    )


def render(ctx: PageContext, goal: str) -> None:
    lang = ctx.lang
    path = get_settings().notes_db
    access = current_access()
    may_write = access.can(Capability.WRITE_NOTES)
    start, end = notes_period(ctx)
    try:
        notes = director_notes.history(path, goal, start, end)
    except NotesError as exc:
        st.warning(str(exc), icon=":material/warning:")
        return
    shown = notes[0] if notes and notes[0].text else None
    if shown is None and not may_write:
        return
    with st.container(border=True):
        st.markdown(f"**{t('notes_title', lang)}** · {fmt_period(start, end, lang)}")
        if shown is not None:
            st.html(note_html(shown, lang))
        elif may_write:
            st.caption(t("notes_empty", lang))
        if may_write:
            _form(ctx, goal, shown, access.user or LOCAL_AUTHOR)
        if len(notes) > 1:
            with st.expander(t("notes_history", lang, n=len(notes) - 1)):
                for note in notes[1:]:
                    st.html(note_html(note, lang) if note.text else escape(signed(note, lang)))


def _form(ctx: PageContext, goal: str, shown: Note | None, author: str) -> None:
    lang = ctx.lang
    with st.form(f"notes_form_{goal}", clear_on_submit=False, border=False):
        text = st.text_area(
            t("notes_field", lang),
            value=shown.text if shown else "",
            max_chars=director_notes.MAX_CHARS,
            key=f"notes_text_{goal}",
            help=t("notes_help", lang),
        )
        saved = st.form_submit_button(t("notes_save", lang), icon=":material/save:")
    if not saved:
        return
    try:
        director_notes.write_note(
            get_settings().notes_db, goal, *notes_period(ctx), text or "", author
        )
    except NotesError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    st.rerun()
