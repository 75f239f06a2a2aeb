"""Sign in for real: a real OpenID Connect provider (npm oidc-provider) on 127.0.0.1, the
app configured against it through secrets.toml's [auth], and headless chromium driving
sign-in, each role's view, a refused URL and sign-out. Screenshots go to
tests/artifacts/oidc/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from access import texts
from tests.oidc.conftest import Steps, new_context
from tests.oidc.harness import HERE, SignInSite, provider_and_app

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(240)]

ROLES_TOML = '[users]\n"lotta.listattu@example.fi" = "johto"\n'
HIDDEN_FROM_BOARD = ("palveluprosessi", "resurssit", "aineisto")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SignInSite]:
    workdir = tmp_path_factory.mktemp("oidc")
    with provider_and_app(HERE / "signin_app.py", workdir, ROLES_TOML) as running:
        yield running


def sign_in(context: BrowserContext, site: SignInSite, user: str) -> Page:
    page = context.new_page()
    page.goto(site.app_url)
    page.get_by_role("button", name=texts.SIGN_IN).click()
    page.wait_for_url(f"{site.issuer}/interaction/**")
    page.locator("input[name=login]").fill(user)
    page.locator("input[name=password]").fill("any")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(f"{site.app_url}/**")
    return page


def nav_paths(page: Page) -> set[str]:
    """The last path segment of every navigation link, read in one go once the run is done."""
    links = page.locator('[data-testid="stSidebarNav"] a')
    expect(links.first).to_be_visible()
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href') || '')")
    return {str(href).rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


@pytest.mark.parametrize(
    ("user", "role", "suppress"),
    [("analyytikko", "analyytikko", False), ("johto", "johto", False),
     ("listattu", "johto", False), ("lautakunta", "lautakunta", True)],
)  # fmt: skip
def test_each_role_sees_its_own_pages(
    browse: Callable[[Steps], None],
    site: SignInSite,
    artifacts: Path,
    user: str,
    role: str,
    suppress: bool,
) -> None:
    def steps(browser: Browser) -> None:
        context = new_context(browser)
        page = sign_in(context, site, user)
        expect(page.get_by_text(f"page=yleiskuva role={role} suppress={suppress}")).to_be_visible()
        expect(page.get_by_role("button", name=texts.SIGN_OUT)).to_be_visible()
        paths = nav_paths(page)
        downloads = page.get_by_role("button", name="Lataa CSV / Download CSV")
        if role == "lautakunta":
            assert paths.isdisjoint(HIDDEN_FROM_BOARD) and "kohtaanto" in paths
            expect(downloads).to_have_count(0)
        else:
            assert set(HIDDEN_FROM_BOARD) <= paths
            expect(downloads).to_have_count(1)
        page.screenshot(path=str(artifacts / f"role_{user}.png"), full_page=True)
        if role != "lautakunta":
            page.goto(f"{site.app_url}/aineisto")
            expect(page.get_by_text(f"page=aineisto role={role}")).to_be_visible()
            uploader = page.get_by_text("Lataa vienti / Upload an export")
            expect(uploader).to_have_count(1 if role == "analyytikko" else 0)

    browse(steps)


def test_board_is_refused_hidden_pages_by_url(
    browse: Callable[[Steps], None], site: SignInSite, artifacts: Path
) -> None:
    def steps(browser: Browser) -> None:
        context = new_context(browser)
        page = sign_in(context, site, "lautakunta")
        expect(page.get_by_text("role=lautakunta")).to_be_visible()
        for path in HIDDEN_FROM_BOARD:
            page.goto(f"{site.app_url}/{path}")
            expect(
                page.get_by_text(f"The page {path} is not available to your role")
            ).to_be_visible()
            expect(page.get_by_text("page=")).to_have_count(0)
        page.screenshot(path=str(artifacts / "board_refused_url.png"))
        # The refusal is not a dead end: its link leads back to the overview.
        page.get_by_role("link", name="To the overview").click()
        expect(page.get_by_text("page=yleiskuva role=lautakunta")).to_be_visible()

    browse(steps)


def test_user_without_role_is_politely_refused(
    browse: Callable[[Steps], None], site: SignInSite, artifacts: Path
) -> None:
    def steps(browser: Browser) -> None:
        context = new_context(browser)
        page = sign_in(context, site, "norole")
        expect(page.get_by_text("You do not have access to this service yet")).to_be_visible()
        expect(page.get_by_text("niko.norooli@example.fi").first).to_be_visible()
        expect(page.get_by_text("page=")).to_have_count(0)
        expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
        page.screenshot(path=str(artifacts / "no_role.png"))

    browse(steps)


def test_sign_out_ends_the_session_here_and_at_the_provider(
    browse: Callable[[Steps], None], site: SignInSite, artifacts: Path
) -> None:
    def steps(browser: Browser) -> None:
        context = new_context(browser)
        page = sign_in(context, site, "analyytikko")
        expect(page.get_by_text("role=analyytikko")).to_be_visible()
        page.get_by_role("button", name=texts.SIGN_OUT).click()
        sign_in_button = page.get_by_role("button", name=texts.SIGN_IN)
        expect(sign_in_button).to_be_visible()
        page.screenshot(path=str(artifacts / "signed_out.png"))
        # A fresh load is still signed out, and signing in again asks for the login again:
        # the provider's session ended too.
        page.goto(site.app_url)
        page.get_by_role("button", name=texts.SIGN_IN).click()
        page.wait_for_url(f"{site.issuer}/interaction/**")
        expect(page.locator("input[name=login]")).to_be_visible()

    browse(steps)
