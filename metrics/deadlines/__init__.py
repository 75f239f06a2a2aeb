"""Deadline cohorts: a case belongs to the period of the date that starts it, and is on time,
late, excluded (ended before its deadline without the deed) or pending at the as-of date A.

The TYM assessment and integration plan targets (plan goals 1 and 2) and the legal
service-process rules of plan section 5 (law 380/2023), whose limits come from the dated
table reference/maaraajat.csv (metrics.deadline_rules).
"""

from __future__ import annotations

from metrics.definition import MetricDefinition

TYM_ASSESSMENT = MetricDefinition(
    id="tym_assessment_within_3_months",
    title_fi="TYM-palvelutarvearvioinnit 3 kuukauden määräajassa",
    title_en="TYM service-need assessments within 3 months",
    description_fi="Monialaisen (TYM) asiakkuuden alkaneista ne, joiden palvelutarvearviointi "
    "tehtiin 3 kuukauden kuluessa. Ratkeamattomat (määräaika kesken) näytetään erikseen.",
    description_en="Of the multisector (TYM) customerships started, those whose service-need "
    "assessment was done within 3 months. Cases still open at the data date are shown apart.",
    unit="share",
    direction="higher",
    exports=("palvelujaksot", "tapahtumat", "asiakkaat"),
    privacy="denominator",
    cohort=True,
    goal="lahipalvelut",
    sql="deadlines/tym_assessment.sql",
)

INTEGRATION_PLAN = MetricDefinition(
    id="integration_plan_within_30_days",
    title_fi="Kotoutumissuunnitelmat alle 30 vuorokaudessa",
    title_en="Integration plans within 30 days",
    description_fi="Kotoutumisasiakkuuden alkaneista ne, joiden kotoutumissuunnitelma "
    "laadittiin alle 30 vuorokaudessa (30. päivänä laadittu on myöhässä).",
    description_en="Of the integration customerships started, those whose integration plan was "
    "made in under 30 days (a plan on day 30 is late).",
    unit="share",
    direction="higher",
    exports=("palvelujaksot", "tapahtumat", "asiakkaat"),
    privacy="denominator",
    cohort=True,
    goal="maahanmuuttajat",
    sql="deadlines/integration_plan.sql",
)

INITIAL_CONTACT = MetricDefinition(
    id="initial_contact_within_deadline",
    title_fi="Alkuhaastattelu lakisääteisessä määräajassa",
    title_en="Initial contact within the legal deadline",
    description_fi="Alkaneista työnhauista ne, joissa ensimmäinen haastattelu pidettiin "
    "lakisääteisessä määräajassa. Määräaika ja laskettavat tapahtumat ovat työnhaun "
    "alkamispäivänä voimassa olleen säännön mukaiset.",
    description_en="Of the job searches started, those whose first interview came within the "
    "legal limit. The limit and the events that count are those of the rule in force on the "
    "day the job search started.",
    unit="share",
    direction="higher",
    exports=("tyonhakujaksot", "tapahtumat", "asiakkaat"),
    privacy="denominator",
    cohort=True,
    goal="palveluprosessi",
    sql="deadlines/initial_contact.sql",
)

SUPPLEMENTARY_DISCUSSIONS = MetricDefinition(
    id="supplementary_discussions_first_3_months",
    title_fi="Täydentävät työnhakukeskustelut kolmen ensimmäisen kuukauden aikana",
    title_en="Supplementary discussions in the first 3 months",
    description_fi="Alkuhaastatelluista työttömistä ne, joilla oli säännön vaatimat täydentävät "
    "työnhakukeskustelut kolmen kuukauden aikana (vähemmän, jos täydentävä edelsi "
    "alkuhaastattelua). Jaksoille, joilla sääntö ei ole voimassa, ei lukua.",
    description_en="Of the unemployed clients interviewed, those who had the supplementary "
    "discussions the rule requires in the next 3 months (fewer after an earlier one). Periods "
    "when the rule is not in force have no value.",
    unit="share",
    direction="higher",
    exports=("tapahtumat", "tilajaksot", "tyonhakujaksot", "asiakkaat"),
    privacy="denominator",
    cohort=True,
    goal="palveluprosessi",
    sql="deadlines/supplementary_discussions.sql",
)

JOB_SEARCH_DISCUSSION = MetricDefinition(
    id="job_search_discussion_every_3_months",
    title_fi="Työnhakukeskustelu kolmen kuukauden välein",
    title_en="Job-search discussion every 3 months",
    description_fi="Alkuhaastatteluista ja työnhakukeskusteluista ne, joita seurasi seuraava "
    "työnhakukeskustelu viimeistään kolmen kuukauden kuluttua. Tapaus kuuluu määräpäivän "
    "jaksoon; ei lasketa, jos asiakas ei määräpäivänä ollut työtön tai lomautettu tai "
    "työnhaku oli päättynyt.",
    description_en="Of the initial interviews and job-search discussions, those followed by the "
    "next job-search discussion within 3 months. A case belongs to the period of its deadline; "
    "left out when on the deadline the client was not unemployed or laid off, or the job "
    "search had ended.",
    unit="share",
    direction="higher",
    exports=("tapahtumat", "tilajaksot", "tyonhakujaksot", "asiakkaat"),
    privacy="denominator",
    cohort=True,
    goal="palveluprosessi",
    sql="deadlines/job_search_discussion.sql",
)
