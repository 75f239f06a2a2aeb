"""bench/one_browser.py: medians per case, the ratio to the empty app, the printed tables;
and one real round against the sample database in headless chromium."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bench.browser_tab import downloads
from bench.one_browser import CASES, compare, main, medians, parse, table
from tests.app.conftest import sample_db  # noqa: F401  (the session fixture, shared)
from tests.browser.conftest import chromium_path


def _case(seconds: float, script: str = "app.js") -> dict[str, Any]:
    return {
        "seconds": seconds,
        "main_thread_s": seconds / 2,
        "script_s": seconds / 4,
        "layout_s": 0.01,
        "style_s": 0.02,
        "downloaded_bytes": 2048,
        "script_bytes": 1024,
        "largest_script": script,
        "largest_script_bytes": 1024,
        "socket_bytes": 512,
        "charts": 4,
    }


def _round(factor: float) -> dict[str, Any]:
    return {key: _case(factor * (i + 1)) for i, (key, _, _) in enumerate(CASES)}


def test_medians_per_case_and_the_ratio_to_the_empty_app() -> None:
    dash = medians([_round(1.0), _round(3.0), _round(2.0)])
    floor = medians([_round(1.0), _round(1.0), _round(1.0)])
    assert dash["first_overview"]["seconds"] == 2.0
    assert dash["first_goal"]["main_thread_s"] == 2.0  # 2 x 2 / 2
    ratios = compare({"dashboard": dash, "floor": floor})
    assert ratios["first_overview"] == {"ratio": 2.0, "aim": 2.0, "met": False}
    assert ratios["switch_goal"]["aim"] == 1.5 and ratios["switch_goal"]["met"] is False
    assert ratios["return_goal"]["met"] is None  # no aim: reported only
    text = table({"medians": {"dashboard": dash, "floor": floor}, "ratios": ratios})
    first = next(line for line in text.splitlines() if line.startswith("| first visit, overview |"))
    assert first == "| first visit, overview | 2.00 s | 1.00 s | 2.00 | < 2 | NOT MET |"
    assert "| return visit, goal page: dashboard |" in text


def test_a_faster_dashboard_meets_the_aims() -> None:
    dash, floor = medians([_round(1.2)]), medians([_round(1.0)])
    ratios = compare({"dashboard": dash, "floor": floor})
    assert all(q["met"] for q in ratios.values() if q["aim"] is not None)


def test_downloads_sum_the_wire_and_name_the_largest_script() -> None:
    loaded = [
        ("Script", "http://h/static/js/plotly.min.js", 3_500_000),
        ("Script", "http://h/static/js/index.js", 900_000),
        ("Script", "http://h/static/js/cached.js", 0),
        ("Stylesheet", "http://h/static/css/a.css", 10_000),
    ]
    assert downloads(loaded) == {
        "downloaded_bytes": 4_410_000,
        "script_bytes": 4_400_000,
        "largest_script": "plotly.min.js",
        "largest_script_bytes": 3_500_000,
    }
    assert downloads([])["largest_script"] == ""


def test_rounds_must_be_positive() -> None:
    assert parse([]).rounds == 5
    with pytest.raises(SystemExit):
        parse(["--rounds", "0"])


@pytest.mark.browser
@pytest.mark.slow
def test_one_round_measures_both_apps(
    sample_db: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if chromium_path() is None:  # under CI (.ci/run installs it) a missing browser fails
        message = "chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path / "one.json"
    argv = ["--db", str(sample_db), "--rounds", "1", "--results", str(tmp_path)]
    assert main([*argv, "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    for key, _, _ in CASES:
        dash, floor = result["medians"]["dashboard"][key], result["medians"]["floor"][key]
        assert dash["seconds"] > 0 and floor["seconds"] > 0
        assert result["ratios"][key]["ratio"] == pytest.approx(dash["seconds"] / floor["seconds"])
    assert result["medians"]["dashboard"]["first_goal"]["charts"] > 0
    assert result["medians"]["dashboard"]["first_overview"]["script_bytes"] > 0
    assert "| page switch, overview → goal page |" in capsys.readouterr().out
