"""ui.board_report_parts: the running header and footer of every printed page."""

from __future__ import annotations

from datetime import date

import pytest

from ui.board_report_parts import css_string, page_css
from ui.i18n import Lang


def test_css_strings_from_data_cannot_break_the_style_sheet() -> None:
    assert css_string('a"b\\c</style>') == '"a\\22 b\\5c c\\3c /style\\3e "'
    assert css_string("Rääkkylä\n") == '"Rääkkylä\\a "'


@pytest.mark.parametrize(
    ("lang", "head", "page"),
    [
        ("fi", '"Rääkkylä · 1.9.–30.9.2026 · Tiedot päivään 31.10.2026"', '"Sivu " counter(page)'),
        ("en", '"Rääkkylä · 1 Sep 2026 – 30 Sep 2026 · Data as of 31 Oct 2026"', '"Page "'),
    ],
)
def test_every_page_names_the_area_period_and_as_of_date(lang: Lang, head: str, page: str) -> None:
    css = page_css("Rääkkylä", date(2026, 9, 1), date(2026, 9, 30), date(2026, 10, 31), lang)
    assert f"@top-left {{ content: {head};" in css
    assert page in css and "counter(pages)" in css
    assert css.startswith("@page { size: A4 portrait;")
