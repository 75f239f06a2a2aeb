"""ui.notes_view: the director's text as escaped HTML, signed and dated."""

from __future__ import annotations

from datetime import UTC, date, datetime

from access.director_notes import Note
from ui.notes_view import note_html, signed

NOTE = Note(
    "kohtaanto",
    date(2026, 9, 1),
    date(2026, 9, 30),
    "<img src=x onerror=alert(1)>\nToinen rivi & muuta",
    "johtaja@kunta.fi",
    datetime(2026, 10, 5, 9, 5, tzinfo=UTC),
)


def test_the_text_is_escaped_and_keeps_its_lines() -> None:
    html = note_html(NOTE, "fi")
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;\nToinen rivi &amp; muuta" in html
    assert "pre-wrap" in html


def test_signed_in_both_languages() -> None:
    assert signed(NOTE, "fi") == "kirjoittanut johtaja@kunta.fi 5.10.2026 klo 9.05 (UTC)"
    assert signed(NOTE, "en") == "written by johtaja@kunta.fi 5 Oct 2026 09:05 (UTC)"
