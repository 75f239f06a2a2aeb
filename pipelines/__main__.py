"""Command line: ``python -m pipelines load DIR``, ``validate DIR``, ``statfin`` and
``rollback``.

Exit codes (docs/spec/CLI.md): 0 success, 1 bad input (the report on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from common.cli import EXIT_OK, add_db_argument, iso_date, run
from pipelines.db_target import is_path_error
from pipelines.rollback_cli import add_rollback_parser, run_rollback
from pipelines.statfin_cli import add_statfin_parser, run_statfin

if TYPE_CHECKING:
    from pipelines.folder import LoadSummary
    from pipelines.validation_report import Issue


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines",
        description="Lataa ja tarkista viennit / load and check the exports "
        "(docs/spec/DATA_CONTRACT.md).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser(
        "load",
        help="validate DIR and replace the database with it (all or nothing)",
        description="Validates every export in DIR, then replaces the database's data with "
        "them in one step (all or nothing). Exit 0 loaded, 1 bad input, 2 bad usage.",
    )
    load.add_argument("dir", type=Path, metavar="DIR", help="folder of exports (asiakkaat.csv, …)")
    add_db_argument(load)
    load.add_argument(
        "--allow-empty", action="store_true",
        help="load even when an export that has rows in the database now has none",
    )  # fmt: skip
    load.add_argument(
        "--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
        help="extraction date; dates after it are errors (default: recorded as the latest "
        "event or start date in the data; dates after today are errors)",
    )  # fmt: skip
    load.add_argument(
        "--data-from", type=iso_date, default=None, metavar="YYYY-MM-DD",
        help="coverage start: the first day the exports describe completely; nothing is "
        "compared with a day before it (default: the earliest event date, tapahtumat.pvm)",
    )  # fmt: skip
    validate = sub.add_parser(
        "validate",
        help="the same checks as load, writing nothing",
        description="The same checks as load, writes nothing. "
        "Exit 0 when DIR would load, 1 if not.",
    )
    validate.add_argument("dir", type=Path, metavar="DIR", help="folder of exports")
    validate.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="extraction date; dates after it are errors (default: today)",
    )
    add_statfin_parser(sub)
    add_rollback_parser(sub)
    return parser


def _warnings_text(warnings: list[Issue]) -> str:
    if not warnings:
        return "Huomautukset / warnings: 0"
    lines = [f"Huomautukset / warnings: {len(warnings)}"]
    lines.extend(w.render() for w in warnings)
    return "\n".join(lines)


def _summary(summary: LoadSummary) -> str:
    width = max(len(n) for n in summary.rows)
    lines = [f"Ladattu / loaded: {summary.db}"]
    for name, count in summary.rows.items():
        note = "  (oletus / default)" if name in summary.defaults else ""
        lines.append(f"  {name:<{width}}  {count:>10,} riviä / rows{note}".replace(",", " "))
    lines.append(f"Poimintapäivä / as-of: {summary.as_of.isoformat()}")
    if summary.data_from is not None:
        lines.append(f"Aineisto alkaa / coverage from: {summary.data_from.isoformat()}")
    lines.append(_warnings_text(summary.warnings))
    lines.append(f"Aika / time: {summary.duration_s:.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "statfin":
        return run_statfin(args)
    if args.command == "rollback":
        return run_rollback(args)
    started = time.perf_counter()
    from pipelines.folder import load_folder, validate_folder  # heavy: after parsing
    from pipelines.validation_report import PipelineError

    def action() -> int:
        if args.command == "load":
            loaded = load_folder(
                args.dir, args.db, args.as_of, allow_empty=args.allow_empty,
                data_from=args.data_from,
            )  # fmt: skip
            print(_summary(loaded))
            return EXIT_OK
        report = validate_folder(args.dir, args.as_of)
        if not report.ok:
            raise PipelineError(report)
        print(f"Kansio kelpaa ladattavaksi / the folder would load: {args.dir}")
        print(_warnings_text(report.warnings))
        print(f"Aika / time: {time.perf_counter() - started:.1f} s")
        return EXIT_OK

    # str(PipelineError) is its report, rendered; a bad --db is bad usage (exit 2)
    return run(action, {PipelineError: str}, is_usage=is_path_error)


if __name__ == "__main__":
    sys.exit(main())
