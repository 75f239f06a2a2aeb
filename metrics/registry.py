"""The explicit registry of every metric of docs/spec/METRICS.md and the plan's goal groups.

``REGISTRY`` lists the 12 targets of the plan's table, the 3 service-process rules of its
section 5 (with the 3-monthly job-search discussion of the law) and the 2 figures without
a target, in the order the dashboard shows them.
Building it fails on a duplicate id.

``GOALS`` is the one list of the goal groups, in the order every surface shows them (the
overview, the navigation, the presentation, the board report): with each its page (URL
path, icon, kind) and the keys of its breakdown sections (ui/breakdown_view.py draws them).
The pages are generated from it (ui/pages.py); nothing else lists the goals.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from metrics import deadlines, employers, face_to_face, outcomes, situation, structures
from metrics.definition import ALL_LEVELS, Level, MetricDefinition

__all__ = [
    "ALL_LEVELS",
    "GOALS",
    "REGISTRY",
    "Goal",
    "GoalPage",
    "Level",
    "MetricDefinition",
    "get",
    "goal_metrics",
    "goals_with_page",
]

# The kind of a goal's page: "goal" one of the plan's six goals (listed under Goals, shown to
# the board), "service_process" the legal deadlines (listed under More, for staff).
GoalPage = Literal["goal", "service_process"]


class Goal(BaseModel):
    """A goal group: the plan's own words for its six "Tavoite" rows, and two of ours, with
    what the pages need: its page (None: no page of its own, the cards are on the overview),
    whether the overview shows its cards, and its breakdown sections' keys in order (the text
    keys of ui/i18n.py; ui/breakdown_view.py has a drawing for each key)."""

    model_config = ConfigDict(frozen=True)
    title_fi: str
    title_en: str
    page: GoalPage | None = None
    url_path: str | None = Field(default=None, pattern=r"^[a-z0-9_-]+$")
    icon: str | None = Field(default=None, pattern=r"^:material/[a-z0-9_]+:$")
    on_overview: bool = True
    breakdowns: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _page_has_a_path_and_an_icon(self) -> Goal:
        if (self.page is None) != (self.url_path is None) or (self.page is None) != (
            self.icon is None
        ):
            raise ValueError("a goal's page needs a url_path and an icon, and only a page has them")
        return self


GOALS: dict[str, Goal] = {
    "lahipalvelut": Goal(
        title_fi="Lähipalvelujen ja kasvokkaisen asiakaspalvelun lisääminen työllisyysalueen "
        "kunnissa huomioiden eri asiakasryhmät",
        title_en="More local and face-to-face customer service in the area's municipalities, "
        "taking the different client groups into account",
        page="goal",
        url_path="lahipalvelut",
        icon=":material/handshake:",
        breakdowns=("channel_split", "meeting_flows", "cohort_outcomes"),
    ),
    "maahanmuuttajat": Goal(
        title_fi="Maahanmuuttajien työllisyyden lisääminen yhdistämällä työvoimapalveluita ja "
        "kuntien kotouttamispalveluita (KOTO-lain uudistus)",
        title_en="More employment for immigrants by combining employment services with the "
        "municipalities' integration services (the reformed Integration Act)",
        page="goal",
        url_path="maahanmuuttajat",
        icon=":material/diversity_3:",
        breakdowns=("cohort_outcomes",),
    ),
    "kohtaanto": Goal(
        title_fi="Kohtaannon edistäminen tehostamalla työnvälitystä",
        title_en="Better matching of jobs and job seekers through more effective placement",
        page="goal",
        url_path="kohtaanto",
        icon=":material/work:",
        breakdowns=("fill_time_distribution", "caseworkers_without_offers"),
    ),
    "ekosysteemi": Goal(
        title_fi="Työllisyyden ekosysteemin kehittäminen ja toimijoiden välisen yhteistyön "
        "lisääminen",
        title_en="Developing the employment ecosystem and more cooperation between its actors",
        page="goal",
        url_path="ekosysteemi",
        icon=":material/hub:",
        breakdowns=("tyoryhmat",),
    ),
    "koulutukset": Goal(
        title_fi="Työllisyysalueen hankkimat työvoimakoulutukset ovat vaikuttavia",
        title_en="The labour-market training bought by the area is effective",
        page="goal",
        url_path="koulutukset",
        icon=":material/school:",
        breakdowns=("cohort_outcomes",),
    ),
    "palvelupisteet": Goal(
        title_fi="Työllisyysalueen ja kuntien yhteiset palvelupisteet toimivat kaikissa kunnissa",
        title_en="Joint service points of the area and the municipalities operate in every "
        "municipality",
        page="goal",
        url_path="palvelupisteet",
        icon=":material/storefront:",
        breakdowns=("palvelupisteet",),
    ),
    # Added 2026-12: the area's situation as it is judged nationally (docs/spec/METRICS.md).
    "tilanne": Goal(
        title_fi="Työllisyysalueen tilanne: vähemmän työttömyyttä, erityisesti nuorten ja "
        "pitkäaikaistyöttömien, ja enemmän maahanmuuttajien työllisyyttä",
        title_en="The area's situation: less unemployment, especially among the young and the "
        "long-term unemployed, and more employment for immigrants",
        page="goal",
        url_path="tilanne",
        icon=":material/query_stats:",
        breakdowns=("situation_groups", "situation_official", "cohort_outcomes"),
    ),
    "palveluprosessi": Goal(
        title_fi="Palveluprosessin lakisääteiset määräajat",
        title_en="Legal deadlines of the service process",
        page="service_process",
        url_path="palveluprosessi",
        icon=":material/schedule:",
        breakdowns=("cohort_outcomes", "deadlines_due"),
    ),
    "seuranta": Goal(
        title_fi="Seurattavat tunnusluvut (ei tavoitetta)",
        title_en="Figures to follow (no target)",
    ),
}


def _check_goals(goals: dict[str, Goal]) -> dict[str, Goal]:
    """The goals as given; ValueError when two pages share a URL path."""
    paths = [g.url_path for g in goals.values() if g.url_path is not None]
    if len(paths) != len(set(paths)):
        raise ValueError(f"two goals share a url_path: {sorted(paths)}")
    return goals


_check_goals(GOALS)


def build_registry(definitions: Iterable[MetricDefinition]) -> tuple[MetricDefinition, ...]:
    """The definitions as a tuple; raises ValueError on a duplicate id or an unknown goal."""
    out: list[MetricDefinition] = []
    seen: set[str] = set()
    for metric in definitions:
        if metric.id in seen:
            raise ValueError(f"duplicate metric id {metric.id!r}")
        if metric.goal not in GOALS:
            raise ValueError(f"metric {metric.id!r}: unknown goal {metric.goal!r}")
        seen.add(metric.id)
        out.append(metric)
    return tuple(out)


REGISTRY: tuple[MetricDefinition, ...] = build_registry(
    (
        face_to_face.INITIAL_INTERVIEWS,
        face_to_face.JOB_SEARCH_DISCUSSIONS,
        deadlines.TYM_ASSESSMENT,
        structures.IMMIGRANT_SERVICES,
        deadlines.INTEGRATION_PLAN,
        employers.VACANCY_FILL_TIME,
        employers.EMPLOYER_CONTACTS,
        employers.CASEWORKERS_JOB_OFFERS,
        structures.ECOSYSTEM_GROUPS,
        outcomes.TRAINING_OUTCOME,
        structures.SERVICE_POINTS_OPERATING,
        structures.SERVICE_POINTS_YOUTH,
        deadlines.INITIAL_CONTACT,
        deadlines.SUPPLEMENTARY_DISCUSSIONS,
        deadlines.JOB_SEARCH_DISCUSSION,
        outcomes.TYM_MEAN_DURATION,
        face_to_face.MEETINGS_OUTSIDE_HOME,
        outcomes.CLIENTS_PER_HTV,
        # Added 2026-12: the national indicators (docs/spec/METRICS.md).
        situation.UNEMPLOYED,
        situation.UNEMPLOYED_UNDER_25,
        situation.LONG_TERM,
        situation.UNEMPLOYED_IMMIGRANTS,
        situation.REACHING_3_MONTHS,
        situation.TIME_TO_EMPLOYMENT,
        situation.STATEMENT_PROCESSING,
    )
)

_BY_ID: dict[str, MetricDefinition] = {m.id: m for m in REGISTRY}


def get(metric_id: str) -> MetricDefinition:
    """The definition of ``metric_id``; KeyError with the known ids when there is none."""
    try:
        return _BY_ID[metric_id]
    except KeyError:
        raise KeyError(
            f"tuntematon mittari / unknown metric {metric_id!r}; known: {', '.join(_BY_ID)}"
        ) from None


def goal_metrics(goal: str) -> tuple[MetricDefinition, ...]:
    """The metrics of ``goal`` in the registry's order."""
    return tuple(m for m in REGISTRY if m.goal == goal)


def goals_with_page(page: GoalPage | None = None) -> tuple[str, ...]:
    """The keys of the goals that have a page (of kind ``page`` when given), in order."""
    return tuple(
        key for key, g in GOALS.items() if g.page is not None and (page is None or g.page == page)
    )
