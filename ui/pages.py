"""The page list shared by app.py and the tests: one page per goal of the service plan."""

from __future__ import annotations

from access.roles import PageKind

# (file in app_pages/, URL path, short title key in ui.i18n, icon); the goal key is the
# file name's suffix.
GOAL_KEYS: tuple[str, ...] = (
    "lahipalvelut",
    "maahanmuuttajat",
    "kohtaanto",
    "ekosysteemi",
    "koulutukset",
    "palvelupisteet",
)
_ICONS = {
    "lahipalvelut": ":material/handshake:",
    "maahanmuuttajat": ":material/diversity_3:",
    "kohtaanto": ":material/work:",
    "ekosysteemi": ":material/hub:",
    "koulutukset": ":material/school:",
    "palvelupisteet": ":material/storefront:",
}
GOAL_PAGES: tuple[tuple[str, str, str, str], ...] = tuple(
    (f"goal_{key}.py", key, f"goal_short_{key}", _ICONS[key]) for key in GOAL_KEYS
)

# url_path -> kind of page, for access.gate (the default page's url_path is "").
PAGE_KINDS: dict[str, PageKind] = {
    "": PageKind.OVERVIEW,
    "yleiskuva": PageKind.OVERVIEW,
    **{key: PageKind.GOAL for key in GOAL_KEYS},
    "palveluprosessi": PageKind.SERVICE_PROCESS,
    "resurssit": PageKind.RESOURCES,
    "aineisto": PageKind.DATA,
}
