"""What the project's commands share (docs/spec/CLI.md): the ``--db`` option, the date type,
and the exit codes with a Finnish and English message on stderr.

Exit 0 success, 1 bad input (the message on stderr), 2 bad usage (argparse's own).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from common.settings import get_settings

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

# What a command prints for an error it expects: a function of the exception.
ErrorText = Callable[[BaseException], str]


def iso_date(text: str) -> date:
    """argparse type of a ``YYYY-MM-DD`` option."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"ei päivämäärä VVVV-KK-PP / not a date YYYY-MM-DD: {text!r}"
        ) from exc


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db PATH``: the database file; without it the settings' (``KPI_DB``)."""
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help=f"database file (default: KPI_DB, now {get_settings().db})",
    )


def db_path(given: Path | None) -> Path:
    """The ``--db`` given, else the settings' database."""
    return given if given is not None else get_settings().db


def run(
    action: Callable[[], int],
    errors: Mapping[type[BaseException], ErrorText],
    is_usage: Callable[[BaseException], bool] | None = None,
) -> int:
    """``action()``'s exit code; an exception of a type in ``errors`` prints its text on
    stderr and gives exit 1 (the first matching type, in the mapping's order), or exit 2
    when ``is_usage(exc)`` says it is about how the command was called (a bad ``--db``)."""
    try:
        return action()
    except tuple(errors) as exc:
        text = next(render for kind, render in errors.items() if isinstance(exc, kind))(exc)
        if text:
            print(text, file=sys.stderr)
        return EXIT_USAGE if is_usage is not None and is_usage(exc) else EXIT_BAD_INPUT
