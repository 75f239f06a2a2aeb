"""The weekly meeting's page (AppTest on the committed sample): every metric of the registry
in its table with the value of ``python -m metrics export --suppress 5``, the matrix's
statuses equal to the KPI table's per municipality, the page reachable from the overview and
hidden from the board."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from access.roles import BOARD_PAGES, PAGES, PageKind, Role
from common.reference import municipalities
from metrics import disclosure
from metrics.registry import GOALS, REGISTRY
from tests.app.conftest import open_page
from tests.app.test_smoke import assert_page_shows, exported, start
from tests.app.test_year_earlier_cards import card_year_earlier_lines
from ui import meeting_data
from ui.i18n import Lang, t
from ui.status_style import STATUS_STYLES

PATH = "viikkopalaveri"


def table_on_screen(blocks: list[str]) -> list[tuple[str, str]]:
    """(metric title, value) of every row of the meeting table."""
    return [
        (html.unescape(re.sub(r"<[^>]+>.*", "", title)).strip(), html.unescape(value))
        for block in blocks
        for title, value in re.findall(
            r'<td class="meet-metric">(.*?)</td><td class="num meet-value">(.*?)</td>', block
        )
    ]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_meeting_table_has_every_metric_with_the_exported_value(
    kpi_env: Path, lang: Lang
) -> None:
    at = open_page(start(lang), PATH).run()
    assert not at.exception
    assert at.title[0].value == t("nav_meeting", lang)
    shown = table_on_screen([b.value for b in at.html])
    assert len(shown) == len(REGISTRY)
    seen = assert_page_shows(shown, exported(kpi_env), lang, "koko_alue", "Pohjois-Karjala", PATH)
    assert seen == {m.id for m in REGISTRY}


def test_the_matrix_shows_the_kpi_table_s_status_of_each_municipality(kpi_env: Path) -> None:
    at = open_page(start("fi", taso="kunta", alue="Rääkkylä"), PATH).run()
    assert not at.exception
    matrix = next(b.value for b in at.html if '<table class="meet-matrix"' in b.value)
    con = duckdb.connect(str(kpi_env), read_only=True)
    as_of = con.sql("SELECT as_of FROM meta_load").fetchall()[0][0]
    table = disclosure.disclose(con, date(as_of.year, 1, 1), as_of).period
    con.close()
    kunnat = re.findall(r'<th class="kunta[^"]*">(.*?)</th>', matrix)
    assert kunnat[:3] == ["Rääkkylä", "Kitee", "Tohmajärvi"]  # its service area first
    body = matrix.split("<tbody>")[1]
    titles = {m.title_fi: m.id for m in REGISTRY}
    checked = 0
    for title, cells in re.findall(r"<tr><th>(.*?)</th>(.*?)</tr>", body):
        metric_id = titles[html.unescape(title)]
        for kunta, cell in zip(kunnat, re.findall(r"<td (.*?)</td>", cells), strict=True):
            row = table.filter(
                (pl.col("metric_id") == metric_id)
                & (pl.col("level") == "kunta")
                & (pl.col("area") == kunta)
            ).row(0, named=True)
            status = re.search(r'data-status="(\w+)"', cell)
            if row["suppressed"]:
                assert status is None and cell.endswith("&lt;5"), (metric_id, kunta)
            else:
                assert status is not None, (metric_id, kunta)
                assert status.group(1) == (row["status"] or "none"), (metric_id, kunta)
            checked += 1
    assert checked >= 13 * 10


def test_the_overview_links_to_the_meeting_and_the_board_has_no_such_page(
    kpi_env: Path,
) -> None:
    at = start("fi")
    links = [getattr(link, "label", None) for link in at.get("page_link")]
    assert t("meeting_open", "fi") in links
    assert PageKind.MEETING in PAGES[Role.JOHTO] and PageKind.MEETING in PAGES[Role.ANALYYTIKKO]
    assert PageKind.MEETING not in BOARD_PAGES


def _statuses(table: pl.DataFrame, area: str) -> dict[str, str]:
    """metric id -> status of the shown (not hidden) rows of ``area`` (the whole area or a
    municipality: "Joensuu" is a service area too) with a status."""
    level = "koko_alue" if area == "Pohjois-Karjala" else "kunta"
    rows = table.filter(
        (pl.col("level") == level)
        & (pl.col("area") == area)
        & ~pl.col("suppressed")
        & pl.col("status").is_not_null()
    )
    return dict(zip(rows["metric_id"].to_list(), rows["status"].to_list(), strict=True))


def _expected(db: Path, areas: list[tuple[str, str]]) -> set[tuple[str, str, str, str]]:
    """(prefix, metric title, status before, status now) of every change of ``areas``
    ((prefix, area) pairs) since A - 7 days and since A - 1 month, from metrics.disclosure."""
    con = duckdb.connect(str(db), read_only=True)
    as_of = con.sql("SELECT as_of FROM meta_load").fetchall()[0][0]
    now_table = disclosure.disclose(con, date(as_of.year, 1, 1), as_of).period
    out = set()
    for earlier in (as_of - timedelta(days=7), meeting_data.minus_months(as_of, 1)):
        table = disclosure.disclose(con, date(as_of.year, 1, 1), earlier, as_of=earlier).period
        for prefix, area in areas:
            now, before = _statuses(now_table, area), _statuses(table, area)
            out |= {
                (prefix, m.title_fi, before[m.id], now[m.id])
                for m in REGISTRY
                if m.id in now and m.id in before and now[m.id] != before[m.id]
            }
    con.close()
    return out


def _links(at: AppTest) -> set[tuple[str, str, str, str]]:
    """(prefix, metric title, status before, status now) of each change link on the page;
    each link goes to the metric's goal page."""
    words = {f"{STATUS_STYLES[k].icon} {t(f'status_{k}', 'fi')}": k for k in ("ok", "risk", "off")}
    shown = set()
    for link in at.get("page_link"):
        label = str(getattr(link, "label", ""))
        if "→" not in label:
            continue
        head, _, change = label.partition(": ")
        prefix, _, title = head.rpartition(" · ")
        before_text, after_text = change.split(" → ")
        shown.add((prefix, title, words[before_text], words[after_text]))
        goal = next(m.goal for m in REGISTRY if m.title_fi == title)
        assert link.proto.page.strip("/") == GOALS[goal].url_path, link.proto.page
    return shown


def test_the_changes_of_a_municipality_link_to_their_goal_pages(kpi_env: Path) -> None:
    """The first municipality (in kunnat.csv's order) whose statuses changed in the sample,
    found from the KPI tables, so the test can fail whichever municipality it is."""
    changed = [m.kunta for m in municipalities() if _expected(kpi_env, [("", m.kunta)])]
    assert changed  # the sample has a change somewhere
    kunta = changed[0]
    at = open_page(start("fi", taso="kunta", alue=kunta), PATH).run()
    assert not at.exception
    assert _links(at) == _expected(kpi_env, [("", kunta)])


def test_the_whole_area_lists_its_own_changes_and_its_municipalities(kpi_env: Path) -> None:
    at = open_page(start("fi"), PATH).run()
    assert not at.exception
    areas = [("", "Pohjois-Karjala")] + [(m.kunta, m.kunta) for m in municipalities()]
    expected = _expected(kpi_env, areas)
    assert any(prefix for prefix, *_ in expected)
    assert _links(at) == expected


def _year_earlier_cells(blocks: list[str]) -> dict[str, tuple[str, str]]:
    """metric title -> (the year-earlier cell's text, its title attribute) of the table."""
    out = {}
    for block in blocks:
        for title, attr, cell in re.findall(
            r'<td class="meet-metric">(.*?)</td><td class="num meet-value">.*?</td>'
            r'<td class="num meet-ye[^"]*"(?: title="([^"]*)")?>(.*?)</td>',
            block,
        ):
            name = html.unescape(re.sub(r"<[^>]+>.*", "", title)).strip()
            out[name] = (html.unescape(re.sub(r"<[^>]+>", "", cell)), html.unescape(attr))
    return out


@pytest.mark.parametrize(
    ("lang", "params"), [("fi", {}), ("en", {"jakso": "vuosi", "vuosi": "2025"})]
)
def test_the_year_earlier_column_is_the_cards_line(
    kpi_env: Path, lang: Lang, params: dict[str, str]
) -> None:
    """Each row's "a year earlier" is its card's value, the card's whole line (value and
    change) its title; or ``–`` with the card's note (no data a year earlier: the sample
    begins 1.1.2025) as its title."""
    overview = start(lang, **params)
    cards_lines = card_year_earlier_lines(overview)
    at = open_page(start(lang, **params), PATH).run()
    assert not at.exception
    cells = _year_earlier_cells([b.value for b in at.html])
    assert len(cells) == len(REGISTRY) and set(cards_lines) <= set(cells)
    value_word = t("year_earlier_value", lang, value="")
    figures = 0
    for title, (text, tip) in cells.items():
        line = cards_lines.get(title)
        if line is None:
            assert (text, tip) == ("–", ""), title
            continue
        assert tip == line, title
        if line.startswith(value_word):
            figures += 1
            assert text == line[len(value_word) :].partition(" · ")[0], title
        else:
            assert text == "–", title
    assert (figures > 0) == (not params)
