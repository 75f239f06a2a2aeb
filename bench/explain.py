"""Where the KPI table's time goes: every metric SQL file under DuckDB's EXPLAIN ANALYZE.

    python -m bench.explain --db DB --from 2025-01-01 --to 2025-12-31 [--out DIR] [--threads N]

For each SQL file (run once as the engine runs it, on the same registered period relations)
prints its CPU time and, per table it scans, the row groups read of those stored
("tapahtumat 33/80": DuckDB skipped the rest by their min/max; see pipelines/storage_order.py).
With ``--out`` the text plan of each file is written there, to compare before and after.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from common.duckdb_files import open_read_only
from metrics.definition import MetricDefinition
from metrics.registry import REGISTRY
from metrics.sql_context import open_cursor, read_as_of, run_metric_sql

_PARAM = re.compile(r"\$([a-z_]+)")


@dataclass(frozen=True)
class Scan:
    table: str
    row_groups: int
    of: int


@dataclass(frozen=True)
class Explained:
    sql: str
    cpu_s: float
    scans: tuple[Scan, ...]


def scans(operator: dict[str, Any]) -> Iterator[Scan]:
    """The table scans of a JSON profile (its root holds ``operator``, each node
    ``children``), with their row groups read and stored."""
    table = operator.get("extra_info", {}).get("Table")
    if table and "total_row_groups_to_scan" in operator:
        name = str(table).rsplit(".", 1)[-1]
        yield Scan(
            name, int(operator["row_groups_scanned"]), int(operator["total_row_groups_to_scan"])
        )
    for child in [*operator.get("operator", []), *operator.get("children", [])]:
        yield from scans(child)


def _files() -> list[MetricDefinition]:
    seen: dict[str, MetricDefinition] = {}
    for m in REGISTRY:
        seen.setdefault(m.sql, m)
    return list(seen.values())


def explain(
    con: duckdb.DuckDBPyConnection, start: date, end: date, out: Path | None = None
) -> list[Explained]:
    """Every metric SQL file of the registry over ``[start, end]``, slowest first."""
    as_of = read_as_of(con)
    cur, _ = open_cursor(con, start, end, as_of, "period")
    found: list[Explained] = []
    try:
        for metric in _files():
            sql = metric.query()
            params = {"as_of": as_of} if "as_of" in _PARAM.findall(sql) else None
            c0 = time.process_time()
            run_metric_sql(cur, sql, as_of)
            cpu = time.process_time() - c0
            plan = cur.sql("EXPLAIN (ANALYZE, FORMAT json) " + sql, params=params).fetchall()
            tree = json.loads(plan[0][1])
            found.append(Explained(metric.sql, cpu, tuple(scans(tree))))
            if out is not None:
                text = cur.sql("EXPLAIN ANALYZE " + sql, params=params).fetchall()[0][1]
                (out / (metric.sql.replace("/", "_") + ".txt")).write_text(text, encoding="utf-8")
    finally:
        cur.close()
    return sorted(found, key=lambda e: -e.cpu_s)


def render(found: list[Explained]) -> str:
    lines = [f"{'SQL file':40s} {'CPU s':>6s}  row groups read / stored, per table scan"]
    for e in found:
        parts = ", ".join(f"{s.table} {s.row_groups}/{s.of}" for s in e.scans)
        lines.append(f"{e.sql:40s} {e.cpu_s:6.2f}  {parts}")
    read = sum(s.row_groups for e in found for s in e.scans)
    stored = sum(s.of for e in found for s in e.scans)
    total = sum(e.cpu_s for e in found)
    lines.append(f"{'all files':40s} {total:6.2f}  {read}/{stored} row groups read")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.explain")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    parser.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    parser.add_argument("--out", type=Path, help="write each file's text plan here")
    parser.add_argument("--threads", type=int, help="DuckDB threads (default: all cores)")
    args = parser.parse_args(argv)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
    con = open_read_only(args.db)
    try:
        if args.threads:
            con.execute(f"SET threads = {int(args.threads)}")
        print(render(explain(con, args.start, args.end, args.out)))
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
