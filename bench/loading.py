"""The load step of bench/run: `python -m pipelines load` timed, with its peak memory."""

from __future__ import annotations

from typing import Any

import duckdb

from bench.child import run_child
from bench.datasets import Dataset
from bench.goals import med


def _rows_loaded(ds: Dataset) -> int:
    con = duckdb.connect(str(ds.db), read_only=True)
    try:
        row = con.execute("SELECT sum(rows) FROM load_log").fetchone()
        return int(row[0]) if row and row[0] is not None else 0
    finally:
        con.close()


def load(ds: Dataset, runs: int) -> dict[str, Any]:
    """Loads the dataset into its cached DB ``runs`` times; median time, highest peak RSS."""
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
