"""The page files must not live in a folder named ``pages/`` beside app.py.

Streamlit treats such a folder as a legacy (v1) multipage app until the first session has
called ``st.navigation``: the very first visit after a server start then runs the page file
named in the URL on its own, without app.py's sign-in gate, or shows "Page not found"."""

from __future__ import annotations

from pathlib import Path

from ui.pages import OTHER_PAGES, OVERVIEW_FILE

ROOT = Path(__file__).resolve().parents[2]


def test_there_is_no_legacy_pages_folder_beside_the_entry_script() -> None:
    assert (ROOT / "app.py").is_file()
    assert not (ROOT / "pages").exists(), "move page files to app_pages/ (see docs/dashboard.md)"


def test_every_page_file_exists_in_app_pages() -> None:
    for file in (OVERVIEW_FILE, *(page[0] for page in OTHER_PAGES)):
        assert (ROOT / file).is_file(), file
