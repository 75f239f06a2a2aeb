"""Navigation as the browser sees it: /yleiskuva opens the overview, a path that is no page
gets our bilingual page (not Streamlit's English dialog), ``<html lang>`` follows the
language, and every page's tab has its own title."""

from __future__ import annotations

from typing import Any

import pytest

from metrics.registry import GOALS, goals_with_page
from tests.browser.test_dashboard import page, settle  # noqa: F401  (the fixture, shared)
from ui.i18n import Lang, t

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DIALOG = '[role="dialog"]'


def tab_title(page_title: str, lang: Lang) -> str:
    return t("tab_title", lang, page=page_title)


def test_yleiskuva_opens_the_overview(page: Any, app_url: str) -> None:  # noqa: F811
    for path in ("", "yleiskuva"):
        page.goto(f"{app_url}/{path}")
        settle(page)
        assert page.locator("h1").first.inner_text() == t("nav_overview", "fi"), path
        assert page.locator(DIALOG).count() == 0, path
        assert page.locator(".kpi-value").count() > 0, path  # the cards, not an empty page


@pytest.mark.parametrize("path", ["ei-tallaista-sivua", "ty%C3%B6llisyys"])
def test_an_unknown_path_gets_our_page_in_finnish(page: Any, app_url: str, path: str) -> None:  # noqa: F811
    page.goto(f"{app_url}/{path}")
    settle(page)
    assert page.locator(DIALOG).count() == 0, "Streamlit's English 'Page not found' dialog"
    assert page.url.endswith(f"/{path}")
    heading = page.locator("h1").first.inner_text()
    assert t("not_found_title", "fi") in heading
    assert t("not_found_body", "fi") in page.locator('[data-testid="stMain"]').inner_text()
    page.get_by_role("link", name=f"{t('nav_overview', 'fi')} / {t('nav_overview', 'en')}").click()
    settle(page)
    assert page.locator("h1").first.inner_text() == t("nav_overview", "fi")


def test_html_lang_follows_the_language(page: Any, app_url: str) -> None:  # noqa: F811
    page.goto(f"{app_url}/kohtaanto")
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "fi"
    page.goto(f"{app_url}/kohtaanto?kieli=en")
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_text("Suomi", exact=True).click()  # the sidebar's language switch
    page.wait_for_function("() => document.documentElement.lang === 'fi'", timeout=30_000)
    assert page.locator("h1").first.inner_text() == t("goal_short_kohtaanto", "fi")


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_tab_has_its_own_title(page: Any, app_url: str, lang: Lang) -> None:  # noqa: F811
    expected = {"": tab_title(t("nav_overview", lang), lang)}
    for key in goals_with_page():
        expected[str(GOALS[key].url_path)] = tab_title(t(f"goal_short_{key}", lang), lang)
    expected["resurssit"] = tab_title(t("nav_resources", lang), lang)
    seen: dict[str, str] = {}
    for path, title in expected.items():
        page.goto(f"{app_url}/{path}?kieli={lang}")
        settle(page)
        seen[path] = page.title()
        assert seen[path] == title, path
    assert len(set(seen.values())) == len(seen)
    # a click in the navigation (no new page load) changes the title too
    nav_title = t("nav_data", lang)
    page.get_by_role("link", name=nav_title).first.click()
    page.wait_for_function(
        f"() => document.title === {tab_title(nav_title, lang)!r}", timeout=30_000
    )
