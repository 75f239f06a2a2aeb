"""The Monday e-mail as a MIME message, and its sending over SMTP (smtplib), all or nothing.

The whole message, attachment included, is built before connecting. Sending: EHLO, STARTTLS
when the settings require it (refused if the server does not offer it: the password never goes
in clear), AUTH when a user is set, then MAIL and every RCPT; if any recipient is refused the
transaction is reset before DATA, so nobody gets the mail unless everybody does. The server
accepts the message only at the end of DATA: a connection lost midway delivers nothing.
"""

from __future__ import annotations

import base64
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from common.settings import Settings


class DigestError(Exception):
    """The digest could not be written or sent (exit 1); the message is in Finnish and English."""


def build_message(
    subject: str,
    sender: str,
    recipients: Sequence[str],
    text: str,
    html: str,
    attachment: tuple[str, str] | None,
) -> EmailMessage:
    """multipart/mixed: the mail (plain text and HTML alternatives) and the attachment."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if attachment is not None:
        name, content = attachment
        # a str with its charset, base64 (short lines): opens as UTF-8 in every mail program
        msg.add_attachment(content, subtype="html", charset="utf-8", cte="base64", filename=name)
    return msg


def _tls_context(settings: Settings) -> ssl.SSLContext:
    if settings.smtp_ca_file is not None:
        return ssl.create_default_context(cafile=str(settings.smtp_ca_file))
    return ssl.create_default_context()


def _open(settings: Settings) -> smtplib.SMTP:
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    try:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                            timeout=settings.smtp_timeout_s)  # fmt: skip
    except (OSError, smtplib.SMTPException) as exc:
        raise DigestError(
            f"Postipalvelimeen {where} ei saada yhteyttä ({type(exc).__name__}); viestiä ei "
            "lähetetty. Tarkista KPI_SMTP_HOST ja KPI_SMTP_PORT tai yritä myöhemmin. / "
            f"Cannot connect to the mail server {where} ({type(exc).__name__}); nothing was "
            "sent. Check KPI_SMTP_HOST and KPI_SMTP_PORT or try again later."
        ) from exc
    return smtp


def _secure_and_log_in(smtp: smtplib.SMTP, settings: Settings) -> None:
    smtp.ehlo()
    if settings.smtp_starttls:
        if not smtp.has_extn("starttls"):
            raise DigestError(
                "Postipalvelin ei tarjoa STARTTLS-salausta, jota asetukset vaativat; viestiä ei "
                "lähetetty eikä salasanaa. Korjaa palvelin tai KPI_SMTP_HOST/PORT. / The mail "
                "server does not offer STARTTLS, which the settings require; neither the "
                "message nor the password was sent. Fix the server or KPI_SMTP_HOST/PORT."
            )
        smtp.starttls(context=_tls_context(settings))
        smtp.ehlo()
    if settings.smtp_user:
        password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
        try:
            _log_in(smtp, settings.smtp_user, password)
        except smtplib.SMTPAuthenticationError as exc:
            raise DigestError(
                f"Postipalvelin hylkäsi kirjautumisen käyttäjänä {settings.smtp_user}; viestiä "
                "ei lähetetty. Tarkista KPI_SMTP_USER ja KPI_SMTP_PASSWORD. / The mail server "
                f"refused the login as {settings.smtp_user}; nothing was sent. Check "
                "KPI_SMTP_USER and KPI_SMTP_PASSWORD."
            ) from exc


def _log_in(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login, whose mechanisms encode the user and password as ASCII; a non-ASCII
    one (ä, ö) goes as AUTH PLAIN in UTF-8 (RFC 4616), which smtplib cannot send itself."""
    if user.isascii() and password.isascii():
        smtp.login(user, password)
        return
    if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
        raise DigestError(
            "Käyttäjätunnuksessa tai salasanassa on muita kuin ASCII-merkkejä (esim. ä, ö), ja "
            "postipalvelin ei tarjoa AUTH PLAIN -kirjautumista, jolla ne voi lähettää; viestiä "
            "ei lähetetty. Vaihda salasana tai palvelin. / The user name or password holds "
            "non-ASCII characters (e.g. ä, ö) and the mail server does not offer AUTH PLAIN, "
            "which can carry them; nothing was sent. Change the password or the server."
        )
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", "PLAIN " + token)
    if code == 535:
        raise smtplib.SMTPAuthenticationError(code, reply)
    if code != 235:
        raise smtplib.SMTPException(f"AUTH PLAIN: {code} {reply.decode(errors='replace')}")


def _deliver(smtp: smtplib.SMTP, msg: EmailMessage, sender: str, to: Sequence[str]) -> None:
    code, reply = smtp.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = []
    for address in to:
        code, reply = smtp.rcpt(address)
        if code not in (250, 251):
            refused.append(f"{address} ({code} {reply.decode(errors='replace')})")
    if refused:
        smtp.rset()
        raise DigestError(
            f"Postipalvelin hylkäsi vastaanottajat {', '.join(refused)}; viestiä ei lähetetty "
            "kenellekään. / The mail server refused the recipients "
            f"{', '.join(refused)}; the message was sent to nobody."
        )
    # SMTP's lines end in CRLF; smtplib converts a str's line ends but sends bytes as they are,
    # and bare LF makes the whole message one "line too long" for a strict server.
    code, reply = smtp.data(msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)


def send(msg: EmailMessage, settings: Settings, recipients: Sequence[str]) -> None:
    """Sends ``msg`` to every recipient or to none; DigestError says why not."""
    smtp = _open(settings)
    try:
        _secure_and_log_in(smtp, settings)
        _deliver(smtp, msg, settings.digest_from, recipients)
    except DigestError:
        raise
    except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
        raise DigestError(
            f"Viestin lähetys keskeytyi ({type(exc).__name__}: {exc}); viestiä ei lähetetty. "
            f"Yritä myöhemmin uudelleen. / Sending stopped ({type(exc).__name__}: {exc}); "
            "nothing was sent. Try again later."
        ) from exc
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()
