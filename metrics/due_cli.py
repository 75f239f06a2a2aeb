"""``python -m metrics due`` (docs/spec/CLI.md): the weekly list of deadlines coming up.

One row per rule x area x group, zeros included: ``rule, level, area, as_of, group,
within_working_days, cases``; with ``--cases`` one row per open case instead (``rule, group,
asiakas_id, kunta, deadline``), which ``--suppress`` refuses (pseudonymous ids are the
analyst's, never the board's). Written by the writers of ``export`` (metrics.kpi_file).
Exit 0 written, 1 bad input (a Finnish and English message on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import polars as pl

from common.cli import add_db_argument, iso_date, run
from metrics.cli_output import (
    add_output_arguments,
    check_output_arguments,
    positive_threshold,
    write_and_report,
)
from metrics.deadlines_due import COUNT_COLUMNS, DEFAULT_WITHIN, WITHIN_RANGE
from metrics.definition import ALL_LEVELS

LEVEL_CHOICES = (*ALL_LEVELS, "all")


def _within(text: str) -> int:
    low, high = WITHIN_RANGE
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(
            f"työpäiviä {low}–{high} / working days {low}-{high}: {text!r}"
        )
    return int(text)


def add_due_parser(sub: Any) -> None:
    """Registers ``due`` on the subparsers of ``python -m metrics``."""
    cmd = sub.add_parser(
        "due",
        help="the weekly list of deadlines coming up (overdue and due cases)",
        description="Määräajat lähipäivinä: myöhässä olevat ja N työpäivän kuluessa erääntyvät "
        "avoimet tapaukset säännöittäin ja alueittain. / Deadlines coming up: the open cases "
        "overdue and due within N working days, by rule and area (docs/spec/METRICS.md). "
        "Exit 0 written, 1 bad input, 2 bad usage.",
    )
    add_db_argument(cmd)
    cmd.add_argument("--as-of", dest="as_of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                     help="override the as-of date recorded at load")  # fmt: skip
    cmd.add_argument("--within", type=_within, default=DEFAULT_WITHIN, metavar="N",
                     help="due within N working days after A (1-20, default 5)")  # fmt: skip
    cmd.add_argument("--level", choices=LEVEL_CHOICES, default="all",
                     help="koko_alue, palvelualue, kunta or all (default)")  # fmt: skip
    cmd.add_argument("--suppress", type=positive_threshold, default=None, metavar="N",
                     help="small-number rule with threshold N (default: off)")  # fmt: skip
    cmd.add_argument("--cases", action="store_true",
                     help="one row per open case (not with --suppress)")  # fmt: skip
    add_output_arguments(cmd)


def _check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.cases and args.suppress is not None:
        parser.error(
            "--cases ja --suppress eivät käy yhdessä: tapausluettelo on analyytikon aineisto, "
            "jota pienten lukujen sääntö ei koske; jätä toinen pois. / --cases and --suppress "
            "do not go together: the case list is the analyst's data, which the small-number "
            "rule does not cover; leave one out."
        )
    check_output_arguments(args, parser)


def due_table(con: Any, args: argparse.Namespace) -> pl.DataFrame:
    """The table the command writes, as the arguments ask."""
    from metrics.deadlines_due import due_cases, due_counts
    from metrics.deadlines_due_privacy import TOTAL, suppress_due

    if args.cases:
        return due_cases(con, as_of=args.as_of, within=args.within)
    levels = list(ALL_LEVELS) if args.level == "all" else [args.level]
    if args.suppress is None:
        return due_counts(con, as_of=args.as_of, within=args.within, levels=levels)
    # Every level judged together, as the screens show them (docs/privacy.md); then filtered.
    shown = suppress_due(due_counts(con, as_of=args.as_of, within=args.within), args.suppress)
    kept = shown.filter(pl.col("rule") != TOTAL, pl.col("level").is_in(levels))
    return kept.select(*COUNT_COLUMNS, "cases_suppressed")


def run_due(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from metrics.__main__ import ERRORS, connect
    from metrics.privacy import DEFAULT_THRESHOLD, small_token

    _check(args, parser)

    def action() -> int:
        began = time.perf_counter()
        con = connect(args.db)
        try:
            table = due_table(con, args)
        finally:
            con.close()
        small = small_token(args.suppress or DEFAULT_THRESHOLD)
        return write_and_report(table, args, began, small)

    return run(action, ERRORS)
