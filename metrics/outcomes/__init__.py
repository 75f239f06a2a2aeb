"""Outcomes and capacity: training effectiveness (plan goal 5), the mean length of TYM
customerships (plan 5.3.2) and job seekers per customer-service person-year (plan 2.3.2)."""

from __future__ import annotations

from metrics.definition import MetricDefinition

TRAINING_OUTCOME = MetricDefinition(
    id="training_unemployment_ended_3_months",
    title_fi="Työttömyys päättynyt 3 kk koulutuksen jälkeen",
    title_en="Unemployment ended 3 months after training",
    description_fi="Työvoimakoulutuksen suorittaneista ne, jotka eivät ole työttömiä eivätkä "
    "lomautettuja 3 kuukautta koulutuksen päättymisen jälkeen.",
    description_en="Of those who completed labour-market training, the share who are neither "
    "unemployed nor laid off 3 months after the training ended.",
    unit="share",
    direction="higher",
    exports=("koulutukset", "tilajaksot", "asiakkaat"),
    privacy="denominator",
    cohort=True,
    goal="koulutukset",
    sql="outcomes/training_outcome.sql",
)

TYM_MEAN_DURATION = MetricDefinition(
    id="tym_mean_duration_months",
    title_fi="TYM-asiakkuuden keskimääräinen kesto",
    title_en="Mean length of TYM customerships",
    description_fi="Jakson aikana päättyneiden monialaisten (TYM) asiakkuuksien keskimääräinen "
    "kesto kuukausina.",
    description_en="The mean length in months of the multisector (TYM) customerships that ended "
    "in the period.",
    unit="months",
    direction="lower",
    exports=("palvelujaksot", "asiakkaat"),
    privacy="denominator",
    goal="palveluprosessi",
    sql="outcomes/tym_mean_duration.sql",
)

CLIENTS_PER_HTV = MetricDefinition(
    id="clients_per_customer_service_htv",
    title_fi="Työnhakijoita asiakaspalvelun henkilötyövuotta kohden",
    title_en="Job seekers per customer-service person-year",
    description_fi="Jakson viimeisenä päivänä työnhaussa olevat asiakkaat suhteessa "
    "asiakaspalvelun budjetoituihin henkilötyövuosiin. Seurantaluku, ei tavoitetta.",
    description_en="Clients with an open job search on the last day of the period, per budgeted "
    "person-year of customer service. A figure to follow, no target.",
    unit="clients_per_htv",
    direction="lower",
    exports=("tyonhakujaksot", "asiakkaat"),
    privacy="numerator",
    has_target=False,
    goal="seuranta",
    sql="outcomes/clients_per_htv.sql",
)
