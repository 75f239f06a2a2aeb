"""The overview's cards and a goal page show the value a year earlier and the change
(docs/dashboard.md "A year earlier"), equal to ``python -m metrics export --compare
previous-year --suppress 5``; a 2025 period of the sample (S = 1.1.2025) says there are no data
a year earlier. The expected numbers come from the export, read back from the screen's text."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from metrics.__main__ import main
from metrics.registry import REGISTRY
from tests.app.conftest import APP, open_page
from tests.app.test_smoke import assert_shows, read_screen_number
from ui import downloads
from ui.i18n import Lang, t

WHOLE = ("koko_alue", "Pohjois-Karjala")
BY_TITLE = {m.title_fi: m for m in REGISTRY} | {m.title_en: m for m in REGISTRY}


def _export(
    db: Path, tmp_path: Path, start: str, end: str
) -> tuple[dict[str, str], dict[str, str]]:
    """(metric id -> value) of the whole area for the period and for the period a year
    earlier, as the command writes them with the board's rule."""
    out = tmp_path / "kpi.csv"
    argv = ["export", "--db", str(db), "--from", start, "--to", end, "--level", "koko_alue",
            "--compare", "previous-year", "--suppress", "5", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    now: dict[str, str] = {}
    earlier: dict[str, str] = {}
    with out.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            (now if row["period_start"] == start else earlier)[row["metric_id"]] = row["value"]
    assert len(now) == len(earlier) == len(REGISTRY)
    return now, earlier


def card_year_earlier_lines(at: AppTest) -> dict[str, str]:
    """Card title -> its year-earlier line, as text (the overview's cards)."""
    out = {}
    for block in at.html:
        for title, line in re.findall(
            r'<div class="kpi-card-title">(.*?)</div>.*?'
            r'<div class="kpi-meta year-earlier">(.*?)</div>',
            block.value,
        ):
            out[html.unescape(title)] = html.unescape(re.sub(r"<[^>]+>", "", line))
    return out


def _start(lang: Lang, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["kieli"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _assert_line(line: str, now: str, earlier: str, unit: str, lang: Lang, where: str) -> None:
    head = t("year_earlier_value", lang, value="")
    assert line.startswith(head), (where, line)
    value, _, change = line[len(head) :].partition(" · ")
    assert_shows(value, earlier, unit, where)
    if now in ("", "<5") or earlier in ("", "<5"):
        assert change == "", (where, line)  # no change beside a hidden or empty value
        return
    word = t("year_earlier_change", lang, change="")
    assert change.startswith(word), (where, line)
    shown = read_screen_number(change[len(word) :].replace("±", "+"), unit)
    step = {"share": 0.001, "count": 1.0}.get(unit, 0.1)
    assert shown is not None and abs(shown - (float(now) - float(earlier))) <= step / 2 + 1e-9


def test_a_2026_card_shows_the_value_a_year_earlier_and_the_change(
    kpi_env: Path, tmp_path: Path
) -> None:
    now, earlier = _export(kpi_env, tmp_path, "2026-01-01", "2026-10-31")
    lines = card_year_earlier_lines(_start("fi"))  # the default view: 1.1.-31.10.2026
    assert len(lines) == len(REGISTRY)
    with_change = 0
    for title, line in lines.items():
        m = BY_TITLE[title]
        if line.startswith("Vuotta aiemmin:"):  # the rule was not in force a year earlier
            continue
        _assert_line(line, now[m.id], earlier[m.id], m.unit, "fi", m.id)
        with_change += "muutos" in line
    assert with_change >= len(REGISTRY) // 2
    face = BY_TITLE["Kasvokkain toteutetut alkuhaastattelut"]
    assert "muutos" in lines[face.title_fi]


def test_a_2025_card_says_there_are_no_data_a_year_earlier(kpi_env: Path, tmp_path: Path) -> None:
    _now, earlier = _export(kpi_env, tmp_path, "2025-01-01", "2025-12-31")
    assert set(earlier.values()) == {""}  # 2024 lies before S: every value empty
    lines = card_year_earlier_lines(_start("en", jakso="vuosi", vuosi="2025"))
    assert len(lines) == len(REGISTRY)
    assert set(lines.values()) == {"No data a year earlier: the data begin on 1 Jan 2025"}


@pytest.mark.parametrize(("lang", "year"), [("fi", "2025"), ("en", "2026")])
def test_a_goal_page_shows_the_year_earlier_line(
    kpi_env: Path, tmp_path: Path, lang: Lang, year: str
) -> None:
    now, earlier = _export(kpi_env, tmp_path, f"{year}-01-01", f"{year}-12-31")
    at = _start(lang, jakso="vuosi", vuosi=year)
    open_page(at, "lahipalvelut").run()
    assert not at.exception, [e.value for e in at.exception]
    blocks = [html.unescape(re.sub(r"<[^>]+>", "", b.value)) for b in at.html]
    found = [b for b in blocks if "aiem" in b or "earlier" in b]
    assert found
    first = found[0]
    if year == "2025":
        assert "Vuotta aiempaa tietoa ei ole: aineisto alkaa 1.1.2025" in first
        return
    m = BY_TITLE["Initial interviews held face-to-face"]
    start = first.index(t("year_earlier_value", lang, value=""))
    line = first[start:].split("Compared with")[0]
    _assert_line(line, now[m.id], earlier[m.id], m.unit, lang, m.id)
    assert "Compared with 1 Jan 2025 – 31 Dec 2025" in first


def test_the_overview_download_equals_the_command_with_compare(
    kpi_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overview's "Lataa tiedot" file: the period's rows, then the rows a year earlier,
    byte for byte what ``--compare previous-year --suppress 5 --dialect fi`` writes."""
    menus: list[tuple[str, pl.DataFrame]] = []
    real_menu = downloads._menu

    def menu(df: Any, stem: str, key: str, lang: Any, label: str, **kw: Any) -> None:
        menus.append((key, downloads.rows_of(df)))  # the rows the menu holds when opened
        real_menu(df, stem, key, lang, label, **kw)

    monkeypatch.setattr(downloads, "_menu", menu)
    _start("fi")
    screen = next(df for key, df in menus if key == "overview_kpi")
    out = tmp_path / "kpi.csv"
    argv = ["export", "--db", str(kpi_env), "--from", "2026-01-01", "--to", "2026-10-31",
            "--compare", "previous-year", "--suppress", "5", "--dialect", "fi",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    assert downloads.file_bytes(screen, "fi") == out.read_bytes()
    raw = next(df for key, df in menus if key == "overview_kpi_raw")
    assert raw.height == screen.height and "suppressed" not in raw.columns
