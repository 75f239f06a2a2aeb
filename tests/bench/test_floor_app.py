"""The one-browser benchmark's floor (bench/floor_app.py): an empty app with the dashboard's
kind of navigation, whose pages the benchmark opens by the same paths and links."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.one_browser import APPS, FLOOR_GOAL, GOAL, OVERVIEW
from bench.protocol import ProtocolSession
from common.app_server import dashboard
from common.settings import PROJECT_ROOT


def test_the_floor_opens_on_its_overview_title() -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / APPS["floor"])).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Yleiskuva"]


def test_both_apps_are_opened_by_the_same_paths() -> None:
    assert OVERVIEW.path == "/" and GOAL.path == FLOOR_GOAL.path == "/lahipalvelut"
    assert GOAL.charts and not FLOOR_GOAL.charts  # the empty app draws no chart
    assert (PROJECT_ROOT / APPS["dashboard"]).is_file()


@pytest.mark.slow
def test_the_floor_serves_the_goal_page_by_url_and_by_link(tmp_path: Path) -> None:
    async def visit(url: str) -> list[tuple[bool, str | None]]:
        session = ProtocolSession(url)
        try:
            first = await session.open(GOAL.path, timeout=60)
            assert set(session.pages) == {"", "lahipalvelut", "kohtaanto"}  # "" = the default
            back = await session.open(OVERVIEW.path, timeout=60, navigate=True)
            return [(first.ok, first.error), (back.ok, back.error)]
        finally:
            await session.close()

    with dashboard(tmp_path / "no.duckdb", script=APPS["floor"]) as url:
        assert asyncio.run(visit(url)) == [(True, None), (True, None)]
