"""The Plotly charts as a person uses them, in headless chromium: hovering a point of a goal
page's trend shows its month and value in Finnish; the charts follow the light and the dark
theme; the board report draws its charts offline. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHART = '[data-testid="stPlotlyChart"]'


def _open(browser: Any, url: str, scheme: str = "light", chart: bool = True) -> Any:
    context = browser.new_context(viewport={"width": 1440, "height": 1800}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(url)
    settle(tab)
    if chart:
        tab.locator(f"{CHART} .main-svg").first.wait_for(state="attached", timeout=60_000)
    return tab


def _hover_point(tab: Any, index: int) -> str:
    """Moves the mouse onto point ``index`` of the first chart's line and returns the
    tooltip's text (Plotly listens on a layer above the points, so the mouse moves there)."""
    point = tab.locator(f"{CHART} .scatterlayer path.point").nth(index)
    box = point.bounding_box()
    assert box is not None
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tip = tab.locator(f"{CHART} .hoverlayer .hovertext").first
    tip.wait_for(timeout=10_000)
    return str(tip.text_content())


def test_hovering_a_point_of_a_goal_trend_reads_the_finnish_tooltip(
    browser: Any, app_url: str
) -> None:
    tab = _open(browser, f"{app_url}/lahipalvelut")
    try:
        text = _hover_point(tab, 1)  # February 2026: a whole month of the year to date
        assert re.match(r"2/2026", text), text
        assert re.search(r"\d+,\d\u00a0%", text), text  # 75,3 %: decimal comma, no-break space
        assert "tavoite ≥\u00a075\u00a0%" in text, text
        tab.screenshot(path=str(ARTIFACTS / "fi_lahipalvelut_hover.png"))
        modebar = tab.locator(f"{CHART} .modebar-btn")
        titles = {modebar.nth(i).get_attribute("data-title") for i in range(modebar.count())}
        assert not {"Lasso Select", "Box Select", "Zoom", "Pan"} & titles, titles
        assert tab.locator(f"{CHART} .modebar .plotlyjsicon").count() == 0  # no logo
    finally:
        tab.context.close()


def _luminance(rgb: str) -> float:
    """WCAG relative luminance of a CSS ``rgb(r, g, b)`` colour."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize(
    ("scheme", "background"), [("light", (255, 255, 255)), ("dark", (14, 17, 23))]
)
def test_the_charts_follow_the_theme(
    browser: Any, app_url: str, scheme: str, background: tuple[int, int, int]
) -> None:
    """Streamlit's theme colours the axis labels for the viewer's light or dark theme
    (.streamlit/config.toml), readable on its background (contrast at least 3:1)."""
    tab = _open(browser, f"{app_url}/koulutukset", scheme)
    try:
        tab.locator(f"{CHART} .ytick text").first.wait_for(state="attached")
        fill = tab.evaluate(
            "s => getComputedStyle(document.querySelector(s)).fill", f"{CHART} .ytick text"
        )
        page_bg = tab.evaluate(
            "getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor"
        )
        assert page_bg == "rgb({}, {}, {})".format(*background)
        light, dark = sorted([_luminance(fill), _luminance(page_bg)], reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 3, (fill, page_bg)
        tab.screenshot(path=str(ARTIFACTS / f"fi_koulutukset_{scheme}.png"), full_page=True)
    finally:
        tab.context.close()


def test_the_board_report_draws_its_charts_offline(browser: Any, app_url: str) -> None:
    tab = _open(browser, f"{app_url}/", chart=False)
    try:
        with tab.expect_download() as info:
            tab.get_by_role("button", name=re.compile("Lautakunnan raportti")).click()
        report = Path(info.value.path()).read_text(encoding="utf-8")
    finally:
        tab.context.close()
    path = ARTIFACTS / "board_report_charts.html"
    path.write_text(report, encoding="utf-8")
    context = browser.new_context(viewport={"width": 900, "height": 1400}, offline=True)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector(".chart .main-svg", timeout=30_000)
        assert page.locator(".chart .main-svg").count() >= 2
        assert page.locator(".chart .annotation-text").first.text_content() != ""
        page.screenshot(path=str(ARTIFACTS / "board_report.png"), full_page=False)
        page.locator(".goal").first.screenshot(path=str(ARTIFACTS / "board_report_goal.png"))
    finally:
        context.close()


def test_the_overview_loads_the_chart_library_while_it_is_read(browser: Any, app_url: str) -> None:
    """The overview draws no Plotly chart, yet the browser fetches and runs Streamlit's
    Plotly module at its first idle moment (ui/chart_preload.py), so that a goal page opened
    from it does not wait for 4.6 MB of script; the goal page then draws its charts."""
    tab = _open(browser, f"{app_url}/", chart=False)
    try:
        assert tab.locator(CHART).count() == 0
        tab.wait_for_function(
            "performance.getEntriesByType('resource')"
            ".some(e => /PlotlyChart\\.[^/]*\\.js$/.test(e.name))",
            timeout=20_000,
        )
        tab.locator('[data-testid="stSidebarNavLink"][href$="/lahipalvelut"]').first.click()
        tab.locator(f"{CHART} .main-svg").first.wait_for(state="attached", timeout=60_000)
        loads = tab.evaluate(
            "performance.getEntriesByType('resource')"
            ".filter(e => /PlotlyChart\\.[^/]*\\.js$/.test(e.name)).length"
        )
        assert loads == 1  # the goal page's charts used the module loaded on the overview
    finally:
        tab.context.close()
