"""``python -m metrics digest --send`` against a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from common.settings import get_settings
from tests.metrics.digest_helpers import load_sample, run, use_env
from tests.metrics.smtp_server import PASSWORD, USER, free_port, smtp_server, tls_files

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


def test_starttls_required_but_not_offered(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with smtp_server(None) as inbox:
        _settings(monkeypatch, inbox.port, None)
        code, err = run(capsys, "--db", str(sample_db), "--send")
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
