"""The running app's access control: who is here, with which role, and what they may open.

``gate()`` is called once at the top of ``app.py``. Without an ``[auth]`` section in
``secrets.toml`` the app is in local mode: one person on their own machine, full
(analyytikko) rights, a banner saying so, and connections from other machines refused.
With ``[auth]``, a visitor signs in with ``st.login`` (OpenID Connect), gets a role from
``access.roles`` or a polite refusal, and sees only the pages and downloads of that role.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, TypeVar
from urllib.parse import urlparse

import streamlit as st

from access import texts
from access.roles import (
    Capability,
    PageKind,
    Role,
    RolesFileError,
    allowed_pages,
    can,
    load_allow_list,
    resolve_role,
    suppress_small_numbers,
    user_email,
)
from common.settings import get_settings


@dataclass(frozen=True)
class Access:
    mode: Literal["local", "oidc"]
    user: str | None  # e-mail (or subject) of the signed-in user; None in local mode
    name: str | None
    role: Role | None
    signed_in: bool

    def can(self, capability: Capability | str) -> bool:
        if self.mode == "local" and capability == Capability.WRITE_NOTES:
            return True  # one person on their own machine: the director preparing the minutes
        return can(self.role, capability)

    @property
    def suppress_small_numbers(self) -> bool:
        return suppress_small_numbers(self.role)

    @property
    def pages(self) -> frozenset[PageKind]:
        return allowed_pages(self.role)


def auth_configured() -> bool:
    """True when ``secrets.toml`` has an ``[auth]`` section (sign-in on), else local mode."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


@st.cache_data(show_spinner=False)
def _allow_list(path: str, mtime_ns: int) -> dict[str, Role]:
    return load_allow_list(Path(path))


def allow_list() -> dict[str, Role]:
    path = get_settings().roles_file
    if not path.is_file():
        return {}
    return _allow_list(str(path), path.stat().st_mtime_ns)


# The access gate() settled at the top of this run, kept in the session for the rest of it:
# a page asks a dozen times (every download menu does), and reading the secrets and the
# signed-in user each time was a few per cent of a page's server time (docs/scaling.md).
_RUN_ACCESS = "_access_settled_this_run"


def current_access() -> Access:
    """The visitor's access: the one ``gate()`` settled at the top of this run (it runs first
    in every run of app.py), or computed now outside such a run."""
    try:
        kept = st.session_state.get(_RUN_ACCESS)
    except Exception:  # no session: a bare call outside Streamlit
        kept = None
    return kept if isinstance(kept, Access) else settle_access()


def settle_access() -> Access:
    """The visitor's access computed from the secrets, the signed-in user and the roles."""
    if not auth_configured():
        return Access(mode="local", user=None, name=None, role=Role.ANALYYTIKKO, signed_in=False)
    if not st.user.is_logged_in:
        return Access(mode="oidc", user=None, name=None, role=None, signed_in=False)
    claims = st.user.to_dict()
    name = claims.get("name")
    user = user_email(claims) or str(claims.get("sub", ""))
    return Access(
        mode="oidc",
        user=user,
        name=name if isinstance(name, str) else None,
        role=resolve_role(claims, allow_list()),
        signed_in=True,
    )


def is_local_address(ip: object) -> bool:
    """Streamlit reports no IP for a localhost connection; a loopback address is local too.

    Only a string is a client's address: AppTest has no client (its stand-in is no string).
    """
    if not isinstance(ip, str):
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def is_local_request(ip: object, forwarded_for: object) -> bool:
    """The connection is from this machine, and so is any client a proxy forwards for.

    Local mode behind a reverse proxy would otherwise serve everyone the proxy serves,
    since the proxy itself connects from localhost.
    """
    text = forwarded_for if isinstance(forwarded_for, str) else ""  # AppTest: no real headers
    forwarded = [part.strip() for part in text.split(",") if part.strip()]
    return is_local_address(ip) and all(is_local_address(hop) for hop in forwarded)


def _stop(message: str) -> None:
    st.error(message, icon=":material/block:")
    st.stop()


def gate(kinds: Mapping[str, PageKind] | None = None, *, banner: bool = True) -> Access:
    """Let the visitor in or stop the script; returns the visitor's access when let in.

    ``kinds`` maps each navigation page's ``url_path`` to its kind: a URL of a page the role
    may not open is refused here, before ``st.navigation`` would quietly fall back to the
    start page.
    """
    st.session_state.pop(_RUN_ACCESS, None)  # never a previous run's
    try:
        access = settle_access()
    except RolesFileError as exc:
        _stop(texts.ROLES_FILE_BROKEN.format(error=exc))
        raise  # unreachable: st.stop() raises
    if access.mode == "local":
        headers = st.context.headers
        forwarded_for = headers.get("X-Forwarded-For") if headers is not None else None
        if not is_local_request(st.context.ip_address, forwarded_for):
            _stop(texts.LOCAL_ONLY)
        if banner:
            local_mode_banner()
    elif not access.signed_in:
        sign_in_screen()
    elif access.role is None:
        no_role_screen(access)
    refuse_hidden_url(kinds or {}, access)
    st.session_state[_RUN_ACCESS] = access  # let in: the rest of this run reads it
    return access


def local_mode_banner() -> None:
    st.info(texts.LOCAL_BANNER, icon=":material/computer:")


def sign_in_screen() -> None:
    st.title(texts.APP_TITLE)
    st.write(texts.SIGN_IN_PROMPT)
    if st.button(texts.SIGN_IN, type="primary", key="access_sign_in"):
        st.login()
    st.stop()


def no_role_screen(access: Access) -> None:
    st.title(texts.APP_TITLE)
    st.warning(texts.NO_ROLE.format(user=access.user or "?"), icon=":material/lock:")
    if st.button(texts.SIGN_OUT, key="access_sign_out_norole"):
        st.logout()
    st.stop()


def account_sidebar(access: Access) -> None:
    """Who is signed in, with which role, and the sign-out button (nothing in local mode)."""
    if access.mode != "oidc" or access.role is None:
        return
    fi, en = texts.role_title(access.role)
    st.sidebar.caption(f"{access.name or access.user} · {fi} / {en}")
    if st.sidebar.button(texts.SIGN_OUT, key="access_sign_out"):
        st.logout()


class _HasUrlPath(Protocol):
    @property
    def url_path(self) -> str: ...


PageT = TypeVar("PageT", bound=_HasUrlPath)


def visible_sections(
    sections: Mapping[str, Sequence[PageT]], kinds: Mapping[str, PageKind], access: Access
) -> dict[str, list[PageT]]:
    """``st.navigation``'s sections with only the role's pages; empty sections dropped.

    A page whose ``url_path`` has no kind is an error (KeyError): every page is classified.
    Streamlit gives the default page the ``url_path`` "", so ``kinds`` needs that key too.
    """
    shown = {
        title: [page for page in pages if kinds[page.url_path] in access.pages]
        for title, pages in sections.items()
    }
    return {title: pages for title, pages in shown.items() if pages}


def requested_path() -> str:
    """The last segment of the page's URL path ("" at the app's root)."""
    url = st.context.url or ""
    return urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]


def refuse_hidden_url(kinds: Mapping[str, PageKind], access: Access) -> None:
    path = requested_path()
    kind = kinds.get(path)
    if kind is not None and kind not in access.pages:
        st.title(texts.APP_TITLE)
        # ``path`` is one of the app's own url_paths (a key of ``kinds``), never raw input.
        st.markdown(texts.PAGE_REFUSED.format(page=path), unsafe_allow_html=True)
        _stop(texts.NOT_ALLOWED)


def require(capability: Capability | str) -> Access:
    """Refuse (message and ``st.stop()``) unless the visitor's role has ``capability``."""
    access = current_access()
    if not access.can(capability):
        _stop(texts.NOT_ALLOWED)
    return access
