"""``python -m metrics digest --send`` against a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from common.settings import get_settings
from metrics.privacy import SUPPRESSED
from metrics.registry import get
from tests.metrics.digest_helpers import area_table, html_rows, load_sample, norm, run, use_env
from tests.metrics.smtp_server import PASSWORD, USER, Inbox, free_port, smtp_server, tls_files
from ui.formatting import fmt_value

TO = ("johtaja@example-kunta.fi", "analyytikko@example-kunta.fi")


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_sample(tmp_path_factory.mktemp("digest_mail"))


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return tls_files(tmp_path_factory.mktemp("tls"))


def _settings(monkeypatch: pytest.MonkeyPatch, port: int, tls: tuple[Path, Path] | None,
              password: str = PASSWORD, starttls: bool = True) -> None:  # fmt: skip
    use_env(
        monkeypatch,
        smtp_host="127.0.0.1",
        smtp_port=str(port),
        smtp_starttls="true" if starttls else "false",
        smtp_user=USER,
        smtp_password=password,
        smtp_timeout_s="10",
        digest_from="kpi@example-kunta.fi",
        digest_to='["' + '", "'.join(TO) + '"]',
        dashboard_url="https://kpi.example-kunta.fi/",
        **({"smtp_ca_file": str(tls[0])} if tls else {}),
    )


def _send(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    db: Path,
    tls: tuple[Path, Path] | None,
    password: str = PASSWORD,
) -> tuple[int, str, Inbox]:
    """``digest --send`` to a local server (STARTTLS when ``tls``): exit code, stderr, inbox."""
    with smtp_server(tls) as inbox:
        _settings(monkeypatch, inbox.port, tls, password=password)
        code, err = run(capsys, "--db", str(db), "--send")
    return code, err, inbox


def test_delivered_over_starttls_with_auth(
    sample_db: Path,
    tls: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err, inbox = _send(monkeypatch, capsys, sample_db, tls)
    assert code == 0, err
    assert "sent: johtaja@example-kunta.fi, analyytikko@example-kunta.fi" in err
    assert inbox.logins == [(USER.encode(), PASSWORD.encode())]
    (envelope,) = inbox.messages
    assert envelope.mail_from == "kpi@example-kunta.fi" and envelope.rcpt_tos == list(TO)
    msg = message_from_bytes(envelope.original_content or b"", policy=policy.default)
    assert isinstance(msg, EmailMessage)
    table = area_table(sample_db)
    off = sum(1 for s in table["status"] if s == "off")
    risk = sum(1 for s in table["status"] if s == "risk")
    assert msg["Subject"] == f"Tavoiteseuranta 31.10.2026: {off} ei tavoitteessa, {risk} riskissä"
    html_part = msg.get_body(preferencelist=("html",))
    text_part = msg.get_body(preferencelist=("plain",))
    assert html_part is not None and text_part is not None
    html = html_part.get_content()
    shown = html_rows(html, "all")
    for row in table.iter_rows(named=True):
        unit = get(row["metric_id"]).unit
        expected = "<5" if row[SUPPRESSED] else fmt_value(row["value"], unit, "fi")
        assert shown[row["metric_id"]][1] == norm(expected)
        assert norm(expected) in norm(text_part.get_content())
    assert "Liitteenä lautakunnan raportti" in html
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "lautakuntaraportti_2026-01-01_2026-10-31.html"
    report = attachment.get_content()
    report = report.decode() if isinstance(report, bytes) else report
    assert "Tavoiteseuranta: lautakunnan raportti" in report and "1.1.–31.10.2026" in report
    assert "https://" not in report.split("<script")[0]  # nothing fetched from other hosts


def test_refused_login_sends_nothing(
    sample_db: Path,
    tls: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err, inbox = _send(monkeypatch, capsys, sample_db, tls, password="väärä")
    assert code == 1 and inbox.messages == [] and len(inbox.logins) == 1
    assert "The mail server refused the login as kpi-digest; nothing was sent." in err
    assert "Postipalvelin hylkäsi kirjautumisen" in err and "väärä" not in err


def test_starttls_required_but_not_offered(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err, inbox = _send(monkeypatch, capsys, sample_db, None)
    assert code == 1 and inbox.messages == []
    assert inbox.logins == []  # the password never went over the plain connection
    assert "does not offer STARTTLS, which the settings require" in err
    assert "ei tarjoa STARTTLS-salausta" in err


def test_server_down(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    _settings(monkeypatch, port, None)
    code, err = run(capsys, "--db", str(sample_db), "--send")
    assert code == 1
    assert f"Cannot connect to the mail server 127.0.0.1:{port} (ConnectionRefusedError)" in err
    assert "Postipalvelimeen" in err and "Traceback" not in err


def test_a_refused_recipient_means_nobody_gets_it(
    sample_db: Path,
    tls: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with smtp_server(tls) as inbox:
        inbox.refuse = {"poissa@example-kunta.fi"}
        _settings(monkeypatch, inbox.port, tls)
        code, err = run(capsys, "--db", str(sample_db), "--send", "--to",
                        "johtaja@example-kunta.fi", "poissa@example-kunta.fi")  # fmt: skip
    assert code == 1 and inbox.messages == []
    assert "poissa@example-kunta.fi (550" in err and "sent to nobody" in err


def test_without_recipients(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_env(monkeypatch, digest_to="[]")
    code, err = run(capsys, "--db", str(sample_db), "--send")
    assert code == 1 and "No recipients: give --to ADDR or set KPI_DIGEST_TO" in err


def test_the_password_is_no_option(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(capsys, "--db", str(sample_db), "--send", "--password", "x")
    assert exc.value.code == 2


def test_a_non_ascii_password_goes_as_utf8_auth_plain(
    sample_db: Path,
    tls: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """smtplib's login encodes the password as ASCII (a UnicodeEncodeError for 'ä'): the
    mail now logs in with AUTH PLAIN in UTF-8; the server sees the password's UTF-8 bytes."""
    code, err, inbox = _send(monkeypatch, capsys, sample_db, tls, password="sähköposti-äö")
    assert inbox.logins == [(USER.encode(), "sähköposti-äö".encode())]
    assert code == 1 and "UnicodeEncodeError" not in err and "sähköposti-äö" not in err
    assert "refused the login" in err and inbox.messages == []


def test_every_line_sent_ends_in_crlf_and_is_short(
    sample_db: Path,
    tls: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """RFC 5321: lines end in CRLF and hold at most 998 characters (the mail was one long
    bare-LF line to the server, refused with '500 Line too long')."""
    import smtplib

    sent: list[bytes] = []
    original = smtplib.SMTP.data

    def recording(self: smtplib.SMTP, msg: bytes) -> tuple[int, bytes]:
        sent.append(msg)
        return original(self, msg)

    monkeypatch.setattr(smtplib.SMTP, "data", recording)
    code, err, _inbox = _send(monkeypatch, capsys, sample_db, tls)
    assert code == 0, err
    (raw,) = sent
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
