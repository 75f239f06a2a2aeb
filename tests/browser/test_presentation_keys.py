"""Presentation mode as a meeting room uses it, in headless chromium: the keys a clicker sends
(arrows, Page Up/Down, space) move between the slides; starting from a goal page opens that
goal's slide; every slide names the area and the period, and the last one (the sample has cost
data) is the finances slide. A screenshot of every slide of one municipality's deck, in
Finnish and English, goes into tests/artifacts/."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from metrics.registry import GOALS
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import settle, wait_for_query
from ui import presentation
from ui.i18n import Lang, t

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SLIDES = presentation.slide_count(finances=True)  # the sample has cost data


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    tab = context.new_page()
    yield tab
    context.close()


def _slide_number(page: Any) -> str:
    return page.locator(".st-key-slide_body h1").inner_text()


def _press(page: Any, key: str, dia: int) -> None:
    page.keyboard.press(key)
    if dia:
        wait_for_query(page, f"dia={dia}")
    else:
        page.wait_for_function("() => !location.search.includes('dia=')")
    settle(page)


def test_the_keys_of_a_clicker_move_between_slides(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/?esitys=1")
    settle(page)
    first = _slide_number(page)
    expected = [t("slide_summary", "fi")] + [GOALS[g].title_fi for g in presentation.GOAL_SLIDES]
    assert first == expected[0]
    steps = [("ArrowRight", 1), ("PageDown", 2), ("Space", 3), ("PageUp", 2), ("ArrowLeft", 1)]
    for key, dia in steps:
        _press(page, key, dia)
        assert f"{dia + 1} / {SLIDES}" in page.inner_text("body"), key
        assert _slide_number(page) == expected[dia], key
    _press(page, "ArrowLeft", 0)
    assert _slide_number(page) == first
    page.keyboard.press("ArrowLeft")  # nothing before the first slide
    settle(page)
    assert _slide_number(page) == first and "dia=" not in page.url
    # After a click on "Seuraava" the button has the focus: space moves one slide, not two.
    page.get_by_role("button", name=t("next", "fi")).click()
    wait_for_query(page, "dia=1")
    settle(page)
    _press(page, "Space", 2)
    assert _slide_number(page) == expected[2]


def test_presentation_mode_from_a_goal_page_opens_that_goal(page: Any, app_url: str) -> None:
    goal = "kohtaanto"
    page.goto(f"{app_url}/{GOALS[goal].url_path}")
    settle(page)
    page.get_by_role("button", name=t("presentation_on", "fi")).click()
    index = presentation.slide_of_path(str(GOALS[goal].url_path))
    wait_for_query(page, f"dia={index}")
    settle(page)
    assert _slide_number(page) == GOALS[goal].title_fi


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_slide_of_a_municipality_names_the_area_and_the_period(
    page: Any, app_url: str, lang: Lang
) -> None:
    kunta = "Rääkkylä"
    page.goto(f"{app_url}/?esitys=1&kieli={lang}&taso=kunta&alue={quote(kunta)}")
    settle(page)
    for i in range(SLIDES):
        where = page.locator(".slide-where").inner_text()
        assert kunta in where and "2026" in where, (i, where)
        page.screenshot(path=str(ARTIFACTS / f"{lang}_slides_raakkyla_{i}.png"))
        if i + 1 < SLIDES:
            _press(page, "ArrowRight", i + 1)
    assert _slide_number(page) == f"{t('nav_finances', lang)} 2026"
