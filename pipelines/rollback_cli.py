"""``python -m pipelines rollback``: lists the kept earlier databases, or puts one back in use.

Without options it restores the newest kept database (the one the last load replaced);
``--list`` only lists them, ``--to N`` restores the N:th of the list (1 = newest). The
database it replaces is kept in turn, so a rollback can itself be rolled back.
"""

from __future__ import annotations

import argparse
from typing import Any

from common.cli import EXIT_OK, add_db_argument, db_path, run
from pipelines.backups import KEEP, Backup, list_backups, restore_backup
from pipelines.db_target import check_target, is_path_error
from pipelines.validation_report import PipelineError


def add_rollback_parser(sub: Any) -> None:
    cmd = sub.add_parser(
        "rollback",
        help=f"bring back an earlier database (the last {KEEP} loads are kept)",
        description="Puts the database the last load replaced back in use (or the N:th kept "
        "one with --to N; --list lists them). The database it replaces is kept in turn. "
        "Exit 0 done, 1 nothing to bring back, 2 bad usage.",
    )
    add_db_argument(cmd)
    choice = cmd.add_mutually_exclusive_group()
    choice.add_argument("--list", action="store_true", help="only list the kept databases")
    choice.add_argument(
        "--to", type=int, default=1, metavar="N", help="which one to restore (1 = newest)"
    )


def _line(number: int, backup: Backup) -> str:
    rows = sum(backup.rows.values())
    return (
        f"  {number}. {backup.path.name}  poimintapäivä / as-of {backup.as_of.isoformat()}, "
        f"ladattu / loaded {backup.loaded_at.isoformat(sep=' ')}, "
        f"{rows:,} riviä / rows".replace(",", " ")
    )


def _nothing(db: str) -> PipelineError:
    return PipelineError.single(
        db,
        "Aiempia tietokantoja ei ole tallessa (ne syntyvät, kun lataus korvaa tietokannan).",
        "No earlier databases are kept (they appear when a load replaces the database).",
        "no_backups",
    )


def run_rollback(args: argparse.Namespace) -> int:
    def action() -> int:
        db = check_target(db_path(args.db))
        kept = list_backups(db)
        if args.list:
            print(f"Tallessa / kept: {len(kept)} ({db})")
            print("\n".join(_line(n, b) for n, b in enumerate(kept, start=1)))
            return EXIT_OK
        if not kept:
            raise _nothing(str(db))
        if not 1 <= args.to <= len(kept):
            raise PipelineError.single(
                str(db),
                f"Valitse --to 1–{len(kept)}: tallessa on {len(kept)} tietokantaa.",
                f"Choose --to 1–{len(kept)}: {len(kept)} databases are kept.",
                "no_such_backup",
            )
        chosen = kept[args.to - 1]
        restore_backup(db, chosen)
        print(f"Palautettu / restored: {db}")
        print(_line(args.to, chosen))
        return EXIT_OK

    return run(action, {PipelineError: str}, is_usage=is_path_error)
