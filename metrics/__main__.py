"""Command line: ``python -m metrics export`` (docs/spec/CLI.md), the KPI table to a file
(``digest`` and ``due`` live in metrics.digest_cli and metrics.due_cli).

Exit codes: 0 written, 1 bad input (missing or broken database, unknown metric, a period
that ends before it starts, a folder that does not exist; a Finnish and English message on
stderr), 2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb
import polars as pl

from common.cli import ErrorText, add_db_argument, db_path, iso_date, run
from common.duckdb_files import open_read_only
from metrics.cli_output import (
    add_output_arguments,
    check_output_arguments,
    positive_threshold,
    write_and_report,
)
from metrics.costs_cli import add_costs_parser, run_costs
from metrics.definition import ALL_LEVELS
from metrics.digest_cli import add_digest_parser, run_digest
from metrics.disclosure import disclose
from metrics.due_cli import add_due_parser, run_due
from metrics.engine import MetricsError, kpi_table
from metrics.kpi_file import ExportError
from metrics.privacy import DEFAULT_THRESHOLD, small_token
from metrics.registry import REGISTRY
from metrics.year_earlier_table import year_earlier_disclosed, year_earlier_kpi

LEVEL_CHOICES = (*ALL_LEVELS, "all")
PREVIOUS_YEAR = "previous-year"


class InputError(Exception):
    """Bad input to the command (exit 1); the message is in Finnish and English."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m metrics",
        description="KPI-taulukon vienti / export of the KPI table "
        "(docs/spec/METRICS.md, docs/spec/CLI.md).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser(
        "export",
        help="write the KPI table to a file (CSV, XLSX or Parquet)",
        description="Writes the KPI table of docs/spec/METRICS.md: one row per metric x area x "
        "period, "
        "columns metric_id, level, area, period_start, period_end, as_of, value, numerator, "
        "denominator, pending, target_op, target_value, status. Exit 0 written, 1 bad input, "
        "2 bad usage.",
    )
    exp.add_argument("--from", dest="start", type=iso_date, required=True, metavar="YYYY-MM-DD",
                     help="first day of the period (included)")  # fmt: skip
    exp.add_argument("--to", dest="end", type=iso_date, required=True, metavar="YYYY-MM-DD",
                     help="last day of the period (included)")  # fmt: skip
    add_db_argument(exp)
    exp.add_argument("--as-of", dest="as_of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                     help="override the as-of date recorded at load")  # fmt: skip
    exp.add_argument("--level", choices=LEVEL_CHOICES, default="all",
                     help="koko_alue, palvelualue, kunta or all (default)")  # fmt: skip
    exp.add_argument("--metric", dest="metrics", nargs="+", action="extend", metavar="ID",
                     help="only these metric ids (default: all)")  # fmt: skip
    add_output_arguments(exp, ("csv", "xlsx", "parquet"))
    exp.add_argument("--suppress", type=positive_threshold, default=None, metavar="N",
                     help="small-number rule with threshold N (default: off)")  # fmt: skip
    exp.add_argument("--compare", choices=(PREVIOUS_YEAR,), default=None,
                     help="previous-year: add the rows of the same period a year earlier "
                     "(as_of one year earlier) after the period's rows")  # fmt: skip
    add_digest_parser(sub)
    add_due_parser(sub)
    add_costs_parser(sub)
    return parser


def _check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    check_output_arguments(args, parser)
    if args.start > args.end:
        raise InputError(
            f"--from {args.start} on --to {args.end} jälkeen; anna jakso alusta loppuun. / "
            f"--from {args.start} is after --to {args.end}; give the period start to end."
        )
    known = {m.id for m in REGISTRY}
    unknown = [m for m in args.metrics or () if m not in known]
    if unknown:
        raise InputError(
            f"Tuntematon mittari / unknown metric: {', '.join(unknown)}. "
            f"Tunnetut / known: {', '.join(sorted(known))}"
        )


def connect(path: Path | None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a loaded database (one process, one export: no swap to
    follow); InputError when the file is missing, broken or was never completely loaded."""
    db = db_path(path)
    load_fi = f"Lataa aineisto: python -m pipelines load KANSIO --db {db}"
    load_en = f"Load the data: python -m pipelines load DIR --db {db}"
    if not db.is_file():
        raise InputError(
            f"Tietokantaa ei ole: {db}. {load_fi} / There is no database: {db}. {load_en}"
        )
    try:
        con = open_read_only(db)
    except duckdb.Error as exc:
        raise InputError(
            f"Tietokanta on rikki: {db}. {load_fi} / The database is broken: {db}. {load_en}"
        ) from exc
    try:
        con.execute("SELECT as_of FROM meta_load").fetchall()
    except duckdb.Error as exc:
        con.close()
        raise InputError(
            f"Tietokanta on keskeneräinen (ei meta_load-taulua): {db}. {load_fi} / "
            f"The database is broken or incomplete (no meta_load): {db}. {load_en}"
        ) from exc
    return con


def export(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    levels = ALL_LEVELS if args.level == "all" else (args.level,)
    con = connect(args.db)
    try:
        table = _table(con, args, levels, year_earlier=False)
        if args.compare == PREVIOUS_YEAR:  # the earlier period's rows after the period's
            table = pl.concat([table, _table(con, args, levels, year_earlier=True)])
    finally:
        con.close()
    return write_and_report(table, args, began, small_token(args.suppress or DEFAULT_THRESHOLD))


def _table(
    con: duckdb.DuckDBPyConnection,
    args: argparse.Namespace,
    levels: tuple[str, ...],
    *,
    year_earlier: bool,
) -> pl.DataFrame:
    """The period's KPI table, or the period's a year earlier (metrics.year_earlier_table);
    with ``--suppress`` each under the board's rule on its own (docs/privacy.md): every level
    judged, month by month."""
    if args.suppress is None:
        plain = year_earlier_kpi if year_earlier else kpi_table
        return plain(
            con, args.start, args.end, as_of=args.as_of, levels=levels, metric_ids=args.metrics
        )
    ruled = year_earlier_disclosed if year_earlier else disclose
    return ruled(
        con, args.start, args.end, as_of=args.as_of, metric_ids=args.metrics,
        threshold=args.suppress,
    ).period.filter(pl.col("level").is_in(list(levels)))  # fmt: skip


def _stdout_closed(exc: BaseException) -> str:
    """The reader of ``--out -`` stopped early (``| head``): no traceback, no message."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return ""


ERRORS: dict[type[BaseException], ErrorText] = {
    InputError: lambda exc: f"Virhe / Error: {exc}",
    MetricsError: lambda exc: f"Virhe / Error: {exc}",
    ExportError: lambda exc: f"Virhe / Error: {exc}",
    duckdb.Error: lambda exc: (
        f"Virhe / Error: tietokantaa ei voi lukea / the database cannot be read ({exc}). "
        "Lataa aineisto uudelleen / load the data again: python -m pipelines load DIR"
    ),
    BrokenPipeError: _stdout_closed,
    OSError: lambda exc: (
        f"Virhe / Error: tiedostoa ei voi kirjoittaa / cannot write the file: {exc}"
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "digest":
        return run_digest(args, parser)
    if args.command == "due":
        return run_due(args, parser)
    if args.command == "costs":
        return run_costs(args, parser, connect, ERRORS)

    def action() -> int:
        _check(args, parser)
        return export(args)

    return run(action, ERRORS)


if __name__ == "__main__":
    sys.exit(main())
