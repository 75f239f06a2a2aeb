"""The Monday e-mail's own words in Finnish and English (the dashboard's shared words, status
names and column titles, come from ui.i18n)."""

from __future__ import annotations

from ui.i18n import Lang, lookup

__all__ = ["TEXTS", "Lang", "say"]

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Tavoiteseurannan viikkokatsaus", "Weekly KPI summary"),
    "subject": (
        "Tavoiteseuranta {date}: {off} ei tavoitteessa, {risk} riskissä",
        "KPI summary {date}: {off} off target, {risk} at risk",
    ),
    "intro": (
        "Tiedot {as_of} asti · tarkastelujakso {period} · {targets}",
        "Data up to {as_of} · period {period} · {targets}",
    ),
    "open_dashboard": ("Avaa tavoiteseuranta", "Open the dashboard"),
    "attention": ("Ei tavoitteessa ja riskissä", "Off target and at risk"),
    "attention_none": (
        "Kaikki tavoitteet ovat tavoitteessa tai ilman arvoa.",
        "Every target is on target or without a value.",
    ),
    "changed": ("Tila muuttui viikossa", "Status changed in a week"),
    "changed_none": (
        "Yhdenkään tavoitteen tila ei muuttunut viikossa.",
        "No target changed status in a week.",
    ),
    "no_week": (
        "Vertailua viikon takaiseen ei ole: jakso alkoi alle viikko sitten ({start}).",
        "No comparison with a week earlier: the period began less than a week ago ({start}).",
    ),
    "all_metrics": ("Kaikki mittarit, koko alue", "Every metric, whole area"),
    "due": ("Määräajat tällä viikolla", "Deadlines coming up this week"),
    "due_intro": (
        "Koko alueen avoimet tapaukset {as_of}: myöhässä ja {n} työpäivän kuluessa "
        "({until} mennessä) erääntyvät.",
        "The whole area's open cases on {as_of}: overdue, and due within {n} working days "
        "(by {until}).",
    ),
    "col_change": ("Muutos viikossa", "Change in a week"),
    "col_before": ("Viikko sitten", "A week ago"),
    "col_now": ("Nyt", "Now"),
    "week_ago_note": (
        "Viikko sitten = sama jakso {end} asti, kuten tavoiteseurannan kortit. Muutos viikossa "
        "vain luvuille, jotka eivät koske henkilöitä: kahden jakson erotus paljastaisi yhden "
        "viikon asiakkaat.",
        "A week ago = the same period up to {end}, as on the dashboard's cards. Change in a "
        "week only for figures not about people: the difference of the two periods would "
        "give one week's clients away.",
    ),
    "small_note": (
        "Alle {n} henkilön lukuja ei näytetä ({small}), koska viesti lähtee sähköpostina.",
        "Figures of fewer than {n} people are not shown ({small}), as this goes by e-mail.",
    ),
    "attachment_note": (
        "Liitteenä lautakunnan raportti (HTML, avautuu selaimessa ilman verkkoyhteyttä).",
        "Attached: the board report (HTML, opens in a browser without a network).",
    ),
    "sent_by": (
        "Viestin lähetti tavoiteseuranta (python -m metrics digest).",
        "Sent by the KPI dashboard (python -m metrics digest).",
    ),
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The e-mail's text ``key`` in ``lang`` (the same lookup as the dashboard's ``t``)."""
    return lookup(TEXTS, key, lang, **values)
