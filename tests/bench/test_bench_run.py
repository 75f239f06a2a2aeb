"""bench/run is one executable command; its help names the options of issues 6 and 11, and
its table marks every goal."""

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
    for option in ("--sizes", "--quick", "--years", "--curve", "--steps"):
        assert option in done.stdout
    assert "capacity" in done.stdout and "one_browser" in done.stdout


def _line(table: str, start: str) -> str:
    return next(line for line in table.splitlines() if line.startswith(start))


def test_table_marks_a_missed_goal() -> None:
    r = {
        "kpi_s": 1.5,
        "capacity_meeting_100_p95_s": 0.34,
        "capacity_herd_100_p95_s": 5.5,
        "capacity_herd_100_failed": 0,
        "capacity_herd_100_cpu_ms": 33.2,
        "browser_switch_goal_ratio": 1.62,
        "browser_first_goal_ratio": 1.4,
    }
    table = render({AREA: r})
    assert "MISS < 1 s" in _line(table, "KPI table, a year")
    assert "ok < 1 s" in _line(table, "server: 100 sessions arriving within a minute: p95")
    assert "MISS < 3 s" in _line(table, "server: herd: 100 sessions at one instant: p95")
    assert "ok = 0" in _line(table, "server: herd: 100 sessions at one instant: failed")
    assert " 33 " in _line(table, "server: herd: 100 sessions at one instant: server CPU")
    switch = _line(table, "one browser: page switch, overview → goal page, ratio")
    assert "1.62×" in switch and "MISS < 1.5×" in switch
    assert "ok < 2×" in _line(table, "one browser: first visit, goal page, ratio")


def test_every_goal_of_issue_6_is_checked() -> None:
    keys = {(g.key, g.size) for g in GOALS}
    assert ("load_s", 600_000) in keys and ("load_peak_bytes", 600_000) in keys
    assert ("kpi_s", 600_000) in keys and ("kpi_s", AREA) in keys
    assert ("pandas_ratio", 600_000) in keys
    assert {("capacity_meeting_25_p95_s", AREA), ("capacity_herd_100_p95_s", AREA)} <= keys
    assert ("capacity_meeting_100_failed", AREA) in keys
    assert {("browser_switch_goal_ratio", AREA), ("browser_first_overview_ratio", AREA)} <= keys


def test_the_goals_of_issues_13_and_14_are_checked() -> None:
    keys = {(g.key, g.size) for g in GOALS}
    assert ("finance_s", 600_000) in keys and ("crosscheck_differences", None) in keys
    table = render({600_000: {"finance_s": 2.4, "ledger_rows": 1234, "crosscheck_differences": 0}})
    assert "MISS < 2 s" in _line(table, "Finances page: cost report")
    assert "1234" in _line(table, "cost ledger")
    assert "ok = 0" in _line(table, "pandas vs engine: cells that differ")
