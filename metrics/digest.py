"""The director's Monday e-mail (``python -m metrics digest``): build, write, send.

metrics.digest_data computes what the mail says from the KPI table, metrics.digest_html and
metrics.digest_plain write it, metrics.digest_attachment builds the board report it carries,
metrics.digest_mail sends it. docs/production.md "The Monday e-mail".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import duckdb

from common.settings import Settings, get_settings
from metrics.digest_data import Digest, build_digest
from metrics.digest_html import render_html, subject
from metrics.digest_mail import DigestError, build_message, send
from metrics.digest_plain import render_text
from metrics.digest_text import Lang
from metrics.sql_context import MetricsError

__all__ = ["DigestError", "write_or_send"]


def _connect(db: Path) -> duckdb.DuckDBPyConnection:
    load_fi = f"Lataa aineisto: python -m pipelines load KANSIO --db {db}"
    load_en = f"Load the data: python -m pipelines load DIR --db {db}"
    if not db.is_file():
        raise DigestError(f"Tietokantaa ei ole: {db}. {load_fi} / There is no database: {db}. "
                          f"{load_en}")  # fmt: skip
    try:
        con = duckdb.connect(str(db), read_only=True)
        con.execute("SELECT as_of FROM meta_load").fetchall()
    except duckdb.Error as exc:
        raise DigestError(
            f"Tietokanta on rikki tai keskeneräinen: {db}. {load_fi} / The database is broken "
            f"or incomplete: {db}. {load_en}"
        ) from exc
    return con


def _compute(con: duckdb.DuckDBPyConnection, as_of: date | None) -> Digest:
    try:
        return build_digest(con, as_of)
    except (MetricsError, duckdb.Error) as exc:
        raise DigestError(
            f"Mittareita ei voi laskea / the metrics cannot be computed: {exc}"
        ) from exc


def write_or_send(
    db: Path | None,
    as_of: date | None,
    out: Path | None,
    do_send: bool,
    recipients: Sequence[str] | None,
    lang: Lang,
    settings: Settings | None = None,
) -> str:
    """Writes the mail's HTML to ``out`` and/or sends it; returns what was done, for stderr."""
    s = settings or get_settings()
    to = list(recipients or s.digest_to)
    if do_send and not to:
        raise DigestError(
            "Vastaanottajia ei ole: anna --to OSOITE tai aseta KPI_DIGEST_TO. / "
            "No recipients: give --to ADDR or set KPI_DIGEST_TO."
        )
    con = _connect(db if db is not None else s.db)
    try:
        d = _compute(con, as_of)
        html = render_html(d, lang, s.dashboard_url, attached=do_send)
        done: list[str] = []
        if out is not None:
            try:
                out.write_text(html, encoding="utf-8")
            except OSError as exc:
                raise DigestError(
                    f"Tiedostoa ei voi kirjoittaa / cannot write the file: {exc}"
                ) from exc
            done.append(f"kirjoitettu / written: {out}")
        if do_send:
            from metrics.digest_attachment import attachment_name, board_report_html

            report = (attachment_name(d), board_report_html(d, lang))
            text = render_text(d, lang, s.dashboard_url, attached=True)
            msg = build_message(subject(d, lang), s.digest_from, to, text, html, report)
            send(msg, s, to)
            done.append(f"lähetetty / sent: {', '.join(to)}")
    finally:
        con.close()
    return "; ".join(done)
