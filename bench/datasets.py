"""Generated export folders for the benchmark, made once and cached under bench/cache/.

The cache key is the size, the seed, the period and the generator's version (a hash of
sample_data's source), so a changed generator makes new data instead of reusing stale data.
A folder is only used when its ``.complete`` marker exists: an interrupted generation is
thrown away and made again.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.child import ROOT, run_child

CACHE = ROOT / "bench" / "cache"
DATA_END = date(2026, 10, 31)  # the last complete month (COMMON.md: today is 2026-11-28)


def generator_version() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "sample_data").glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Dataset:
    clients: int
    seed: int
    start: date
    end: date
    version: str  # the generator's version when the dataset was asked for

    @property
    def key(self) -> str:
        return f"c{self.clients}-s{self.seed}-{self.start}-{self.end}-g{self.version}"

    @property
    def folder(self) -> Path:
        return CACHE / self.key / "exports"

    @property
    def db(self) -> Path:
        return CACHE / self.key / "kpi.duckdb"

    def ensure(self) -> float | None:
        """Generates the folder unless cached; returns the seconds it took (None if cached)."""
        if (self.folder / ".complete").exists():
            return None
        partial = self.folder.with_name("exports.partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(self.folder, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        args = [
            "-m",
            "sample_data",
            "--out",
            str(partial),
            "--clients",
            str(self.clients),
            "--seed",
            str(self.seed),
            "--from",
            self.start.isoformat(),
            "--to",
            self.end.isoformat(),
        ]
        run = run_child(args)
        partial.rename(self.folder)
        (self.folder / ".complete").write_text(run.output)
        return run.seconds


def dataset(clients: int, seed: int = 1, years: int = 1) -> Dataset:
    """The area's data from 2025-01-01 (or ``years`` back from the data's end year)."""
    start = date(min(2025, DATA_END.year - years + 1), 1, 1)
    return Dataset(clients, seed, start, DATA_END, generator_version())
