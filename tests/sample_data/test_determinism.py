"""Same seed and arguments, same bytes; the committed sample is what its command writes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from common.data_contract import EXPORTS
from sample_data.generator import Options, generate

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "sample_data" / "sample"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        generate(Options(out=tmp_path / name, clients=300, seed=11, last=dt.date(2026, 10, 31)))
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == len(EXPORTS)
    assert first == second


def test_another_seed_other_data(tmp_path: Path) -> None:
    for seed, name in ((1, "a"), (2, "b")):
        generate(Options(out=tmp_path / name, clients=300, seed=seed, last=dt.date(2026, 10, 31)))
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a["tapahtumat.csv"] != b["tapahtumat.csv"]
    assert a["asiakkaat.csv"] != b["asiakkaat.csv"]
    # The hand-kept registers do not depend on the seed.
    assert a["tyoryhmat.csv"] == b["tyoryhmat.csv"]


def _makefile_sample_args() -> list[str]:
    """The arguments `make sample` passes (the Makefile's SAMPLE_ARGS line, the one place
    they are written)."""
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if line.startswith("SAMPLE_ARGS :="):
            return line.split(":=", 1)[1].split()
    raise AssertionError("Makefile has no SAMPLE_ARGS line")


def test_make_sample_has_a_fixed_date_range() -> None:
    # Without --from and --to the range would follow today's date and `make sample` would
    # rewrite the committed files every month.
    args = _makefile_sample_args()
    assert "--from" in args and "--to" in args


def test_committed_sample_is_what_make_sample_writes(tmp_path: Path) -> None:
    args = _makefile_sample_args()
    result = subprocess.run(
        [sys.executable, "-m", "sample_data", "--out", str(tmp_path), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _files(COMMITTED) == _files(tmp_path)
