"""The load step of bench/run: `python -m pipelines load` timed, with its peak memory.

For the generator's default folders this is bench/load_bench.py's own measurement (the
pipelines' load benchmark: load in a child process, its peak RSS, and the bare polars
read of the same CSV files as the floor); for other folders (``--years``) the same child
run of the loader without the floor.
"""

from __future__ import annotations

from typing import Any

from bench.child import BenchError, run_child
from bench.datasets import Dataset
from bench.goals import GIB, med
from common.duckdb_files import open_read_only


def _rows_loaded(ds: Dataset) -> int:
    con = open_read_only(ds.db)
    try:
        row = con.execute("SELECT sum(rows) FROM load_log").fetchone()
        return int(row[0]) if row and row[0] is not None else 0
    finally:
        con.close()


def _shared(ds: Dataset, runs: int) -> dict[str, Any]:
    from bench import load_bench

    try:
        r = load_bench.measure(ds.clients, runs, regenerate=False)
    except SystemExit as exc:  # load_bench reports a failed child this way
        raise BenchError(str(exc)) from exc
    return {
        "load_s": r["load_wall_s"],
        "load_inner_s": r["load_inner_s"],
        "load_peak_bytes": r["peak_gib"] * GIB,
        "load_rows": r["rows"],
        "load_rows_per_s": r["rows_per_s"],
        "bare_read_s": r["bare_read_s"],
        "load_vs_bare_ratio": r["ratio"],
    }


def load(ds: Dataset, runs: int) -> dict[str, Any]:
    """Loads the dataset into its DB ``runs`` times: median wall time, highest peak RSS."""
    if ds.shared:
        return _shared(ds, runs)
    times, peaks = [], []
    for _ in range(runs):
        run = run_child(["-m", "pipelines", "load", str(ds.folder), "--db", str(ds.db)])
        times.append(run.seconds)
        peaks.append(run.peak_rss_bytes)
    seconds = med(times)
    rows = _rows_loaded(ds)
    return {
        "load_s": seconds,
        "load_peak_bytes": max(peaks),
        "load_rows": rows,
        "load_rows_per_s": rows / seconds if seconds else None,
        "load_runs": times,
    }
