"""The area's situation as KEHA's national monitoring judges it (docs/spec/METRICS.md, "What
the area is judged on nationally"): the unemployed on a day by group, the flow into
unemployment of over 3 months, the time to employment and the processing time of
labour-policy statements."""

from __future__ import annotations

from metrics.definition import MetricDefinition


def _count_on_day(
    metric_id: str, title: tuple[str, str], description: tuple[str, str]
) -> MetricDefinition:
    """One of the four counts of people on E, with its target "lower than a year earlier"
    (reference/jatkuvat_tavoitteet.csv); its SQL is the family's shared query."""
    return MetricDefinition(
        id=metric_id,
        title_fi=title[0],
        title_en=title[1],
        description_fi=description[0],
        description_en=description[1],
        unit="count",
        direction="lower",
        exports=("tilajaksot", "asiakkaat"),
        privacy="denominator",
        on_day=True,
        goal="tilanne",
        sql="situation/unemployed_on_day.sql",
    )


UNEMPLOYED = _count_on_day(
    "unemployed_job_seekers",
    ("Työttömät työnhakijat", "Unemployed job seekers"),
    (
        "Työttömät ja kokoaikaisesti lomautetut asiakkaat jakson viimeisenä päivänä. "
        "Tavoite: vähemmän kuin vuotta aiemmin.",
        "Clients unemployed or fully laid off on the last day of the period. "
        "Target: fewer than a year earlier.",
    ),
)

UNEMPLOYED_UNDER_25 = _count_on_day(
    "unemployed_under_25",
    ("Alle 25-vuotiaat työttömät", "Unemployed aged under 25"),
    (
        "Työttömistä ne, jotka täyttävät jakson viimeisen päivän vuonna enintään 24 "
        "vuotta. Asiakkaat ilman syntymävuotta eivät ole mukana.",
        "Of the unemployed, those who turn at most 24 in the year of the period's "
        "last day. Clients without a birth year are left out.",
    ),
)

LONG_TERM = _count_on_day(
    "long_term_unemployed",
    ("Pitkäaikaistyöttömät", "Long-term unemployed"),
    (
        "Työttömistä ne, joiden työttömyys on jatkunut yhtäjaksoisesti vähintään "
        "12 kuukautta jakson viimeisenä päivänä.",
        "Of the unemployed, those whose unemployment has lasted without a break for "
        "at least 12 months on the period's last day.",
    ),
)

UNEMPLOYED_IMMIGRANTS = _count_on_day(
    "unemployed_immigrants",
    ("Työttömät maahanmuuttajat", "Unemployed immigrants"),
    (
        "Työttömistä ne, joilla on maahanmuuttajatausta. Asiakkaat ilman tietoa eivät ole mukana.",
        "Of the unemployed, those with an immigrant background. Clients without the "
        "information are left out.",
    ),
)

REACHING_3_MONTHS = MetricDefinition(
    id="unemployment_reaching_3_months",
    title_fi="Yli 3 kk jatkuneet työttömyydet",
    title_en="Unemployment lasting over 3 months",
    description_fi="Jakson aikana alkaneista työttömyysjaksoista ne, jotka jatkuivat yli kolme "
    "kuukautta. Seurantaluku, ei tavoitetta; pienempi on parempi.",
    description_en="Of the unemployment spells that started in the period, those that lasted "
    "over three months. A figure to follow, no target; lower is better.",
    unit="share",
    direction="lower",
    exports=("tilajaksot", "asiakkaat"),
    privacy="denominator",
    cohort=True,
    has_target=False,
    goal="tilanne",
    sql="situation/reaching_3_months.sql",
)

TIME_TO_EMPLOYMENT = MetricDefinition(
    id="time_to_employment_days",
    title_fi="Aika työllistymiseen",
    title_en="Time to employment",
    description_fi="Keskimääräinen aika päivinä työttömänä alkaneen työnhaun alusta "
    "työllistymiseen avoimille työmarkkinoille. Seurantaluku, ei tavoitetta.",
    description_en="The mean number of days from the start of a job search begun while "
    "unemployed to employment on the open labour market. A figure to follow, no target.",
    unit="days",
    direction="lower",
    exports=("tyonhakujaksot", "tilajaksot", "asiakkaat"),
    privacy="denominator",
    has_target=False,
    goal="tilanne",
    sql="situation/time_to_employment.sql",
)

STATEMENT_PROCESSING = MetricDefinition(
    id="statement_processing_days",
    title_fi="Työvoimapoliittisten lausuntojen käsittelyaika",
    title_en="Processing time of labour-policy statements",
    description_fi="Jakson aikana annettujen lausuntojen keskimääräinen käsittelyaika päivinä "
    "vireilletulosta. Keskeneräiset jakson viimeisenä päivänä näytetään rinnalla.",
    description_en="The mean days from the matter becoming pending to the statement for the "
    "statements issued in the period. Those pending on the period's last day are shown beside.",
    unit="days",
    direction="lower",
    exports=("lausunnot", "asiakkaat"),
    privacy="denominator",
    reports_pending=True,
    has_target=False,
    goal="palveluprosessi",
    sql="situation/statement_processing.sql",
)
