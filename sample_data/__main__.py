"""``python -m sample_data --out DIR [--clients N] [--seed S] [--from D] [--to D]``.

The command of docs/spec/CLI.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from sample_data.generator import Options, generate
from sample_data.profiles import REAL_SIZE

DEFAULT_FROM = dt.date(2025, 1, 1)


def last_complete_month_end(today: dt.date) -> dt.date:
    return today.replace(day=1) - dt.timedelta(days=1)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"not a date YYYY-MM-DD / ei päivämäärä: {text!r}"
        ) from exc


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number / ei kokonaisluku: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1 / vähintään 1")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m sample_data",
        description="Writes a realistic synthetic folder of every export of the data contract "
        "(CSV, UTF-8, ',', ISO dates). Kirjoittaa synteettisen aineiston kaikista tiedostoista.",
    )
    p.add_argument("--out", type=Path, required=True, help="folder to write (created if missing)")
    p.add_argument(
        "--clients",
        type=_positive,
        default=REAL_SIZE,
        help=f"clients with a job search on in a year (default {REAL_SIZE}, the area's real "
        "size; 600000 = national scale): half already searching at --from, half entering per "
        "365 days; a one-year range holds exactly N clients",
    )
    p.add_argument(
        "--seed", type=int, default=1, help="random seed (default 1); same seed, same files"
    )
    p.add_argument(
        "--from",
        dest="first",
        type=_date,
        default=DEFAULT_FROM,
        help="first day (default 2025-01-01)",
    )
    p.add_argument(
        "--to",
        dest="last",
        type=_date,
        default=None,
        help="extraction date, the last day (default: end of the last complete month)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    last = args.last or last_complete_month_end(dt.date.today())
    if last < args.first:
        p.error(f"--to {last} is before --from {args.first}")
    started = time.perf_counter()
    summary = generate(
        Options(out=args.out, clients=args.clients, seed=args.seed, first=args.first, last=last)
    )
    for name, rows in summary.rows.items():
        print(f"{name:16} {rows:>10} rows")
    seconds = time.perf_counter() - started
    print(f"{args.out}: {args.first}..{last}, {summary.chunks} chunks, {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
