"""Generated export folders for the benchmark, made once and cached under bench/cache/.

With the generator's defaults (seed 1, from 2025-01-01) the folder is bench/load_bench.py's
(``bench/cache/load-c<N>-s1``), so the load benchmark and this suite share one national-scale
folder. Other seeds and periods (``--years``) get their own folder keyed by size, seed,
period and generator version. Either way a folder made by an older generator (a hash of
sample_data's source) is made again, and a folder is only used when its ``.complete``
marker exists: an interrupted generation is thrown away and made again.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.child import ROOT, BenchError, run_child

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
    def shared(self) -> bool:
        """The generator's defaults (seed 1, 2025-01-01..): bench/load_bench.py's folder."""
        return self.seed == 1 and self.start == date(2025, 1, 1) and self.end == DATA_END

    @property
    def key(self) -> str:
        if self.shared:
            return f"load-c{self.clients}-s1"
        return f"c{self.clients}-s{self.seed}-{self.start}-{self.end}-g{self.version}"

    @property
    def folder(self) -> Path:
        return CACHE / self.key if self.shared else CACHE / self.key / "exports"

    @property
    def db(self) -> Path:
        return CACHE / f"{self.key}.duckdb" if self.shared else CACHE / self.key / "kpi.duckdb"

    @property
    def _stamp(self) -> Path:
        return CACHE / f"{self.key}.generator"

    def ensure(self) -> float | None:
        """Generates the folder unless cached for this generator version; returns the
        seconds it took (None if cached)."""
        if self.shared:
            return self._ensure_shared()
        if (self.folder / ".complete").exists():
            return None
        partial = self.folder.with_name("exports.partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(self.folder, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        period = ["--from", self.start.isoformat(), "--to", self.end.isoformat()]
        size = ["--clients", str(self.clients), "--seed", str(self.seed)]
        run = run_child(["-m", "sample_data", "--out", str(partial), *size, *period])
        partial.rename(self.folder)
        (self.folder / ".complete").write_text(run.output)
        return run.seconds

    def _ensure_shared(self) -> float | None:
        """bench/load_bench.py's cached folder, made again when the generator has changed."""
        from bench import load_bench

        fresh = self._stamp.exists() and self._stamp.read_text() == self.version
        if fresh and (self.folder / ".complete").exists():
            return None
        t0 = time.perf_counter()
        try:
            load_bench.dataset(self.clients, regenerate=True)
        except SystemExit as exc:  # load_bench reports a failed child this way
            raise BenchError(str(exc)) from exc
        self._stamp.write_text(self.version)
        return time.perf_counter() - t0


def dataset(clients: int, seed: int = 1, years: int = 1) -> Dataset:
    """The area's data from 2025-01-01 (or ``years`` back from the data's end year)."""
    start = date(min(2025, DATA_END.year - years + 1), 1, 1)
    return Dataset(clients, seed, start, DATA_END, generator_version())


def loaded_db(clients: int) -> Path:
    """The area-size dataset's database (bench.capacity, bench.one_browser): the exports
    generated unless cached, and loaded unless a database of them is there already."""
    ds = dataset(clients)
    ds.ensure()
    if not ds.db.exists():
        load = [sys.executable, "-m", "pipelines", "load", str(ds.folder), "--db", str(ds.db)]
        subprocess.run(load, cwd=ROOT, check=True)
    return ds.db
