"""Load benchmark of the pipelines: the area's size and the national scale.

    .venv/bin/python -m bench.load_bench [--sizes 20000,600000] [--runs 3] [--regenerate]

For each size: generates the folder once (``python -m sample_data --out DIR --clients N
--seed 1``, cached under bench/cache/load-c<N>-s1/), then, ``--runs`` times and
interleaved, (a) ``python -m pipelines load`` in a child process and (b) the bare floor,
polars reading the same CSV files with no validation, also in a child process. Prints
rows/s, the child's peak memory (its own rusage from ``os.wait4``), and the ratio of
our load to the bare read (medians). Goals (issue 2): area < 5 s; national < 60 s and
< 4 GiB; load / bare read <= 2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "cache"
PY = sys.executable
GIB = 1024**3

BARE_READ = """
import glob, json, sys, time
import polars as pl
t = time.perf_counter()
rows = sum(pl.read_csv(f).height for f in sorted(glob.glob(sys.argv[1] + "/*.csv")))
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows}))
"""


@dataclass(frozen=True)
class Run:
    wall_s: float
    peak_bytes: int
    stdout: str


def run_child(args: list[str]) -> Run:
    """Runs ``python ARGS`` from the project root; wall time and the child's own peak RSS."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([PY, *args], cwd=ROOT, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"failed: python {' '.join(args)}\n{stderr[-4000:]}")
    return Run(wall, usage.ru_maxrss * 1024, stdout)


def dataset(clients: int, regenerate: bool) -> Path:
    folder = CACHE / f"load-c{clients}-s1"
    if (folder / ".complete").exists() and not regenerate:
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    print(f"generating {clients} clients into {folder} …", flush=True)
    run = run_child(
        ["-m", "sample_data", "--out", str(partial), "--clients", str(clients), "--seed", "1"]
    )
    partial.rename(folder)
    (folder / ".complete").write_text(f"generated in {run.wall_s:.1f} s\n")
    return folder


def _load_duration(db: Path) -> float:
    from common.duckdb_files import open_read_only

    con = open_read_only(db)
    row = con.execute("SELECT duration_s FROM meta_load").fetchall()
    con.close()
    return float(row[0][0])


def measure(clients: int, runs: int, regenerate: bool) -> dict[str, float]:
    folder = dataset(clients, regenerate)
    db = folder.parent / f"load-c{clients}-s1.duckdb"
    loads, inner, peaks, bares, rows = [], [], [], [], 0
    for _ in range(runs):
        load = run_child(["-m", "pipelines", "load", str(folder), "--db", str(db)])
        loads.append(load.wall_s)
        peaks.append(load.peak_bytes)
        inner.append(_load_duration(db))
        bare = run_child(["-c", BARE_READ, str(folder)])
        measured = json.loads(bare.stdout)
        bares.append(measured["seconds"])
        rows = measured["rows"]
    load_s, inner_s, bare_s = (statistics.median(x) for x in (loads, inner, bares))
    return {
        "clients": clients, "rows": rows, "load_wall_s": load_s, "load_inner_s": inner_s,
        "rows_per_s": rows / inner_s, "peak_gib": max(peaks) / GIB, "bare_read_s": bare_s,
        "ratio": inner_s / bare_s, "runs": runs,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load_bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", default="20000,600000", help="clients per size, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (medians)")
    parser.add_argument("--regenerate", action="store_true", help="generate the folders again")
    args = parser.parse_args(argv)
    print(f"{'clients':>8} {'rows':>11} {'load s':>8} {'(in-proc)':>9} {'rows/s':>10} "
          f"{'peak GiB':>8} {'bare s':>7} {'ratio':>6}")  # fmt: skip
    for size in (int(s) for s in args.sizes.split(",")):
        before = os.getloadavg()[0]
        r = measure(size, args.runs, args.regenerate)
        print(
            f"{r['clients']:>8} {r['rows']:>11,} {r['load_wall_s']:>8.1f} "
            f"{r['load_inner_s']:>9.1f} "
            f"{r['rows_per_s']:>10,.0f} {r['peak_gib']:>8.2f} {r['bare_read_s']:>7.1f} "
            f"{r['ratio']:>6.2f}   (load average {before:.1f} -> {os.getloadavg()[0]:.1f}, "
            f"{os.cpu_count()} cores)",
            flush=True,
        )
    print("goals: 20000 load < 5 s; 600000 load < 60 s and peak < 4 GiB; ratio <= 2 "
          "(ratio = in-process load time / in-process bare polars read, medians)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
