"""The benchmark's floor page (an empty Streamlit page) runs and shows its title."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from bench.suite import PAGES
from common.settings import PROJECT_ROOT


def test_the_floor_page_runs_and_is_measured() -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "bench" / "floor_app.py")).run()
    assert not at.exception
    assert at.title[0].value
    assert [p.name for p in PAGES if p.script == "bench/floor_app.py"] == ["floor"]


def test_the_meeting_floor_app_runs_and_its_charts_are_waited_for() -> None:
    """bench/floor_meeting_app.py opens on its overview's title; the chart its goal pages
    draw in the browser is one the benchmark's ready selector waits for."""
    from bench.meeting import CHART, PAGES

    at = AppTest.from_file(str(PROJECT_ROOT / "bench" / "floor_meeting_app.py")).run()
    assert not at.exception
    assert at.title[0].value == "Yleiskuva"
    assert [path for _, path, _ in PAGES] == ["/", "/lahipalvelut", "/kohtaanto"]
    assert '[data-testid="stVegaLiteChart"]' in CHART
