"""Roles and what each may use: the permission matrix as data, and how a user gets a role.

Three roles (issue 5):

- ``johto`` (director, managers): every page and download, no upload.
- ``analyytikko`` (analysts): everything, including the upload and exports without the
  small-number rule.
- ``lautakunta`` (the board): the overview, the goal pages, the Finances page and
  presentation mode; the
  small-number rule always on; no data exports (the board report only); no
  caseworker-level tables.

A signed-in user's role comes from the ID token's ``roles`` claim (Entra ID app roles) or,
failing that, from an allow-list file mapping e-mail addresses to roles (``roles_file``
in the settings, ``KPI_ROLES_FILE``). A user who holds several roles gets the widest one.
This module has no Streamlit in it; ``access.gate`` applies it to the running app.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path


class Role(StrEnum):
    JOHTO = "johto"
    ANALYYTIKKO = "analyytikko"
    LAUTAKUNTA = "lautakunta"


class PageKind(StrEnum):
    """The dashboard's kinds of page; the app tells which of its pages is which kind."""

    OVERVIEW = "overview"
    GOAL = "goal"  # one page per goal or metric family
    PRESENTATION = "presentation"
    SERVICE_PROCESS = "service_process"
    RESOURCES = "resources"
    DATA = "data"
    MEETING = "meeting"  # the weekly management meeting's screen (director, analysts)
    FINANCES = "finances"  # Talous: costs, budget use, the municipalities' bills


class Capability(StrEnum):
    """Things inside pages that not every role may use."""

    UPLOAD = "upload"  # load a new export folder on the Data page
    EXPORT_DATA = "export_data"  # CSV/XLSX downloads of tables, charts and the KPI table
    BOARD_REPORT = "board_report"  # the period's HTML board report
    CASEWORKER_TABLES = "caseworker_tables"  # tables by (pseudonymous) caseworker id
    UNSUPPRESSED = "unsuppressed"  # see counts below the small-number threshold
    PRESENTATION = "presentation"  # presentation mode
    WRITE_NOTES = "write_notes"  # the director's "Selitys ja toimenpiteet" per goal and period


# Widest role first: a user holding several roles gets the first one listed here.
ROLE_ORDER: tuple[Role, ...] = (Role.ANALYYTIKKO, Role.JOHTO, Role.LAUTAKUNTA)

ALL_PAGES = frozenset(PageKind)
# The board decides the budget and approves the municipalities' bills: it sees the Finances
# page (its person-related cells under the small-number rule, docs/privacy.md "Costs").
BOARD_PAGES = frozenset(
    {PageKind.OVERVIEW, PageKind.GOAL, PageKind.PRESENTATION, PageKind.FINANCES}
)

PAGES: Mapping[Role, frozenset[PageKind]] = {
    Role.ANALYYTIKKO: ALL_PAGES,
    Role.JOHTO: ALL_PAGES,
    Role.LAUTAKUNTA: BOARD_PAGES,
}

CAPABILITIES: Mapping[Role, frozenset[Capability]] = {
    Role.ANALYYTIKKO: frozenset(Capability) - {Capability.WRITE_NOTES},
    Role.JOHTO: frozenset(Capability) - {Capability.UPLOAD},
    Role.LAUTAKUNTA: frozenset({Capability.BOARD_REPORT, Capability.PRESENTATION}),
}

ROLE_TITLES: Mapping[Role, tuple[str, str]] = {
    Role.JOHTO: ("Johto", "Management"),
    Role.ANALYYTIKKO: ("Analyytikko", "Analyst"),
    Role.LAUTAKUNTA: ("Lautakunta", "Board"),
}


class RolesFileError(Exception):
    """The allow-list file cannot be used; the message says which line to fix."""

    def __init__(self, file: Path, message_fi: str, message_en: str) -> None:
        self.file = file
        self.message_fi = message_fi
        self.message_en = message_en
        super().__init__(f"{file}\nFI: {message_fi}\nEN: {message_en}")


def allowed_pages(role: Role | None) -> frozenset[PageKind]:
    return PAGES[role] if role is not None else frozenset()


def can(role: Role | None, capability: Capability | str) -> bool:
    return role is not None and Capability(capability) in CAPABILITIES[role]


def suppress_small_numbers(role: Role | None) -> bool:
    """The small-number rule applies to everyone but those allowed to see raw counts."""
    return not can(role, Capability.UNSUPPRESSED)


def widest_role(names: Iterable[str]) -> Role | None:
    """The widest known role among ``names``; unknown names are ignored (case-insensitive)."""
    held = {name.strip().lower() for name in names}
    return next((role for role in ROLE_ORDER if role.value in held), None)


def roles_from_claims(claims: Mapping[str, object]) -> Role | None:
    """The role in the token's ``roles`` claim (a list, or one string), if any."""
    value = claims.get("roles")
    if isinstance(value, str):
        return widest_role([value])
    if isinstance(value, list | tuple):
        return widest_role(str(v) for v in value)
    return None


def user_email(claims: Mapping[str, object]) -> str | None:
    """The e-mail to match the allow-list with: ``email``, else Entra's ``preferred_username``."""
    for key in ("email", "preferred_username", "upn"):
        value = claims.get(key)
        if isinstance(value, str) and "@" in value:
            return value.strip().lower()
    return None


def load_allow_list(path: Path) -> dict[str, Role]:
    """Read ``[users]`` of a TOML allow-list: ``"name@kunta.fi" = "johto"``. None file -> {}."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RolesFileError(
            path,
            f"Roolitiedosto ei ole kelvollista TOML:ia: {exc}. Korjaa tiedosto.",
            f"The roles file is not valid TOML: {exc}. Fix the file.",
        ) from exc
    users = data.get("users", {})
    if not isinstance(users, dict):
        raise RolesFileError(
            path, "Osio [users] puuttuu tai on väärän muotoinen.", "Section [users] is malformed."
        )
    allow: dict[str, Role] = {}
    for email, role_name in users.items():
        role = widest_role([role_name]) if isinstance(role_name, str) else None
        if role is None:
            known = ", ".join(r.value for r in ROLE_ORDER)
            raise RolesFileError(
                path,
                f"Käyttäjän {email} rooli {role_name!r} on tuntematon; sallitut: {known}.",
                f"User {email} has an unknown role {role_name!r}; allowed: {known}.",
            )
        allow[email.strip().lower()] = role
    return allow


def resolve_role(claims: Mapping[str, object], allow_list: Mapping[str, Role]) -> Role | None:
    """The token's ``roles`` claim first, then the allow-list by e-mail; None: no access."""
    role = roles_from_claims(claims)
    if role is not None:
        return role
    email = user_email(claims)
    return allow_list.get(email) if email else None
