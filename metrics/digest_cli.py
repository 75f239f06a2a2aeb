"""``python -m metrics digest``: the director's Monday e-mail, written to a file or sent.

Exit codes: 0 written or sent, 1 failed (no database, the mail server down or refusing; a
Finnish and English message on stderr; nothing half-sent), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from common.cli import EXIT_OK, add_db_argument, iso_date, run


def add_digest_parser(sub: Any) -> None:
    """Registers ``digest`` on the subparsers of ``python -m metrics``."""
    cmd = sub.add_parser(
        "digest",
        help="the director's Monday e-mail: write it (--out) or send it (--send)",
        description="Tavoiteseurannan viikkokatsaus johtajalle: tavoitteet, jotka eivät ole "
        "tavoitteessa tai ovat riskissä, muutokset viikossa, lautakunnan raportti liitteenä. / "
        "The director's weekly summary: targets off and at risk, what changed in a week, the "
        "board report attached. SMTP settings come from KPI_SMTP_* (never the command line). "
        "Exit 0 written or sent, 1 failed, 2 bad usage.",
    )
    add_db_argument(cmd)
    cmd.add_argument("--as-of", dest="as_of", type=iso_date, default=None, metavar="D",
                     help="the data's as-of date (default: recorded at load)")  # fmt: skip
    cmd.add_argument("--out", type=Path, default=None, metavar="FILE.html",
                     help="write the mail's HTML to this file")  # fmt: skip
    cmd.add_argument("--send", action="store_true",
                     help="send the mail over SMTP (KPI_SMTP_HOST, …)")  # fmt: skip
    cmd.add_argument("--to", dest="recipients", nargs="+", action="extend", metavar="ADDR",
                     help="recipients (default: KPI_DIGEST_TO)")  # fmt: skip
    cmd.add_argument("--lang", choices=("fi", "en"), default="fi",
                     help="language of the mail (default fi)")  # fmt: skip


def run_digest(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.out is None and not args.send:
        parser.error("anna --out FILE.html tai --send / give --out FILE.html or --send")
    if args.recipients and not args.send:
        parser.error("--to koskee vain --send-valintaa / --to applies to --send only")
    from metrics.digest import DigestError, write_or_send

    def action() -> int:
        print(write_or_send(args.db, args.as_of, args.out, args.send, args.recipients, args.lang),
              file=sys.stderr)  # fmt: skip
        return EXIT_OK

    return run(action, {DigestError: lambda exc: f"Virhe / Error: {exc}"})
