"""One measurement in its own process, so that its peak memory is its own (bench/run's child).

    python -m bench.measure kpi    --db DB --from D --to D --repeat N --out JSON
    python -m bench.measure series --db DB --from D --to D --repeat N --out JSON
    python -m bench.measure pandas --folder DIR --from D --to D --repeat N --out JSON
    python -m bench.measure finance --db DB --from D --to D --repeat N --out JSON

``finance`` is the Finances page's computation for the year of ``--to`` (issue 14):
ui.finance_data.build_finance_data, i.e. metrics.costs.cost_report.cost_report and every
table the page draws, without Streamlit's cache. Each run opens a fresh read-only
connection (kpi, series, finance) or reads the CSV files again
(pandas), as a new dashboard session or a new analyst's script would. Writes
``{"times": [wall s...], "cpu": [CPU s, all threads...], "rows": n}``;
the parent reads the peak RSS from ``wait4``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import polars as pl


def _kpi(args: argparse.Namespace) -> Callable[[], pd.DataFrame | pl.DataFrame]:
    from common.duckdb_files import open_read_only
    from metrics.engine import kpi_table

    def run() -> pl.DataFrame:
        con = open_read_only(args.db)
        try:
            return kpi_table(con, args.start, args.end)
        finally:
            con.close()

    return run


def _series(args: argparse.Namespace) -> Callable[[], pd.DataFrame | pl.DataFrame]:
    from common.duckdb_files import open_read_only
    from metrics.series import metric_series

    def run() -> pl.DataFrame:
        con = open_read_only(args.db)
        try:
            return metric_series(con, args.start, args.end, grain="week")
        finally:
            con.close()

    return run


def _pandas(args: argparse.Namespace) -> Callable[[], pd.DataFrame | pl.DataFrame]:
    from bench.pandas_baseline import kpi_table

    def run() -> pd.DataFrame:
        return kpi_table(args.folder, args.start, args.end)

    return run


def _finance(args: argparse.Namespace) -> Callable[[], pd.DataFrame | pl.DataFrame]:
    from common.duckdb_files import open_read_only
    from metrics.sql_context import read_as_of
    from ui.finance_data import build_finance_data

    def run() -> pl.DataFrame:
        con = open_read_only(args.db)
        try:
            data = build_finance_data(con, args.end.year, read_as_of(con))
        finally:
            con.close()
        if isinstance(data, str):
            raise SystemExit(f"bench.measure finance: {data}")
        return data.tables["kunta-item"]

    return run


KINDS = {"kpi": _kpi, "series": _series, "pandas": _pandas, "finance": _finance}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.measure")
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--db", type=Path)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    parser.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--table", type=Path, help="write the last result here (Parquet)")
    args = parser.parse_args(argv)
    run = KINDS[args.kind](args)
    times: list[float] = []
    cpu: list[float] = []
    table: pd.DataFrame | pl.DataFrame | None = None
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        table = run()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    frame = table.to_pandas() if isinstance(table, pl.DataFrame) else table
    if args.table is not None and frame is not None:
        frame.to_parquet(args.table)
    rows = len(frame) if frame is not None else 0
    args.out.write_text(json.dumps({"times": times, "cpu": cpu, "rows": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
