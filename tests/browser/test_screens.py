"""What the screen looks like at the board's and the director's 1440 x 900, in chromium:
no card value runs past its card, and the dark theme's primary button and selected segments
are readable (WCAG AA). Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import settle
from tests.ui.test_theme import contrast

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Each card value's text box (a Range over its contents) and its card's inner right edge.
OVERFLOW_JS = """() => [...document.querySelectorAll('.kpi-value')].map(v => {
  const card = v.closest('.kpi-card');
  const range = document.createRange();
  range.selectNodeContents(v);
  const style = getComputedStyle(card);
  const inner = card.getBoundingClientRect().right - parseFloat(style.borderRightWidth);
  return {text: v.innerText, right: range.getBoundingClientRect().right, inner: inner,
          scroll: v.scrollWidth, client: v.clientWidth};
})"""


def _hex(css: str) -> str:
    """``rgb(0, 114, 178)`` (or an opaque ``rgba``) as ``#0072B2``."""
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    assert len(parts) == 3 or parts[3] == 1.0, css  # an opaque colour
    return "#" + "".join(f"{round(c):02X}" for c in parts[:3])


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_card_value_is_wider_than_its_card(browser: Any, app_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(f"{app_url}/?kieli={lang}")
        settle(tab)
        values = tab.evaluate(OVERFLOW_JS)
        assert len(values) >= 17
        for v in values:
            assert v["right"] <= v["inner"] + 0.5, v
            assert v["scroll"] <= v["client"], v
        tab.screenshot(path=str(ARTIFACTS / f"{lang}_overview_1440x900.png"))
    finally:
        context.close()


def test_the_dark_themes_primary_button_and_selected_segments_have_aa_contrast(
    browser: Any, app_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme="dark")
    try:
        tab = context.new_page()
        tab.goto(f"{app_url}/")
        settle(tab)
        button = tab.locator('[data-testid="stBaseButton-primary"]').first
        label, fill = button.evaluate(
            "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]"
        )
        assert contrast(_hex(label), _hex(fill)) >= 4.5, (label, fill)
        page_bg = tab.evaluate(
            "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]'))"
            ".backgroundColor"
        )
        selected = tab.locator('button[data-variant="segmented_control"][aria-checked="true"]')
        assert selected.count() >= 1
        for i in range(selected.count()):
            colour = selected.nth(i).evaluate("b => getComputedStyle(b).color")
            assert contrast(_hex(colour), _hex(page_bg)) >= 4.5, colour
        tab.screenshot(path=str(ARTIFACTS / "fi_overview_dark_1440x900.png"))
    finally:
        context.close()
