"""Same seed and arguments, same bytes; the committed sample is what its command writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sample_data.generator import Options, generate

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "sample_data" / "sample"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        generate(Options(out=tmp_path / name, clients=300, seed=11, last=dt.date(2026, 10, 31)))
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == 11
    assert first == second


def test_another_seed_other_data(tmp_path: Path) -> None:
    for seed, name in ((1, "a"), (2, "b")):
        generate(Options(out=tmp_path / name, clients=300, seed=seed, last=dt.date(2026, 10, 31)))
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a["tapahtumat.csv"] != b["tapahtumat.csv"]
    assert a["asiakkaat.csv"] != b["asiakkaat.csv"]
    # The hand-kept registers do not depend on the seed.
    assert a["tyoryhmat.csv"] == b["tyoryhmat.csv"]


def test_committed_sample_is_what_the_makefile_command_writes(tmp_path: Path) -> None:
    # `make sample` = python -m sample_data --out sample_data/sample --clients 400 --seed 7,
    # run on 2026-11-28 (so --to = 2026-10-31).
    generate(Options(out=tmp_path, clients=400, seed=7, last=dt.date(2026, 10, 31)))
    assert _files(COMMITTED) == _files(tmp_path)
    assert sum(len(b) for b in _files(COMMITTED).values()) < 2_000_000
