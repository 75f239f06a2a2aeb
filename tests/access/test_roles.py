"""The permission matrix and how a signed-in user gets a role."""

from __future__ import annotations

from pathlib import Path

import pytest

from access.roles import (
    Capability,
    PageKind,
    Role,
    RolesFileError,
    allowed_pages,
    can,
    load_allow_list,
    resolve_role,
    roles_from_claims,
    suppress_small_numbers,
    user_email,
)

# The matrix of issue 5, written out by hand: role -> (pages, capabilities).
EXPECTED = {
    Role.ANALYYTIKKO: (set(PageKind), set(Capability) - {Capability.WRITE_NOTES}),
    Role.JOHTO: (set(PageKind), set(Capability) - {Capability.UPLOAD}),
    Role.LAUTAKUNTA: (
        # the Finances page (2026-12): the board decides the budget and approves the bills
        {PageKind.OVERVIEW, PageKind.GOAL, PageKind.PRESENTATION, PageKind.FINANCES},
        {Capability.BOARD_REPORT, Capability.PRESENTATION},
    ),
}


@pytest.mark.parametrize("role", list(Role))
def test_matrix_matches_the_issue(role: Role) -> None:
    pages, capabilities = EXPECTED[role]
    assert set(allowed_pages(role)) == pages
    assert {c for c in Capability if can(role, c)} == capabilities


def test_board_never_sees_raw_numbers_or_caseworkers_or_exports() -> None:
    assert suppress_small_numbers(Role.LAUTAKUNTA)
    assert not suppress_small_numbers(Role.JOHTO)
    assert not suppress_small_numbers(Role.ANALYYTIKKO)
    for capability in ("export_data", "caseworker_tables", "upload", "unsuppressed"):
        assert not can(Role.LAUTAKUNTA, capability)


def test_no_role_may_do_nothing() -> None:
    assert allowed_pages(None) == frozenset()
    assert not any(can(None, c) for c in Capability)
    assert suppress_small_numbers(None)


def test_unknown_capability_is_an_error_not_a_silent_no() -> None:
    with pytest.raises(ValueError):
        can(Role.ANALYYTIKKO, "delete_everything")


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (["lautakunta"], Role.LAUTAKUNTA),
        (["lautakunta", "johto"], Role.JOHTO),  # the widest role wins
        (["Analyytikko", "lautakunta"], Role.ANALYYTIKKO),
        ("johto", Role.JOHTO),
        (["Admin", "Reader"], None),
        ([], None),
        (None, None),
        (42, None),
    ],
)
def test_roles_claim(claim: object, expected: Role | None) -> None:
    claims = {"sub": "x"} if claim is None else {"sub": "x", "roles": claim}
    assert roles_from_claims(claims) == expected


def test_email_falls_back_to_entra_preferred_username() -> None:
    assert user_email({"email": " Maija@Kunta.FI "}) == "maija@kunta.fi"
    assert user_email({"preferred_username": "Pekka@kunta.fi"}) == "pekka@kunta.fi"
    assert user_email({"preferred_username": "not-an-email", "sub": "1"}) is None


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roles.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_allow_list_maps_emails_case_insensitively(tmp_path: Path) -> None:
    path = write(tmp_path, '[users]\n"Maija@Kunta.fi" = "johto"\n"b@kunta.fi" = "lautakunta"\n')
    allow = load_allow_list(path)
    assert allow == {"maija@kunta.fi": Role.JOHTO, "b@kunta.fi": Role.LAUTAKUNTA}
    assert resolve_role({"email": "MAIJA@kunta.fi"}, allow) == Role.JOHTO
    assert resolve_role({"email": "stranger@kunta.fi"}, allow) is None


def test_claim_comes_before_allow_list(tmp_path: Path) -> None:
    allow = {"maija@kunta.fi": Role.LAUTAKUNTA}
    claims = {"email": "maija@kunta.fi", "roles": ["analyytikko"]}
    assert resolve_role(claims, allow) == Role.ANALYYTIKKO
    # An unknown claim value does not block the allow-list.
    assert resolve_role({**claims, "roles": ["Admin"]}, allow) == Role.LAUTAKUNTA


def test_missing_allow_list_is_empty(tmp_path: Path) -> None:
    assert load_allow_list(tmp_path / "nope.toml") == {}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[users]\n"a@kunta.fi" = "admin"\n', ["a@kunta.fi", "admin", "tuntematon", "unknown"]),
        ('[users]\n"a@kunta.fi" = \n', ["TOML"]),
        ('users = "x"\n', ["[users]"]),
    ],
)
def test_broken_allow_list_says_what_to_fix(tmp_path: Path, text: str, words: list[str]) -> None:
    with pytest.raises(RolesFileError) as err:
        load_allow_list(write(tmp_path, text))
    for word in words:
        assert word in str(err.value)
