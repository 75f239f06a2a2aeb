"""``python -m sample_data`` as docs/spec/CLI.md fixes it: --help, exit 2 on bad usage, defaults."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from common.data_contract import EXPORTS
from sample_data.__main__ import last_complete_month_end, main

ROOT = Path(__file__).resolve().parents[2]


def test_help_names_every_option() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sample_data", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0
    for option in ("--out", "--clients", "--seed", "--from", "--to"):
        assert option in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        [],  # --out is required
        ["--out", "x", "--clients", "0"],
        ["--out", "x", "--clients", "many"],
        ["--out", "x", "--from", "1.1.2025"],
        ["--out", "x", "--to", "2025-02-30"],
        ["--out", "x", "--from", "2025-06-01", "--to", "2025-05-31"],
        ["--out", "x", "--unknown"],
    ],
)
def test_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert capsys.readouterr().err


def test_default_range_ends_with_the_last_complete_month() -> None:
    assert last_complete_month_end(dt.date(2026, 11, 28)) == dt.date(2026, 10, 31)
    assert last_complete_month_end(dt.date(2026, 1, 1)) == dt.date(2025, 12, 31)
    assert last_complete_month_end(dt.date(2024, 3, 31)) == dt.date(2024, 2, 29)


def test_a_run_writes_every_export_and_prints_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--out", str(tmp_path), "--clients", "50", "--from", "2025-01-01", "--to", "2025-03-31"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "asiakkaat" in printed and "tapahtumat" in printed
    assert len(list(tmp_path.glob("*.csv"))) == len(EXPORTS)
