"""A broken database file at start-up: every page says so in the user's language and how to
reload (command line or the Data page), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP
from ui.i18n import Lang
from ui.sidebar import LANG_KEY

TEXT = {
    "fi": ("Tietokantaa ei voitu avata", "python -m pipelines load KANSIO", "Aineisto-sivulla"),
    "en": ("The database could not be opened", "python -m pipelines load FOLDER", "Data page"),
}


def _garbage(tmp_path: Path, sample_db: Path) -> Path:
    path = tmp_path / "garbage.duckdb"
    path.write_bytes(b"\x00not a database\xff" * 4096)
    return path


def _truncated(tmp_path: Path, sample_db: Path) -> Path:
    path = tmp_path / "truncated.duckdb"
    data = sample_db.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


@pytest.mark.parametrize("broken", [_garbage, _truncated], ids=["garbage", "truncated"])
@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("page", [None, "app_pages/data_page.py"], ids=["overview", "data"])
def test_broken_database_shows_how_to_reload_not_a_traceback(
    tmp_path: Path, sample_db: Path, monkeypatch: pytest.MonkeyPatch,
    broken: object, lang: Lang, page: str | None,
) -> None:  # fmt: skip
    assert callable(broken)
    db = broken(tmp_path, sample_db)
    monkeypatch.setenv("KPI_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[LANG_KEY] = lang  # the language a shared link opens in
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    shown = "\n".join(e.value for e in at.error)
    title, command, upload = TEXT[lang]
    assert title in shown and command in shown and upload in shown and str(db) in shown
    assert "Traceback" not in shown
