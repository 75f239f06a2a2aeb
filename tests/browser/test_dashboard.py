"""The dashboard as a person uses it, in headless chromium: every page in both languages
(with a screenshot of each into tests/artifacts/), numbers read from the page equal the KPI
table, area and period switches land in the URL, presentation mode, and the downloads."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import duckdb
import polars as pl
import pytest

from metrics import disclosure, year_earlier_table
from tests.browser.conftest import ARTIFACTS
from ui import downloads, kpi_view, presentation
from ui.i18n import Lang, t
from ui.pages import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

URL_PATHS = tuple((path or "overview", path) for path in PAGE_KINDS if path != "yleiskuva")


def settle(page: Any, timeout_ms: int = 90_000) -> None:
    """Waits until Streamlit has finished running the script and the page is drawn."""
    page.wait_for_selector("h1", timeout=timeout_ms)
    time.sleep(0.4)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=timeout_ms,
    )
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
        timeout=timeout_ms,
    )
    time.sleep(0.6)


def wait_for_query(page: Any, text: str, timeout_ms: int = 30_000) -> None:
    """Waits until the address bar's query has ``text`` (Streamlit rewrites it in place,
    without a navigation, so ``wait_for_url`` would wait for a load that never comes)."""
    page.wait_for_function(f"() => location.search.includes({text!r})", timeout=timeout_ms)


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1440, "height": 2000}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


def kpi_rows(db: Path) -> pl.DataFrame:
    """The year-to-date KPI table under the screens' small-number rule (docs/privacy.md)."""
    con = duckdb.connect(str(db), read_only=True)
    as_of = con.sql("SELECT as_of FROM meta_load").fetchall()[0][0]
    table = disclosure.disclose(con, date(as_of.year, 1, 1), as_of).period  # what screens show
    con.close()
    return table


def year_earlier_rows(db: Path) -> pl.DataFrame:
    """The same year-to-date period a year earlier under the rule, as the overview's file
    holds it after the period's rows."""
    con = duckdb.connect(str(db), read_only=True)
    as_of = con.sql("SELECT as_of FROM meta_load").fetchall()[0][0]
    table = year_earlier_table.year_earlier_disclosed(con, date(as_of.year, 1, 1), as_of).period
    con.close()
    return table


def shown_values(table: pl.DataFrame, lang: Lang, level: str, area: str) -> list[str]:
    rows = table.filter((pl.col("level") == level) & (pl.col("area") == area))
    return sorted(kpi_view.shown_row(r, lang).value for r in rows.iter_rows(named=True))


def spaced(values: list[str]) -> list[str]:
    """Values with any space as a plain one: a card lets a word unit wrap under its number
    ("94,0 asiakasta/htv"), a no-break space elsewhere."""
    return sorted(re.sub(r"\s+", " ", v.replace("\xa0", " ")).strip() for v in values)


def page_values(page: Any) -> list[str]:
    values = page.locator('[data-testid="stMetricValue"], .kpi-value').all_inner_texts()
    return spaced(values)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_page_renders(page: Any, app_url: str, lang: Lang) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, path in URL_PATHS:
        page.goto(f"{app_url}/{path}?kieli={lang}")
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0, name
        heading = page.locator("h1").first.inner_text()
        assert heading.strip(), name
        page.screenshot(path=str(ARTIFACTS / f"{lang}_{name}.png"))
    expected_nav = t("nav_resources", lang)
    assert page.get_by_role("link", name=expected_nav).count() >= 1


def test_numbers_on_the_page_equal_the_kpi_table(page: Any, app_url: str, sample_db: Path) -> None:
    table = kpi_rows(sample_db)
    page.goto(f"{app_url}/?kieli=fi")
    settle(page)
    assert page_values(page) == spaced(shown_values(table, "fi", "koko_alue", "Pohjois-Karjala"))
    page.goto(f"{app_url}/?kieli=en&taso=palvelualue&alue=Joensuu")
    settle(page)
    own = table.filter((pl.col("level") == "palvelualue") & (pl.col("area") == "Joensuu"))
    whole_only = set(table["metric_id"].unique()) - set(own["metric_id"].unique())
    whole = table.filter(
        (pl.col("level") == "koko_alue") & pl.col("metric_id").is_in(sorted(whole_only))
    )
    expected = sorted(
        kpi_view.shown_row(r, "en").value for r in pl.concat([own, whole]).iter_rows(named=True)
    )
    assert page_values(page) == spaced(expected)


def choose(page: Any, label: str, option: str) -> None:
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def test_area_and_period_switches_go_into_the_url(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/kohtaanto")
    settle(page)
    choose(page, "Alue", "Keski-Karjala · palvelualue")
    wait_for_query(page, "taso=palvelualue")
    assert "alue=Keski-Karjala" in page.url
    choose(page, "Ajanjakso", "Kuukausi")
    wait_for_query(page, "jakso=kuukausi")
    assert "kk=2026-10" in page.url
    assert "1.10.–31.10.2026" in page.inner_text("body")
    page.screenshot(path=str(ARTIFACTS / "fi_kohtaanto_keski-karjala_month.png"))
    # The link reproduces the view in a new session.
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    settle(page)
    assert "Keski-Karjala (palvelualue)" in page.inner_text("body")
    assert "1.10.–31.10.2026" in page.inner_text("body")


def test_a_goal_pages_view_choices_go_into_the_url(page: Any, app_url: str) -> None:
    """The per-metric view (month, week, per area) and the breakdown are in the link too,
    beside the sidebar's choices (by their label: Streamlit binds the widgets to the URL)."""
    first = kpi_view.metrics_of_goal("lahipalvelut")[0].id
    page.goto(f"{app_url}/lahipalvelut?taso=palvelualue&alue=Keski-Karjala")
    settle(page)
    page.get_by_text("Kunnittain", exact=True).first.click()
    wait_for_query(page, f"view_{first}=Kunnittain")
    page.get_by_text(t("meeting_flows", "fi"), exact=True).first.click()
    wait_for_query(page, "breakdown_lahipalvelut=" + quote_plus(t("meeting_flows", "fi")))
    settle(page)
    assert "alue=Keski-Karjala" in page.url  # the sidebar's part stays
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    settle(page)
    assert "Keski-Karjala (palvelualue)" in page.inner_text("body")
    headings = page.locator("h4").all_inner_texts()
    assert t("meeting_flows", "fi") in headings  # the chosen breakdown, not the first one
    assert t("channel_split", "fi") not in headings
    first_table = page.locator('[data-testid="stTable"]').first.inner_text()
    assert "Kitee" in first_table  # the per-municipality table of the first metric


def test_presentation_mode(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/")
    settle(page)
    page.get_by_role("button", name="Esitystila").click()
    settle(page)
    wait_for_query(page, "esitys=1")
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    first = page.inner_text("h1") if page.locator("h1").count() else ""
    page.screenshot(path=str(ARTIFACTS / "fi_presentation_1.png"))
    page.get_by_role("button", name="Seuraava").click()
    settle(page)
    wait_for_query(page, "dia=1")
    assert page.inner_text("h1") != first
    page.screenshot(path=str(ARTIFACTS / "fi_presentation_2.png"))
    # The parameter alone opens presentation mode.
    page.goto(f"{app_url}/?esitys=1&dia=2&kieli=en")
    settle(page)
    # the summary, the goals, then the finances (the sample has cost data)
    assert f"3 / {presentation.slide_count(True)}" in page.inner_text("body")
    page.get_by_role("button", name="Leave presentation mode").click()
    settle(page)
    assert page.locator('[data-testid="stSidebar"]').is_visible()


def test_board_report_and_csv_downloads(page: Any, app_url: str, sample_db: Path) -> None:
    page.goto(f"{app_url}/")
    settle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("Lautakunnan raportti")).click()
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>")
    assert "31.10.2026" in report
    assert re.search(r"<script[^>]*\bsrc=", report) is None  # nothing fetched: offline
    assert "@page" in report and "break-before: page" in report
    table = kpi_rows(sample_db)
    for value in shown_values(table, "fi", "koko_alue", "Pohjois-Karjala"):
        assert value.replace("<", "&lt;") in report
    (ARTIFACTS / "board_report.html").write_text(report, encoding="utf-8")

    page.get_by_role("button", name=re.compile("Lataa tiedot")).first.click()
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV (suomalainen Excel)").click()
    csv_bytes = Path(info.value.path()).read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    shown = pl.concat([table, year_earlier_rows(sample_db)])
    assert csv_bytes.splitlines()[0].decode("utf-8-sig").startswith("Mittari;Taso;Alue")
    assert csv_bytes == downloads.file_bytes(shown, "people_csv", "fi")
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV, koodit (suomalainen Excel)").click()
    machine = Path(info.value.path()).read_bytes()
    assert machine.splitlines()[0].decode("utf-8-sig").startswith("metric_id;level;area")
    # the period's rows, then the rows a year earlier (metrics export --compare previous-year)
    assert machine == downloads.file_bytes(shown, "fi")


def test_dark_theme_follows_the_system_setting(browser: Any, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 2000}, color_scheme="dark")
    tab = context.new_page()
    try:
        tab.goto(f"{app_url}/kohtaanto")
        settle(tab)
        background = tab.evaluate(
            "getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor"
        )
        assert background == "rgb(14, 17, 23)"  # [theme.dark] backgroundColor #0E1117
        tab.screenshot(path=str(ARTIFACTS / "fi_kohtaanto_dark.png"))
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "button"), [("fi", '"Valitse tiedostot"'), ("en", "none")])
def test_the_upload_field_speaks_the_viewers_language(
    page: Any, app_url: str, lang: Lang, button: str
) -> None:
    """Streamlit's uploader has no translations; in Finnish its English button text is
    replaced (CSS ``::after``), in English it is Streamlit's own."""
    page.goto(f"{app_url}/aineisto?kieli={lang}")
    settle(page)
    selector = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    page.wait_for_selector(selector, state="attached")
    content = page.evaluate(
        "s => getComputedStyle(document.querySelector(s), '::after').content", selector
    )
    assert content == button


def test_pages_fetch_nothing_from_other_hosts(browser: Any, app_url: str) -> None:
    """No request leaves the dashboard's own server (no fonts, icons or scripts from a CDN):
    a municipality's users are not announced to third parties, and the app works on a
    closed network."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    elsewhere: list[str] = []
    context.on(
        "request",
        lambda r: (
            elsewhere.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None
        ),
    )
    try:
        tab = context.new_page()
        for path in ("", "kohtaanto", "resurssit", "aineisto", "?esitys=1"):
            tab.goto(f"{app_url}/{path}")
            settle(tab)
        tab.wait_for_timeout(1000)
    finally:
        context.close()
    assert elsewhere == []
