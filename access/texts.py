"""What the access screens say, in Finnish first and English after (both at once: a person
who is not let in has no language switch to reach)."""

from __future__ import annotations

from access.roles import ROLE_TITLES, Role

APP_TITLE = "Pohjois-Karjalan työllisyysalue · KPI"

SIGN_IN = "Kirjaudu sisään / Sign in"
SIGN_OUT = "Kirjaudu ulos / Sign out"

SIGN_IN_PROMPT = (
    "Kirjaudu sisään organisaatiosi tunnuksilla nähdäksesi tavoitteiden seurannan.  \n"
    "Sign in with your organisation's account to see the targets dashboard."
)

NO_ROLE = (
    "**Sinulla ei ole vielä käyttöoikeutta tähän palveluun** ({user}). Jos tarvitset "
    "pääsyn, pyydä pääkäyttäjää liittämään tunnukseesi rooli johto, analyytikko tai "
    "lautakunta.  \n"
    "**You do not have access to this service yet** ({user}). If you need it, ask the "
    "administrator to give your account the role johto, analyytikko or lautakunta."
)

NOT_ALLOWED = "Tämä ei kuulu roolisi käyttöoikeuksiin.  \nThis is not available to your role."

# HTML so that the link opens in the same tab (Markdown links open a new one).
PAGE_REFUSED = (
    "Sivu <b>{page}</b> ei ole käytettävissä roolillasi. "
    '<a href="./" target="_self">Yleiskuvaan</a> · '
    "The page <b>{page}</b> is not available to your role. "
    '<a href="./" target="_self">To the overview</a>'
)

LOCAL_BANNER = (
    "**Paikallinen tila** – ei kirjautumista, vain tällä koneella, täydet oikeudet · "
    "**Local mode** – no sign-in, this machine only, full rights"
)

LOCAL_ONLY = (
    "Paikallinen tila ilman kirjautumista toimii vain samalla koneella (localhost). "
    "Tuotantokäytössä ota kirjautuminen käyttöön ([auth] secrets.toml-tiedostossa).  \n"
    "Local mode without sign-in only serves this machine (localhost). For production, "
    "configure sign-in ([auth] in secrets.toml)."
)

ROLES_FILE_BROKEN = (
    "Roolitiedostoa ei voi käyttää; pääkäyttäjän on korjattava se. / The roles file "
    "cannot be used; the administrator must fix it.\n\n{error}"
)


def role_title(role: Role) -> tuple[str, str]:
    """The role's (Finnish, English) title."""
    return ROLE_TITLES[role]
