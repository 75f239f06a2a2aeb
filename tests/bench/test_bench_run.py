"""bench/run is one executable command; its help names the options of issue 6."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.goals import AREA, GOALS, render

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_the_options() -> None:
    done = subprocess.run(
        [str(ROOT / "bench" / "run"), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for option in ("--sizes", "--quick", "--years", "--curve"):
        assert option in done.stdout


def test_table_marks_a_missed_goal() -> None:
    table = render({AREA: {"kpi_s": 1.5, "page_overview_warm_s": 0.4}})
    kpi_line = next(line for line in table.splitlines() if line.startswith("KPI table, a year"))
    page_line = next(line for line in table.splitlines() if line.startswith("overview page, warm"))
    assert "MISS < 1 s" in kpi_line
    assert "ok < 1 s" in page_line


def test_every_goal_of_issue_6_is_checked() -> None:
    keys = {(g.key, g.size) for g in GOALS}
    assert ("load_s", 600_000) in keys and ("load_peak_bytes", 600_000) in keys
    assert ("kpi_s", 600_000) in keys and ("kpi_s", AREA) in keys
    assert ("pandas_ratio", 600_000) in keys
    assert {("page_overview_cold_s", AREA), ("page_goal_warm_s", AREA)} <= keys
