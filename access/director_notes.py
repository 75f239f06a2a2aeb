"""The director's "Selitys ja toimenpiteet" (explanation and actions): a plain text per goal
and period, written on the dashboard by the role ``johto`` and read by everyone who sees the
goal, printed in the board report of its period.

The texts live in their own SQLite file (``KPI_NOTES_DB``, default ``data/notes.sqlite``),
never in the loaded database: a load replaces that file whole, and must never lose what a
person wrote. Every save is a new row in one transaction (SQLite's commit is atomic: a
crash leaves the previous text), dated and signed with who wrote it; nothing is updated or
deleted, so the history stays and the newest row is the text shown. Saving an empty text
withdraws the explanation (the newest row is empty, so nothing is shown).

"Its period" is the goal and a period (first and last day): the caller's choice; the
dashboard uses the view's period widened to whole months, the board's (ui.notes_view). The
board report of that period prints it, a report of any other period does not. The area is
not part of the key: the explanation is the goal's, shown with every area's view.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

MAX_CHARS = 4000
LOCAL_AUTHOR = "paikallinen käyttäjä / local user"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    goal TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    body TEXT NOT NULL,
    author TEXT NOT NULL,
    written_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_by_period ON notes (period_start, period_end, goal, id);
"""


class NotesError(Exception):
    """A text could not be saved or read; the message is in Finnish and English."""


@dataclass(frozen=True)
class Note:
    goal: str
    start: date
    end: date
    text: str
    author: str
    written_at: datetime  # UTC


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=10)
    except (OSError, sqlite3.Error) as exc:
        raise NotesError(
            f"Selitystiedostoa {path} ei voi avata ({exc}). Tarkista KPI_NOTES_DB ja kansion "
            f"oikeudet. / Cannot open the notes file {path} ({exc}). Check KPI_NOTES_DB and "
            "the folder's permissions."
        ) from exc
    try:
        with con:  # one transaction: committed whole or rolled back
            con.executescript(_SCHEMA)
            yield con
    finally:
        con.close()


def write_note(
    path: Path,
    goal: str,
    start: date,
    end: date,
    text: str,
    author: str,
    *,
    now: datetime | None = None,
) -> Note:
    """Saves ``text`` as the newest explanation of ``goal`` for ``[start, end]``."""
    body = text.replace("\r\n", "\n").strip()
    if len(body) > MAX_CHARS:
        raise NotesError(
            f"Teksti on liian pitkä ({len(body)} merkkiä, enintään {MAX_CHARS}). Lyhennä sitä. / "
            f"The text is too long ({len(body)} characters, at most {MAX_CHARS}). Shorten it."
        )
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    note = Note(goal, start, end, body, author.strip() or LOCAL_AUTHOR, moment)
    with _connect(path) as con:
        con.execute(
            "INSERT INTO notes (goal, period_start, period_end, body, author, written_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (goal, start.isoformat(), end.isoformat(), body, note.author, moment.isoformat()),
        )
    return note


def _note(row: tuple[str, str, str, str, str, str]) -> Note:
    goal, start, end, body, author, written = row
    return Note(
        goal,
        date.fromisoformat(start),
        date.fromisoformat(end),
        body,
        author,
        datetime.fromisoformat(written),
    )


def history(path: Path, goal: str, start: date, end: date) -> list[Note]:
    """Every saved text of the goal and period, newest first (none when no file yet)."""
    if not path.exists():
        return []
    with _connect(path) as con:
        rows = con.execute(
            "SELECT goal, period_start, period_end, body, author, written_at FROM notes "
            "WHERE goal = ? AND period_start = ? AND period_end = ? ORDER BY id DESC",
            (goal, start.isoformat(), end.isoformat()),
        ).fetchall()
    return [_note(r) for r in rows]


def current(path: Path, goal: str, start: date, end: date) -> Note | None:
    """The text shown: the newest save, unless it withdrew the explanation (empty)."""
    notes = history(path, goal, start, end)
    return notes[0] if notes and notes[0].text else None


def current_for_period(path: Path, start: date, end: date) -> dict[str, Note]:
    """The shown text of every goal that has one for ``[start, end]`` (the board report)."""
    if not path.exists():
        return {}
    with _connect(path) as con:
        rows = con.execute(
            "SELECT goal, period_start, period_end, body, author, written_at FROM notes "
            "WHERE id IN (SELECT max(id) FROM notes WHERE period_start = ? AND period_end = ? "
            "GROUP BY goal)",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
    return {n.goal: n for n in map(_note, rows) if n.text}
