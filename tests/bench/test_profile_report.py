"""bench/profile_report.py: names and packages of profiled functions, figures per page run."""

from __future__ import annotations

import cProfile
import time
from pathlib import Path

from bench.profile_report import area, label, summary, tables
from common.settings import PROJECT_ROOT

SITE = "/x/.venv/lib/python3.11/site-packages"


def test_functions_are_named_by_their_package_or_project_file() -> None:
    assert label(f"{SITE}/streamlit/config.py", 207, "get_option") == (
        "streamlit/config.py:207(get_option)"
    )
    assert label(f"{PROJECT_ROOT}/ui/cards.py", 44, "card_data") == "ui/cards.py:44(card_data)"
    assert label("~", 0, "<built-in method builtins.isinstance>") == (
        "<built-in method builtins.isinstance>"
    )
    assert area(f"{SITE}/streamlit/config.py") == "streamlit"
    assert area(f"{SITE}/narwhals/x.py") == "other libraries"
    assert area(f"{PROJECT_ROOT}/ui/cards.py") == "project: ui"
    assert area(f"{PROJECT_ROOT}/app.py") == "project: app.py"
    assert area("/usr/lib/python3.11/ast.py") == "Python and built-ins"


def _busy(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_a_profile_is_reported_per_page_run(tmp_path: Path) -> None:
    profile = cProfile.Profile(time.thread_time)
    profile.enable()
    for _ in range(4):
        _busy(0.01)
    profile.disable()
    path = tmp_path / "x.prof"
    profile.dump_stats(str(path))
    head, own, _ = summary(path, runs=2)
    assert head["runs"] == 2
    assert head["ms_per_run"] >= 20  # 40 ms of CPU over two runs
    busy = next(r for r in own if r["function"].endswith("(_busy)"))
    assert busy["calls"] == 2 and busy["cum_ms"] >= 20
    text = tables({"script": head, "loop": head, "own": own, "project": []})
    assert "| where (script thread) | ms a page | share |" in text
    assert "st.cache_data lookups" in text
