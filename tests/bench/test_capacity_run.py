"""bench/capacity.py for real, small: three protocol sessions and a herd of three against the
sample database, and a profiled server; it measures and reports (no assertion on speed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.capacity import main
from tests.app.conftest import sample_db  # noqa: F401  (the session fixture, shared)


@pytest.mark.slow
def test_a_small_run_measures_reports_and_profiles(
    sample_db: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "capacity.json"
    argv = ["--db", str(sample_db), "--sessions", "3", "--herd", "3", "--arrival", "2"]
    argv += ["--think", "0.1", "0.3", "--profile", "2", "--results", str(tmp_path)]
    assert main([*argv, "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    meeting, herd = result["runs"]
    assert (meeting["key"], herd["key"]) == ("meeting_3", "herd_3")
    for run in (meeting, herd):
        assert run["pages"] == 9 and run["failed"] == 0, run
        assert run["server_cpu_ms_per_page"] > 0 and run["server_peak_rss_bytes"] > 0
        assert run["per_page"]["lahipalvelut"]["p95_s"] is not None
    assert meeting["peak_open_sessions"] == 3
    profile = result["profile"]
    assert profile["script"]["runs"] == 6  # two visits of three pages, warm-up left out
    assert profile["script"]["ms_per_run"] > 0 and profile["own"] and profile["project"]
    assert any(r["function"].startswith("app.py") for r in profile["project"])
    rows = json.loads(next(tmp_path.glob("capacity-*.json")).read_text())["runs"][0]["rows"]
    assert {r["page"] for r in rows} == {"overview", "lahipalvelut", "kohtaanto"}
    assert all(r["charts"] > 0 for r in rows if r["page"] != "overview")
    printed = capsys.readouterr().out
    assert "| run | pages | failed |" in printed and "named costs" in printed
