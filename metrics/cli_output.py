"""What the file-writing commands of ``python -m metrics`` (export, due, costs) share: the
small-number threshold's type, the output options (--format, --dialect, --out) and their
checks, and writing the table with the one-line summary on stderr (docs/spec/CLI.md)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import polars as pl

from metrics.kpi_file import write_table
from metrics.privacy import SMALL


def positive_threshold(text: str) -> int:
    """``--suppress N``: a positive whole number."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"kynnys on positiivinen kokonaisluku / the threshold is a positive integer: {text!r}"
        )
    return value


def add_output_arguments(cmd: Any, formats: tuple[str, ...] = ("csv", "xlsx")) -> None:
    """``--format``, ``--dialect fi`` and ``--out FILE`` (``-``: CSV to standard output)."""
    cmd.add_argument("--format", dest="fmt", choices=formats, default="csv",
                     help="file format (default csv)")  # fmt: skip
    cmd.add_argument("--dialect", choices=("fi",), default=None,
                     help="fi: CSV for Finnish Excel (; decimal comma, UTF-8 BOM)")  # fmt: skip
    cmd.add_argument("--out", required=True, metavar="FILE",
                     help="output file; '-' writes CSV to standard output")  # fmt: skip


def check_output_arguments(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Bad usage (exit 2): a dialect or standard output with another format than CSV."""
    if args.dialect is not None and args.fmt != "csv":
        parser.error("--dialect koskee vain CSV:tä / --dialect applies to --format csv only")
    if args.out == "-" and args.fmt != "csv":
        parser.error("--out - kirjoittaa vain CSV:tä / --out - writes CSV only")


def write_and_report(
    table: pl.DataFrame, args: argparse.Namespace, began: float, small: str = SMALL
) -> int:
    """Writes ``table`` as the output options ask and says on stderr how many rows and bytes
    went where and how long the command took; returns exit code 0."""
    size = write_table(table, args.out, args.fmt, args.dialect or "standard", small=small)
    target = "stdout" if args.out == "-" else args.out
    print(
        f"{table.height} riviä / rows, {size} tavua / bytes -> {target} "
        f"({time.perf_counter() - began:.2f} s)",
        file=sys.stderr,
    )
    return 0
