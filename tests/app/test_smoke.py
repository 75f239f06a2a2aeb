"""AppTest smoke test: every page runs with the committed sample in both languages, and the
numbers on screen are the KPI table's, formatted (the small-number rule applied)."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from metrics import engine
from metrics.registry import REGISTRY
from tests.app.conftest import APP
from ui import kpi_view
from ui.i18n import Lang, t
from ui.pages import GOAL_PAGES

PAGES = (
    "app_pages/overview.py",
    *(f"app_pages/{file}" for file, *_ in GOAL_PAGES),
    "app_pages/service_process.py",
    "app_pages/resources.py",
    "app_pages/data_page.py",
)


def expected_values(db: Path, lang: Lang, level: str, area: str) -> dict[str, str]:
    """metric id -> value as the screen must show it, for the default view (year to date)."""
    con = duckdb.connect(str(db), read_only=True)
    as_of = con.sql("SELECT as_of FROM meta_load").fetchall()[0][0]
    table = kpi_view.suppressed(engine.kpi_table(con, date(as_of.year, 1, 1), as_of))
    con.close()
    rows = table.filter((pl.col("level") == level) & (pl.col("area") == area))
    return {
        str(r["metric_id"]): kpi_view.shown_row(r, lang).value for r in rows.iter_rows(named=True)
    }


def values_on_screen(at: AppTest) -> list[str]:
    """The KPI values the page shows: in st.metric (goal pages, service process) and in the
    overview's HTML cards (``<div class="kpi-value">``)."""
    cards = [
        html.unescape(v)
        for block in at.html
        for v in re.findall(r'<div class="kpi-value">(.*?)</div>', block.value)
    ]
    return [m.value for m in at.metric] + cards


def start(lang: Lang, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["kieli"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_page_runs_and_shows_the_kpi_table(kpi_env: Path, lang: Lang) -> None:
    at = start(lang)
    assert not at.exception
    expected = expected_values(kpi_env, lang, "koko_alue", "Pohjois-Karjala")
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.title, page
        shown = values_on_screen(at)
        if page.endswith(("overview.py", "service_process.py")) or "goal_" in page:
            assert shown, page
            assert set(shown) <= set(expected.values()), (page, shown)
        if page.endswith("overview.py"):
            assert sorted(shown) == sorted(expected.values())
    assert at.sidebar.selectbox(key="alue").label == t("area", lang)


def test_area_switch_shows_the_area_rows(kpi_env: Path) -> None:
    at = start("fi")
    at.sidebar.selectbox(key="alue").select("palvelualue:Keski-Karjala").run()
    assert not at.exception
    assert at.query_params["taso"] in (["palvelualue"], "palvelualue")
    expected = expected_values(kpi_env, "fi", "palvelualue", "Keski-Karjala")
    whole = expected_values(kpi_env, "fi", "koko_alue", "Pohjois-Karjala")
    only_whole = {m.id for m in REGISTRY if "palvelualue" not in m.levels}
    wanted = list(expected.values()) + [whole[k] for k in only_whole]
    assert sorted(values_on_screen(at)) == sorted(wanted)


def test_a_link_reproduces_the_view(kpi_env: Path) -> None:
    at = start("en", jakso="kuukausi", kk="2025-03", taso="kunta", alue="Lieksa")
    assert not at.exception
    assert at.sidebar.selectbox(key="jakso").value == "month"
    assert at.sidebar.selectbox(key="kk").value == "2025-03"
    assert at.sidebar.selectbox(key="alue").value == "kunta:Lieksa"
    assert "1 Mar 2025 – 31 Mar 2025" in " ".join(c.value for c in at.caption)


def test_presentation_mode_pages_through_the_goals(kpi_env: Path) -> None:
    at = start("fi", esitys="1")
    assert not at.exception
    assert len(at.sidebar) == 0
    first = values_on_screen(at)
    at.button(key="slide_next").click().run()
    assert not at.exception
    assert dict(at.query_params).get("dia") in (["1"], "1")
    assert values_on_screen(at) != first
    at.button(key="slide_exit").click().run()
    assert "esitys" not in at.query_params
    assert len(at.sidebar) > 0


def test_no_database_says_how_to_make_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_DB", str(tmp_path / "missing.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("python -m pipelines load" in e.value for e in at.error)


def test_every_view_of_a_goal_page_is_one_click_away(kpi_env: Path) -> None:
    """A goal page draws only the chosen view of each metric and the chosen breakdown; each
    choice (trend by month or week, per service area, per municipality, every breakdown)
    runs and draws its chart or table."""
    at = start("fi")
    at.switch_page("app_pages/goal_lahipalvelut.py").run()
    metric_ids = [m.id for m in kpi_view.metrics_of_goal("lahipalvelut")]
    first = metric_ids[0]
    control = at.button_group(key=f"view_{first}")
    labels = ["trend_monthly", "trend_weekly", "by_service_area", "by_municipality"]
    assert list(control.options) == [t(k, "fi") for k in labels]
    for choice in ("week", "palvelualue", "kunta", "month"):
        at.button_group(key=f"view_{first}").set_value(choice).run()
        assert not at.exception, (choice, [e.value for e in at.exception])
        assert at.get("plotly_chart"), choice
    # per area: a compact table of the 13 municipalities beside the chart
    at.button_group(key=f"view_{first}").set_value("kunta").run()
    assert any(len(tb.value) == 13 for tb in at.table)
    sections = ["channel_split", "meeting_flows", "cohort_outcomes"]
    options = at.button_group(key="breakdown_lahipalvelut").options
    assert list(options) == [t(k, "fi") for k in sections]
    for section in sections:
        at.button_group(key="breakdown_lahipalvelut").set_value(section).run()
        assert not at.exception, (section, [e.value for e in at.exception])
        headings = [md.value for md in at.markdown if md.value.startswith("#### ")]
        assert f"#### {t(section, 'fi')}" in headings, (section, headings)
