"""The first visit after the server starts may be a deep link (a link in an e-mail or in the
board's agenda): it must open that page through app.py, with no "Page not found" dialog and
with the shared sidebar (which only app.py draws), for a goal page and for the legacy name of
a page file, which must not run on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.app.conftest import sample_db  # noqa: F401  (the session fixture, shared)
from tests.browser.conftest import dashboard_server
from tests.browser.test_dashboard import settle


def _first_visit(browser: Any, db: Path, log: Path, path: str) -> tuple[int, int, int]:
    """(Page-not-found dialogs, error boxes, shared sidebars) on the first visit to ``path``
    after a fresh server start."""
    with dashboard_server(db, log) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            tab = context.new_page()
            tab.goto(f"{url}/{path}")
            settle(tab)
            tab.wait_for_timeout(1000)  # the dialog would come after the first run
            sidebar = tab.locator('[data-testid="stSidebar"]')
            return (
                tab.get_by_text("Page not found").count(),
                tab.locator('[data-testid="stException"]').count(),
                sidebar.get_by_text("Kieli / Language").count(),
            )
        finally:
            context.close()


def test_a_deep_link_as_the_first_visit_opens_the_page(
    browser: Any,
    sample_db: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    assert _first_visit(browser, sample_db, tmp_path / "a.log", "kohtaanto") == (0, 0, 1)


def test_a_page_file_never_runs_without_app_py(
    browser: Any,
    sample_db: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """A page file's own name is not a URL of the app: the visit lands on the overview with
    the shared sidebar (and Streamlit's "Page not found" notice), never on the bare file."""
    _, errors, sidebars = _first_visit(browser, sample_db, tmp_path / "b.log", "goal_kohtaanto")
    assert (errors, sidebars) == (0, 1)
