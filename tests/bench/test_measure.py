"""bench.measure in its own process: the Finances page's computation (issue 14) on the
committed sample's database gives the page's table and one time per run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "sample"


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_finance_times_the_pages_computation(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    loaded = _run(["-m", "pipelines", "load", str(SAMPLE), "--db", str(db)])
    assert loaded.returncode == 0, loaded.stderr
    out, table = tmp_path / "m.json", tmp_path / "t.parquet"
    period = ["--from", "2025-01-01", "--to", "2025-12-31"]
    args = ["-m", "bench.measure", "finance", "--db", str(db), *period, "--repeat", "2"]
    done = _run([*args, "--out", str(out), "--table", str(table)])
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    assert len(result["times"]) == len(result["cpu"]) == 2
    cells = pd.read_parquet(table)
    assert result["rows"] == len(cells) > 0
    assert "kunta" in cells.columns
