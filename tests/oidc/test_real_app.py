"""The dashboard itself (app.py, with the committed sample loaded) behind the real test
identity provider: the board sees the board's pages only and is refused the others by URL,
the analyst sees every page and signs out; without [auth] the app is in local mode and says
so. Screenshots go to tests/artifacts/oidc/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from access import texts
from tests.app.conftest import sample_db  # noqa: F401  (the session fixture, shared)
from tests.oidc.conftest import Steps, new_context
from tests.oidc.harness import REPO, SignInSite, free_port, provider_and_app, streamlit_app
from tests.oidc.test_sign_in import nav_paths, sign_in
from ui.pages import GOAL_KEYS

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]

APP = REPO / "app.py"
NOT_FOR_BOARD = ("palveluprosessi", "resurssit", "aineisto")
RUNNING = '[data-testid="stStatusWidget"]'  # shown while the script runs


@pytest.fixture(scope="module")
def real_site(
    tmp_path_factory: pytest.TempPathFactory,
    sample_db: Path,  # noqa: F811
) -> Iterator[SignInSite]:
    workdir = tmp_path_factory.mktemp("oidc-real")
    with provider_and_app(APP, workdir, "", {"KPI_DB": str(sample_db)}) as site:
        yield site


def settled(page: Page) -> None:
    """Wait until the script has finished running (Streamlit's status widget is gone)."""
    expect(page.get_by_role("button", name=texts.SIGN_OUT)).to_be_visible(timeout=60_000)
    expect(page.locator(RUNNING)).to_have_count(0, timeout=60_000)


def test_board_sees_only_the_board_pages(
    browse: Callable[[Steps], None], real_site: SignInSite, artifacts: Path
) -> None:
    def steps(browser: Browser) -> None:
        context = new_context(browser)
        page = sign_in(context, real_site, "lautakunta")
        settled(page)
        paths = nav_paths(page)
        assert set(GOAL_KEYS) <= paths
        assert paths.isdisjoint(NOT_FOR_BOARD)
        page.screenshot(path=str(artifacts / "real_app_lautakunta.png"))
        for path in NOT_FOR_BOARD:
            page.goto(f"{real_site.app_url}/{path}")
            expect(
                page.get_by_text(f"The page {path} is not available to your role")
            ).to_be_visible()
        page.screenshot(path=str(artifacts / "real_app_lautakunta_refused.png"))

    browse(steps)


def test_analyst_sees_every_page_then_signs_out(
    browse: Callable[[Steps], None], real_site: SignInSite, artifacts: Path
) -> None:
    def steps(browser: Browser) -> None:
        context = new_context(browser)
        page = sign_in(context, real_site, "analyytikko")
        settled(page)
        assert {*GOAL_KEYS, *NOT_FOR_BOARD} <= nav_paths(page)
        expect(page.get_by_text("Anna Analyytikko · Analyytikko / Analyst")).to_be_visible()
        page.screenshot(path=str(artifacts / "real_app_analyytikko.png"))
        page.get_by_role("button", name=texts.SIGN_OUT).click()
        expect(page.get_by_role("button", name=texts.SIGN_IN)).to_be_visible()

    browse(steps)


def test_without_auth_the_app_is_in_local_mode(
    browse: Callable[[Steps], None],
    tmp_path: Path,
    sample_db: Path,  # noqa: F811
    artifacts: Path,
) -> None:
    def steps(browser: Browser) -> None:
        context = new_context(browser)
        no_secrets = tmp_path / "no-secrets.toml"  # absent: no [auth], whatever ~/.streamlit holds
        with streamlit_app(
            APP, free_port(), no_secrets, tmp_path, {"KPI_DB": str(sample_db)}
        ) as url:
            page = context.new_page()
            page.goto(url)
            banner = page.locator('[data-testid="stAlert"]').filter(has_text="Local mode")
            expect(banner).to_be_visible(timeout=60_000)  # at the top of every page
            expect(page.get_by_text("Paikallinen tila")).to_have_count(1)  # said once, not twice
            assert {*GOAL_KEYS, *NOT_FOR_BOARD} <= nav_paths(page)
            expect(page.get_by_role("button", name=texts.SIGN_OUT)).to_have_count(0)
            expect(page.locator(RUNNING)).to_have_count(0, timeout=60_000)
            page.screenshot(path=str(artifacts / "real_app_local_mode.png"))

    browse(steps)
