"""The director's "Selitys ja toimenpiteet" on a goal page: only johto (and the one local
user) may write it; the board and analysts read it; pasted HTML is shown as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from access.director_notes import current, write_note
from tests.access.test_gate import AUTH
from tests.app.conftest import APP, open_page
from ui import board_report_download, cached_queries, page_context
from ui.i18n import t
from ui.view import view_from_params

GOAL = "kohtaanto"
PASTED = '<script>alert("x")</script> Täyttöaika piteni, koska <b>rekry</b> viivästyi.'


@pytest.fixture
def notes_db(kpi_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "notes.sqlite"
    monkeypatch.setenv("KPI_NOTES_DB", str(path))
    return path


SEPTEMBER = {"jakso": "kuukausi", "kk": "2026-09"}


def _goal_page(roles: list[str] | None, params: dict[str, str] = SEPTEMBER) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["kieli"] = "fi"
    for key, value in params.items():
        at.query_params[key] = value
    if roles is not None:
        at.secrets = AUTH
        at.user = {
            "is_logged_in": True,
            "sub": "x1",
            "name": "T",
            "email": f"{roles[0]}@kunta.fi",
            "roles": roles,
        }
    at.run()
    open_page(at, GOAL).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _html(at: AppTest) -> str:
    return "\n".join(str(e.proto.body) for e in at.get("html"))


def _editors(at: AppTest) -> list[Any]:
    return [a for a in at.text_area if a.key == f"notes_text_{GOAL}"]


@pytest.mark.parametrize(
    ("roles", "writes"),
    [(["johto"], True), (["analyytikko"], False), (["lautakunta"], False), (None, True)],
)
def test_only_management_and_the_local_user_may_write(
    notes_db: Path, roles: list[str] | None, writes: bool
) -> None:
    at = _goal_page(roles)
    assert bool(_editors(at)) == writes
    if not writes:  # nothing written yet: no empty box for the readers
        assert t("notes_title", "fi") not in "\n".join(m.value for m in at.markdown)


def test_the_director_writes_and_the_board_reads_it_as_plain_text(notes_db: Path) -> None:
    at = _goal_page(["johto"])
    _editors(at)[0].input(PASTED)
    next(b for b in at.button if b.proto.label == t("notes_save", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    saved = [n for n in (current(notes_db, GOAL, *_period()),) if n]
    assert saved and saved[0].text == PASTED and saved[0].author == "johto@kunta.fi"
    for roles in (["lautakunta"], ["analyytikko"]):
        board = _goal_page(roles)
        html = _html(board)
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        assert "<script>alert" not in html and "<b>rekry</b>" not in html
        assert "johto@kunta.fi" in html
        assert t("notes_title", "fi") in "\n".join(m.value for m in board.markdown)


def test_a_text_of_another_period_is_not_shown(notes_db: Path) -> None:
    write_note(notes_db, GOAL, date(2026, 8, 1), date(2026, 8, 31), "Elokuun selitys.", "j@k.fi")
    assert "Elokuun selitys." not in _html(_goal_page(["lautakunta"]))
    write_note(notes_db, GOAL, *_period(), "Syyskuun selitys.", "j@k.fi")
    assert "Syyskuun selitys." in _html(_goal_page(["lautakunta"]))


def _period() -> tuple[date, date]:
    return date(2026, 9, 1), date(2026, 9, 30)


def _report(params: dict[str, str]) -> str:
    handle = cached_queries.current_db()
    assert handle is not None
    ctx = page_context.build(view_from_params({"kieli": "fi", **params}), handle)
    return board_report_download.report_bytes(ctx).decode("utf-8")


def test_the_report_of_its_period_prints_it_and_another_periods_does_not(
    notes_db: Path,
) -> None:
    write_note(notes_db, GOAL, *_period(), PASTED, "johtaja@kunta.fi")
    september = _report({"jakso": "kuukausi", "kk": "2026-09"})
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Täyttöaika piteni" in september
    assert "<script>alert" not in september
    goal = september.index("<h2>Kohtaannon")
    assert goal < september.index("Selitys ja toimenpiteet") < september.index("</table>", goal)
    for other in ({"jakso": "kuukausi", "kk": "2026-08"}, {"jakso": "vuosi_alusta"}):
        assert "Täyttöaika piteni" not in _report(other)


def test_a_text_written_on_a_range_is_the_boards_whole_months(notes_db: Path) -> None:
    """The board sees a range widened to whole months (docs/privacy.md); the director's text
    of the same view belongs to that period, so the board reads what was written."""
    view = {"jakso": "vali", "alku": "2026-02-03", "loppu": "2026-04-17"}
    at = _goal_page(["johto"], view)
    _editors(at)[0].input("Kevään selitys.")
    next(b for b in at.button if b.proto.label == t("notes_save", "fi")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    saved = current(notes_db, GOAL, date(2026, 2, 1), date(2026, 4, 30))
    assert saved is not None and saved.text == "Kevään selitys."
    assert "Kevään selitys." in _html(_goal_page(["lautakunta"], view))
    assert "Kevään selitys." in _report(view)
