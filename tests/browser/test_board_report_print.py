"""The board report printed to A4 PDF by chromium, as the board's secretary attaches it to
the minutes: every page says the area, the period and the as-of date at its top and
"Sivu 3 / 9" at its foot, and a goal that continues onto another page has its heading
there again. Page images go to tests/artifacts/ (pdftoppm, when installed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from metrics.registry import GOALS
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWS = [
    ("fi", "", "Pohjois-Karjala", "Sivu {i} / {n}"),
    ("en", "&taso=kunta&alue=R%C3%A4%C3%A4kkyl%C3%A4", "Rääkkylä", "Page {i} of {n}"),
]


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def _need_pdftotext() -> None:
    """The printed pages are read with poppler's pdftotext: under ``CI=true`` (where .ci/run
    installs it) a missing one fails the test, elsewhere it skips (as a missing browser)."""
    if shutil.which("pdftotext") is None:
        message = "poppler-utils (pdftotext) not installed: apt-get install -y poppler-utils"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.mark.parametrize(("lang", "query", "area", "footer"), VIEWS)
def test_every_printed_page_is_numbered_and_says_what_it_is(
    browser: Any, app_url: str, lang: str, query: str, area: str, footer: str
) -> None:
    _need_pdftotext()
    context = browser.new_context(viewport={"width": 1440, "height": 2000}, accept_downloads=True)
    try:
        tab = context.new_page()
        tab.goto(f"{app_url}/?kieli={lang}{query}")
        settle(tab)
        name = "Lautakunnan raportti" if lang == "fi" else "Board report"
        with tab.expect_download() as info:
            tab.get_by_role("button", name=re.compile(name)).click()
        report = Path(info.value.path()).read_text(encoding="utf-8")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        html = ARTIFACTS / f"board_report_{lang}_{area}.html"
        html.write_text(report, encoding="utf-8")
        paper = context.new_page()
        paper.goto(html.as_uri())
        paper.wait_for_selector(".chart .main-svg", timeout=30_000)
        pdf = ARTIFACTS / f"board_report_{lang}_{area}.pdf"
        paper.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        context.close()
    pages = _pages(pdf)
    assert len(pages) >= len([g for g in GOALS.values() if g.page]) + 1
    titles = {g.title_fi if lang == "fi" else g.title_en for g in GOALS.values()}
    finances = False
    for i, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0].startswith(f"{area} · "), (i, lines[0])
        assert "31.10.2026" in lines[0] or "31 Oct 2026" in lines[0]
        assert lines[-1].endswith(footer.format(i=i, n=len(pages))), (i, lines[-1])
        body = " ".join(lines[1:4])
        appendix = any(w in text for w in ("Kunnittain", "By municipality"))
        # the finances come last (with cost data): from their first page on, no goal pages
        finances = finances or body.startswith(("Talous ", "Finances "))
        if i > 1 and not appendix and not finances:
            # every goal page, a continued one too, starts with its goal's heading
            assert any(body.startswith(title[:30]) for title in titles), (i, body)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True
        )
