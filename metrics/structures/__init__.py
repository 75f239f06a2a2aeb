"""Structures of the area: joint service points (plan goal 6), the use of municipalities'
immigrant services (goal 2) and the ecosystem working groups (goal 4). Their numerators count
municipalities or groups, so the denominator is the number of the area's municipalities."""

from __future__ import annotations

from metrics.definition import MetricDefinition

IMMIGRANT_SERVICES = MetricDefinition(
    id="immigrant_services_municipalities_used",
    title_fi="Kuntien maahanmuuttajapalvelujen hyödyntäminen kartoituksissa",
    title_en="Municipalities' immigrant services used in assessments",
    description_fi="Kuinka monen alueen kunnan maahanmuuttajapalveluja käytettiin osaamis- ja "
    "kielitaitokartoituksissa jakson aikana, suhteessa alueen kuntien määrään.",
    description_en="How many of the area's municipalities had their immigrant services used in "
    "skills and language assessments in the period, over the number of municipalities.",
    unit="share",
    direction="higher",
    exports=("tapahtumat",),
    privacy="none",
    goal="maahanmuuttajat",
    sql="structures/immigrant_services.sql",
)

SERVICE_POINTS_OPERATING = MetricDefinition(
    id="service_points_operating",
    title_fi="Toimivat yhteiset palvelupisteet",
    title_en="Joint service points operating",
    description_fi="Niiden kuntien osuus, joiden yhteinen palvelupiste toimii jakson "
    "viimeisenä (tai tietojen) päivänä.",
    description_en="The share of municipalities whose joint service point operates on the last "
    "day of the period (or of the data).",
    unit="share",
    direction="higher",
    exports=("palvelupisteet",),
    privacy="none",
    goal="palvelupisteet",
    sql="structures/service_points_operating.sql",
)

SERVICE_POINTS_YOUTH = MetricDefinition(
    id="service_points_with_youth_services",
    title_fi="Palvelupisteet, joissa nuorten yhteispalvelu",
    title_en="Service points with youth one-stop services",
    description_fi="Niiden kuntien osuus, joiden toimivassa palvelupisteessä on nuorten "
    "monialaisen tuen yhteispalvelu.",
    description_en="The share of municipalities whose operating service point includes the "
    "youth multi-sector one-stop service.",
    unit="share",
    direction="higher",
    exports=("palvelupisteet",),
    privacy="none",
    goal="palvelupisteet",
    sql="structures/service_points_youth.sql",
)

ECOSYSTEM_GROUPS = MetricDefinition(
    id="ecosystem_groups_started",
    title_fi="Käynnistyneet ekosysteemin työryhmät",
    title_en="Ecosystem working groups started",
    description_fi="Työllisyyden ekosysteemin työryhmistä ne, jotka ovat pitäneet "
    "ensimmäisen kokouksensa. Vain koko alueen tasolla.",
    description_en="Of the employment ecosystem's working groups, those that have held their "
    "first meeting. For the whole area only.",
    unit="share",
    direction="higher",
    exports=("tyoryhmat",),
    privacy="none",
    levels=("koko_alue",),
    target_levels=("koko_alue",),
    goal="ekosysteemi",
    sql="structures/ecosystem_groups.sql",
)
