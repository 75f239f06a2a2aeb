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
