"""``python -m metrics costs`` (docs/spec/CLI.md): the cost tables of a year to a file.

``--by item`` (default), ``kunta``, ``kunta-item``, ``month`` or ``course``; CSV (``--dialect
fi`` for Finnish Excel) or XLSX, written by the KPI file writers (metrics.kpi_file: euros with
two decimals, shares as fractions, text made inert for spreadsheets). Exit 0 written, 1 bad
input (no database, a year not begun at the as-of date), 2 bad usage. The warnings of the year
(no percentages) go to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from common.cli import ErrorText, add_db_argument, iso_date, run
from metrics.cli_output import add_output_arguments, check_output_arguments, write_and_report
from metrics.costs.cost_report import GROUPINGS, cost_report

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _year(text: str) -> int:
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"ei vuosi VVVV / not a year YYYY: {text!r}")
    return int(text)


def add_costs_parser(sub: Any) -> None:
    """Registers ``costs`` on the subparsers of ``python -m metrics``."""
    cmd = sub.add_parser(
        "costs",
        help="the cost tables of a year (item, kunta, kunta-item, month, course)",
        description="Kustannukset, sitoumukset, talousarvion käyttö ja kuntien osuudet / the "
        "year's costs, commitments, budget use and the municipalities' bills "
        "(docs/spec/METRICS.md, Costs). Exit 0 written, 1 bad input, 2 bad usage.",
    )
    cmd.add_argument("--year", type=_year, required=True, metavar="YYYY", help="budget year")
    add_db_argument(cmd)
    cmd.add_argument("--as-of", dest="as_of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                     help="override the as-of date recorded at load")  # fmt: skip
    cmd.add_argument("--by", choices=GROUPINGS, default="item",
                     help="grouping (default item)")  # fmt: skip
    add_output_arguments(cmd)


def run_costs(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    connect: Any,
    errors: dict[type[BaseException], ErrorText],
) -> int:
    """``connect(path)`` opens the database as ``python -m metrics export`` does."""
    check_output_arguments(args, parser)

    def action() -> int:
        began = time.perf_counter()
        con = connect(args.db)
        try:
            report = cost_report(con, args.year, args.as_of)
            table = report.table(args.by)
        finally:
            con.close()
        for fi, en in report.warnings:
            print(f"Huom / Warning: {fi} / {en}", file=sys.stderr)
        return write_and_report(table, args, began)

    return run(action, errors)
