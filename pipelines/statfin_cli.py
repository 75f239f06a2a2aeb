"""``python -m pipelines statfin``: the subcommand's arguments and its run (docs/statistics.md)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from common.settings import get_settings


def _month(text: str) -> date:
    from pipelines.statfin_query import parse_month

    try:
        return parse_month(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"ei kuukausi VVVV-KK / not a month YYYY-MM: {text!r}"
        ) from exc


def add_statfin_parser(sub: Any) -> None:
    """Registers ``statfin`` on the subparsers of ``python -m pipelines``."""
    cmd = sub.add_parser(
        "statfin",
        help="fetch Statistics Finland's employment service statistics (table 12r5)",
        description="Hakee Tilastokeskuksen työnvälitystilaston (taulukko 12r5) alueen 13 "
        "kunnalle ja koko maalle kuukausittain ja tallentaa sen tietokantaan (kaikki tai ei "
        "mitään). / Fetches Statistics Finland's employment service statistics (table 12r5) "
        "for the 13 municipalities and the whole country by month and stores them in the "
        "database (all or nothing). Exit 0 stored, 1 failed (the stored statistics are "
        "unchanged), 2 bad usage.",
    )
    cmd.add_argument("--db", type=Path, default=None, metavar="PATH",
                     help=f"database file (default: KPI_DB or {get_settings().db})")  # fmt: skip
    cmd.add_argument("--file", type=Path, default=None, metavar="F",
                     help="read a file saved from the table's page (PX-Web CSV or JSON-stat2) "
                     "instead of the API")  # fmt: skip
    cmd.add_argument("--from", dest="start", type=_month, default=None, metavar="YYYY-MM",
                     help="first month (default: January of last year)")  # fmt: skip
    cmd.add_argument("--to", dest="end", type=_month, default=None, metavar="YYYY-MM",
                     help="last month (default: the latest published)")  # fmt: skip


def run_statfin(args: argparse.Namespace) -> int:
    from pipelines.statfin import update_statistics
    from pipelines.statfin_query import month_code
    from pipelines.validation_report import PipelineError

    try:
        stored = update_statistics(args.db, args.file, args.start, args.end)
    except PipelineError as exc:
        print(
            "Tilastoja ei päivitetty; tallennetut tilastot ovat ennallaan.\n"
            "The statistics were not updated; the stored statistics are unchanged.\n",
            file=sys.stderr,
        )
        for issue in exc.report.errors:
            print(issue.render(), file=sys.stderr)
        return 1
    print(
        f"Tilastot tallennettu / statistics stored: {stored.db}\n"
        f"  {month_code(stored.first)}–{month_code(stored.last)}: {stored.rows} riviä / rows "
        f"(yhteensä / in all {stored.total_rows})"
    )
    return 0
