"""``python -m pipelines statfin``: the subcommand's arguments and its run (docs/statistics.md)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from common.cli import EXIT_OK, add_db_argument, run
from pipelines.db_target import is_path_error


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
    add_db_argument(cmd)
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

    def render(exc: BaseException) -> str:
        assert isinstance(exc, PipelineError)
        lines = [issue.render() for issue in exc.report.errors]
        return (
            "Tilastoja ei päivitetty; tallennetut tilastot ovat ennallaan.\n"
            "The statistics were not updated; the stored statistics are unchanged.\n\n"
            + "\n".join(lines)
        )

    def action() -> int:
        stored = update_statistics(args.db, args.file, args.start, args.end)
        print(
            f"Tilastot tallennettu / statistics stored: {stored.db}\n"
            f"  {month_code(stored.first)}–{month_code(stored.last)}: {stored.rows} riviä / rows "
            f"(yhteensä / in all {stored.total_rows})"
        )
        return EXIT_OK

    return run(action, {PipelineError: render}, is_usage=is_path_error)
