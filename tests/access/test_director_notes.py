"""access.director_notes: the director's texts per goal and period, kept apart from the
loaded data, with their history; they survive a new load and a restart."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from access.director_notes import (
    LOCAL_AUTHOR,
    MAX_CHARS,
    NotesError,
    current,
    current_for_period,
    history,
    write_note,
)
from common.settings import PROJECT_ROOT
from pipelines import load_folder

JAN = (date(2026, 1, 1), date(2026, 1, 31))
YTD = (date(2026, 1, 1), date(2026, 10, 31))
SAMPLE = PROJECT_ROOT / "sample_data" / "sample"


def test_the_newest_text_is_shown_and_the_history_kept(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    first = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    write_note(db, "kohtaanto", *JAN, "Ensimmäinen.", "a@kunta.fi", now=first)
    write_note(db, "kohtaanto", *JAN, "Toinen\r\nrivi. ", "b@kunta.fi")
    notes = history(db, "kohtaanto", *JAN)
    assert [n.text for n in notes] == ["Toinen\nrivi.", "Ensimmäinen."]
    assert [n.author for n in notes] == ["b@kunta.fi", "a@kunta.fi"]
    assert notes[1].written_at == first
    shown = current(db, "kohtaanto", *JAN)
    assert shown is not None and shown.text == "Toinen\nrivi."


def test_an_empty_text_withdraws_but_keeps_the_history(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    write_note(db, "kohtaanto", *JAN, "Selitys.", "a@kunta.fi")
    write_note(db, "kohtaanto", *JAN, "   ", "")
    assert current(db, "kohtaanto", *JAN) is None
    assert current_for_period(db, *JAN) == {}
    assert [n.author for n in history(db, "kohtaanto", *JAN)] == [LOCAL_AUTHOR, "a@kunta.fi"]


def test_a_text_belongs_to_its_goal_and_period_only(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    write_note(db, "kohtaanto", *JAN, "Tammikuu.", "a@kunta.fi")
    write_note(db, "lahipalvelut", *YTD, "Vuoden alusta.", "a@kunta.fi")
    assert set(current_for_period(db, *JAN)) == {"kohtaanto"}
    assert set(current_for_period(db, *YTD)) == {"lahipalvelut"}
    assert current(db, "kohtaanto", *YTD) is None
    assert current(db, "lahipalvelut", *JAN) is None
    assert current_for_period(db, date(2026, 2, 1), date(2026, 2, 28)) == {}


def test_no_file_reads_as_no_texts_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "none" / "notes.sqlite"
    assert history(db, "kohtaanto", *JAN) == []
    assert current_for_period(db, *JAN) == {}
    assert not db.parent.exists()


def test_too_long_a_text_is_refused_in_both_languages(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    with pytest.raises(NotesError, match=r"liian pitkä.*too long"):
        write_note(db, "kohtaanto", *JAN, "x" * (MAX_CHARS + 1), "a@kunta.fi")
    assert history(db, "kohtaanto", *JAN) == []


def test_an_unwritable_place_is_a_bilingual_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(NotesError, match="KPI_NOTES_DB"):
        write_note(blocker / "notes.sqlite", "kohtaanto", *JAN, "x", "a@kunta.fi")


def test_texts_survive_a_new_load_and_a_restart(tmp_path: Path) -> None:
    """The loaded database beside the notes is replaced by a load; the texts stay. Written
    by another process (a restarted app), they read back the same."""
    data = tmp_path / "data"
    data.mkdir()
    notes = data / "notes.sqlite"
    kpi = data / "kpi.duckdb"
    load_folder(SAMPLE, kpi)
    script = (
        "import sys; from datetime import date; from pathlib import Path; "
        "from access.director_notes import write_note; "
        "write_note(Path(sys.argv[1]), 'kohtaanto', date(2026, 1, 1), date(2026, 1, 31), "
        "'Kirjoitettu ennen latausta.', 'johtaja@kunta.fi')"
    )
    subprocess.run([sys.executable, "-c", script, str(notes)], check=True, cwd=PROJECT_ROOT)
    before = kpi.stat().st_ino
    load_folder(SAMPLE, kpi)
    assert kpi.stat().st_ino != before  # the database file was replaced
    shown = current(notes, "kohtaanto", *JAN)
    assert shown is not None
    assert (shown.text, shown.author) == ("Kirjoitettu ennen latausta.", "johtaja@kunta.fi")
