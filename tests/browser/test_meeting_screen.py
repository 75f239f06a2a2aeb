"""The weekly meeting's screen in headless chromium at 1440 × 900, the size of the director's
screen: every target's row is on the first screen without scrolling, in Finnish and
English; screenshots of the table and the matrix go into tests/artifacts/."""

from __future__ import annotations

from typing import Any

import pytest

from metrics.registry import REGISTRY
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import settle
from ui.i18n import Lang

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WIDTH, HEIGHT = 1440, 900


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_target_fits_on_one_screen(page: Any, app_url: str, lang: Lang) -> None:
    page.goto(f"{app_url}/viikkopalaveri?kieli={lang}")
    settle(page)
    rows = page.locator(".meet-table tbody tr")
    assert rows.count() == len(REGISTRY)
    last = rows.last.bounding_box()
    assert last is not None and last["y"] + last["height"] <= HEIGHT, last
    page.screenshot(path=str(ARTIFACTS / f"{lang}_meeting_1440x900.png"))
    matrix = page.locator(".meet-matrix")
    matrix.scroll_into_view_if_needed()
    cell = page.locator(".meet-matrix td.cell[data-status]").first
    assert "·" in (cell.get_attribute("title") or "")  # the value in the tooltip
    page.screenshot(path=str(ARTIFACTS / f"{lang}_meeting_matrix.png"))
