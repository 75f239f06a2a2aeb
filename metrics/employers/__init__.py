"""Matching (plan goal 3): vacancy fill time, employer contacts and caseworkers' job offers."""

from __future__ import annotations

from metrics.definition import MetricDefinition

VACANCY_FILL_TIME = MetricDefinition(
    id="vacancy_fill_time_days",
    title_fi="Työpaikkojen täyttymisaika",
    title_en="Vacancy fill time",
    description_fi="Jakson aikana täytettyjen työpaikkojen keskimääräinen aika ilmoittamisesta "
    "täyttymiseen vuorokausina. Alue määräytyy työpaikan kunnan mukaan.",
    description_en="The mean number of days from publishing to filling, for vacancies filled in "
    "the period. The vacancy's municipality places it in an area.",
    unit="days",
    direction="lower",
    exports=("tyopaikat",),
    privacy="none",
    goal="kohtaanto",
    sql="employers/vacancy_fill_time.sql",
)

EMPLOYER_CONTACTS = MetricDefinition(
    id="employer_contacts",
    title_fi="Yrityskontaktit",
    title_en="Employer contacts",
    description_fi="Yrityskontaktien määrä jakson aikana. Vuositavoite koskee koko "
    "työllisyysaluetta; se suhteutetaan jakson pituuteen ja kuluneeseen osaan.",
    description_en="The number of contacts with employers in the period. The yearly target is "
    "for the whole area, pro-rated to the period's length and its elapsed part.",
    unit="count",
    direction="higher",
    exports=("yrityskontaktit",),
    privacy="none",
    target_levels=("koko_alue",),
    pace_to_year_target=True,
    goal="kohtaanto",
    sql="employers/employer_contacts.sql",
)

CASEWORKERS_JOB_OFFERS = MetricDefinition(
    id="caseworkers_making_job_offers",
    title_fi="Työtarjouksia tekevät asiakastyön virkailijat",
    title_en="Caseworkers making job offers",
    description_fi="Henkilöasiakaspalvelun asiakastyötä tekevistä virkailijoista ne, jotka "
    "tekivät jakson aikana työtarjouksia, työpaikkatiedotteita tai esittelyjä.",
    description_en="Of the caseworkers in personal customer service, those who made job offers, "
    "vacancy notices or candidate presentations in the period.",
    unit="share",
    direction="higher",
    exports=("virkailijat", "tapahtumat"),
    privacy="denominator",
    goal="kohtaanto",
    sql="employers/caseworkers_job_offers.sql",
)
