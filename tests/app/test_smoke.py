"""AppTest smoke test: every page runs with the committed sample in both languages, and the
numbers on screen are those of the KPI table export (``python -m metrics export --suppress 5``,
read back from the screen's text, so the formatting code under test is not its own oracle)."""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from common.settings import PROJECT_ROOT
from metrics.deadline_rules import no_rule_message
from metrics.registry import GOALS, REGISTRY, goals_with_page
from tests.app.conftest import APP, open_page
from ui import kpi_view
from ui.i18n import Lang, t
from ui.pages import PAGE_KINDS

PAGES = tuple(PAGE_KINDS)  # every page's URL path ("" the overview, then its alias, ...)
GOAL_PATHS = {str(GOALS[key].url_path) for key in goals_with_page()}


def exported(db: Path) -> dict[tuple[str, str, str], str]:
    """(metric id, level, area) -> ``value`` as ``python -m metrics export --suppress 5``
    writes it for the default view (year to date): full precision, ``<5`` when hidden,
    empty when missing. The expected numbers come from the export, not from ui/."""
    con = duckdb.connect(str(db), read_only=True)
    as_of = con.sql("SELECT as_of FROM meta_load").fetchall()[0][0]
    con.close()
    args = ["export", "--db", str(db), "--from", f"{as_of.year}-01-01", "--to", str(as_of)]
    done = subprocess.run(
        [sys.executable, "-m", "metrics", *args, "--level", "all", "--suppress", "5", "--out", "-"],
        capture_output=True, check=True, cwd=PROJECT_ROOT,
    )  # fmt: skip
    rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8")))
    return {(r["metric_id"], r["level"], r["area"]): r["value"] for r in rows}


def read_screen_number(text: str, unit: str) -> float | None:
    """A number as the screen writes it (``75,3 %``, ``75.3%``, ``2 600``, ``2,600``,
    ``21,4 vrk``), read back; None for ``–``. Finnish has a decimal comma and spaces
    between thousands, English a decimal point and commas between thousands."""
    number = text.strip().split("\u00a0")[0].split(" ")[0].split("%")[0]
    if number == "–":
        return None
    number = number.replace("\u202f", "").replace("−", "-")
    if "," in number and "." not in number and len(number.split(",")[-1]) != 3:
        number = number.replace(",", ".")  # a Finnish decimal comma
    number = number.replace(",", "")  # English thousands
    value = float(number)
    return value / 100 if unit == "share" else value


def assert_shows(text: str, value: str, unit: str, where: object) -> None:
    """The screen's ``text`` shows the exported ``value`` to the screen's precision: one
    decimal of a percent or of days, months and clients/FTE, a whole count."""
    if value.startswith("<"):
        assert text.strip() == value, where
        return
    shown = read_screen_number(text, unit)
    if value == "":
        assert shown is None, where
        return
    assert shown is not None, where
    step = {"share": 0.001, "count": 1.0}.get(unit, 0.1)
    assert abs(shown - float(value)) <= step / 2 + 1e-9, (where, text, value)


def values_on_screen(at: AppTest) -> list[tuple[str, str]]:
    """(title, value) of every KPI the page shows: st.metric (goal pages, service process)
    and the overview's HTML cards (``kpi-card-title`` and ``kpi-value``)."""
    cards = [
        (html.unescape(title), html.unescape(re.sub(r"<[^>]+>", "", value)))
        for block in at.html
        for title, value in re.findall(
            r'<div class="kpi-card-title">(.*?)</div>.*?<div class="kpi-value">(.*?)</div>',
            block.value,
        )
    ]
    return [(m.label, m.value) for m in at.metric] + cards


def assert_page_shows(
    shown: list[tuple[str, str]], values: dict[tuple[str, str, str], str], lang: Lang,
    level: str, area: str, where: str,
) -> set[str]:  # fmt: skip
    """Every shown KPI equals its exported row of the area (a metric defined for the whole
    area only: the whole area's row); returns the ids of the metrics seen."""
    by_title = {(m.title_fi if lang == "fi" else m.title_en): m for m in REGISTRY}
    seen = set()
    for title, text in shown:
        m = by_title[title]
        own = values.get((m.id, level, area))
        value = own if own is not None else values[(m.id, "koko_alue", "Pohjois-Karjala")]
        assert_shows(text, value, m.unit, (where, m.id))
        seen.add(m.id)
    return seen


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
    values = exported(kpi_env)
    for page in PAGES:
        open_page(at, page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.title, page
        shown = values_on_screen(at)
        if page in ("", "yleiskuva") or page in GOAL_PATHS:
            assert shown, page
            assert_page_shows(shown, values, lang, "koko_alue", "Pohjois-Karjala", page)
        if page in ("", "yleiskuva"):  # every metric, once
            assert sorted(t for t, _ in shown) == sorted(
                m.title_fi if lang == "fi" else m.title_en for m in REGISTRY
            )
    assert at.sidebar.selectbox(key="alue").label == t("area", lang)


def test_area_switch_shows_the_area_rows(kpi_env: Path) -> None:
    at = start("fi")
    at.sidebar.selectbox(key="alue").select("palvelualue:Keski-Karjala").run()
    assert not at.exception
    assert at.query_params["taso"] in (["palvelualue"], "palvelualue")
    shown = values_on_screen(at)
    seen = assert_page_shows(
        shown, exported(kpi_env), "fi", "palvelualue", "Keski-Karjala", "overview"
    )
    assert seen == {m.id for m in REGISTRY} and len(shown) == len(REGISTRY)


def test_the_screen_number_reader_reads_both_languages() -> None:
    assert read_screen_number("75,3\u00a0%", "share") == pytest.approx(0.753)
    assert read_screen_number("75.3%", "share") == pytest.approx(0.753)
    assert read_screen_number("2\u202f600", "count") == 2600
    assert read_screen_number("2,600", "count") == 2600
    assert read_screen_number("21,4 kk", "months") == pytest.approx(21.4)
    assert read_screen_number("1.9\u00a0clients/FTE", "clients_per_htv") == pytest.approx(1.9)
    assert read_screen_number("−1,5", "days") == pytest.approx(-1.5)
    assert read_screen_number("–", "share") is None
    with pytest.raises(AssertionError):
        assert_shows("75,4\u00a0%", "0.753", "share", "a tenth of a point off")


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
    open_page(at, "lahipalvelut").run()
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


@pytest.mark.parametrize(
    ("first", "last", "rule_change", "series_ended"),
    [
        ("2025-12-01", "2026-01-31", True, False),  # spans the change of 1.1.2026
        ("2026-01-01", "2026-03-31", False, True),  # after the supplementary series ended
        ("2025-03-01", "2025-05-31", False, False),
    ],
)
def test_the_service_process_notes_follow_the_dated_rules(
    kpi_env: Path, first: str, last: str, rule_change: bool, series_ended: bool
) -> None:
    """reference/maaraajat.csv dates the rules: the page notes a rule change inside the
    period and says why the supplementary-discussion series is empty after it ended."""
    at = start("fi", jakso="vali", alku=first, loppu=last)
    open_page(at, "palveluprosessi").run()
    assert not at.exception
    notes = [i.value for i in at.info]
    assert any(n.startswith("Sääntö muuttui ") for n in notes) == rule_change
    ended = no_rule_message(
        "supplementary_discussions_first_3_months", date.fromisoformat(first),
        date.fromisoformat(last),
    )  # fmt: skip
    assert (ended is not None and ended[0] in notes) == series_ended
