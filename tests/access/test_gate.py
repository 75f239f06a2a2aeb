"""The gate in a running app (AppTest): local mode, signed out, each role, no role, a
refused URL, a refused capability, the allow-list. The same app is driven in a real browser
against a real identity provider in tests/oidc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from access import texts
from access.gate import is_local_address, is_local_request
from common.settings import get_settings

APP = str(Path(__file__).resolve().parents[1] / "oidc" / "signin_app.py")
AUTH = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "a-test-secret-of-enough-length",
        "client_id": "kpi",
        "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
    }
}


@pytest.fixture(autouse=True)
def roles_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "roles.toml"
    monkeypatch.setenv("KPI_ROLES_FILE", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def run(
    user: dict[str, Any] | None = None,
    url: str | None = None,
    query: dict[str, str] | None = None,
) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if user is not None:
        at.secrets = AUTH
        at.user = user
    if url:
        at.context = {"url": url}
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def texts_of(at: AppTest) -> str:
    parts = (
        [m.value for m in at.markdown] + [e.value for e in at.error] + [w.value for w in at.warning]
    )
    parts += [i.value for i in at.info] + [b.label for b in at.button]
    return "\n".join(str(p) for p in parts)


def signed_in(**claims: Any) -> dict[str, Any]:
    return {"is_logged_in": True, "sub": "x1", "name": "Test", **claims}


def test_local_mode_has_full_rights_and_a_banner() -> None:
    at = run()
    assert not at.exception
    text = texts_of(at)
    assert "Paikallinen tila" in text and "Local mode" in text
    assert "page=yleiskuva role=analyytikko suppress=False" in text
    assert len(at.get("download_button")) == 1


def test_signed_out_sees_only_the_sign_in_button() -> None:
    at = run(user={"is_logged_in": False})
    assert not at.exception
    assert [b.label for b in at.button] == [texts.SIGN_IN]
    assert "page=" not in texts_of(at)


@pytest.mark.parametrize(
    ("roles", "line", "downloads"),
    [
        (["analyytikko"], "role=analyytikko suppress=False", 1),
        (["johto"], "role=johto suppress=False", 1),
        (["lautakunta"], "role=lautakunta suppress=True", 0),
    ],
)
def test_each_role_sees_its_own(roles: list[str], line: str, downloads: int) -> None:
    at = run(user=signed_in(email="a@kunta.fi", roles=roles))
    assert not at.exception
    text = texts_of(at)
    assert f"page=yleiskuva {line}" in text
    assert len(at.get("download_button")) == downloads
    assert ("caseworker table" in text) == (roles != ["lautakunta"])
    assert texts.SIGN_OUT in text


def test_signed_in_without_role_gets_a_polite_refusal_and_nothing_else() -> None:
    at = run(user=signed_in(email="nobody@kunta.fi", roles=["Reader"]))
    assert not at.exception
    text = texts_of(at)
    assert "ei ole vielä käyttöoikeutta" in text and "do not have access" in text
    assert "nobody@kunta.fi" in text
    assert "page=" not in text
    assert [b.label for b in at.button] == [texts.SIGN_OUT]


@pytest.mark.parametrize("path", ["palveluprosessi", "resurssit", "aineisto"])
def test_board_is_refused_a_hidden_page_by_url(path: str) -> None:
    at = run(user=signed_in(roles=["lautakunta"]), url=f"http://localhost:8501/{path}")
    text = texts_of(at)
    assert f"The page <b>{path}</b> is not available to your role" in text
    assert "page=" not in text
    # The same URL is fine for the director.
    at = run(user=signed_in(roles=["johto"]), url=f"http://localhost:8501/{path}")
    assert "not available" not in texts_of(at)


def test_capability_reached_by_url_is_refused() -> None:
    at = run(user=signed_in(roles=["lautakunta"]), query={"vienti": "raw"})
    assert texts.NOT_ALLOWED in texts_of(at)
    assert "raw export" not in texts_of(at)
    at = run(user=signed_in(roles=["johto"]), query={"vienti": "raw"})
    assert "raw export" in texts_of(at)


def test_allow_list_gives_a_role_when_the_token_has_none(roles_file: Path) -> None:
    roles_file.write_text('[users]\n"Maija@kunta.fi" = "lautakunta"\n', encoding="utf-8")
    at = run(user=signed_in(email="maija@KUNTA.fi"))
    assert "role=lautakunta suppress=True" in texts_of(at)


def test_broken_allow_list_stops_with_the_fix(roles_file: Path) -> None:
    roles_file.write_text('[users]\n"maija@kunta.fi" = "pomo"\n', encoding="utf-8")
    at = run(user=signed_in(email="maija@kunta.fi"))
    text = texts_of(at)
    assert "pomo" in text and "unknown role" in text
    assert "page=" not in text


@pytest.mark.parametrize(
    ("ip", "local"),
    [(None, True), ("127.0.0.1", True), ("::1", True), ("10.1.2.3", False), ("x", False)],
)
def test_local_mode_serves_only_this_machine(ip: str | None, local: bool) -> None:
    assert is_local_address(ip) is local


@pytest.mark.parametrize(
    ("ip", "forwarded", "local"),
    [
        (None, None, True),
        (None, "127.0.0.1", True),
        (None, "203.0.113.9", False),  # a reverse proxy on this machine forwards a stranger
        (None, "127.0.0.1, 10.0.0.5", False),
        ("10.0.0.5", None, False),
    ],
)
def test_local_mode_refuses_what_a_proxy_forwards(
    ip: str | None, forwarded: str | None, local: bool
) -> None:
    assert is_local_request(ip, forwarded) is local


def test_a_run_reads_the_access_the_gate_settled_and_the_next_run_settles_it_again() -> None:
    """Pages read the access the gate settled at the top of the run (kept for the run:
    access.gate._RUN_ACCESS); the next run of the same session settles it anew, so a role
    taken away between two clicks is gone on the second, never served from the first."""
    at = run(user=signed_in(email="a@kunta.fi", roles=["analyytikko"]))
    assert "role=analyytikko suppress=False" in texts_of(at)
    assert len(at.get("download_button")) == 1
    at.user = signed_in(email="a@kunta.fi", roles=["lautakunta"])
    at.run()
    assert not at.exception
    assert "role=lautakunta suppress=True" in texts_of(at)
    assert len(at.get("download_button")) == 0
