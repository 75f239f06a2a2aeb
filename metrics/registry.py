"""The explicit registry of every metric of docs/spec/METRICS.md and the plan's goal groups.

``REGISTRY`` lists the 12 targets of the plan's table, the 3 service-process rules of its
section 5 and the 2 figures without a target, in the order the dashboard shows them.
Building it fails on a duplicate id.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from metrics import deadlines, employers, face_to_face, outcomes, structures
from metrics.definition import ALL_LEVELS, Level, MetricDefinition

__all__ = ["ALL_LEVELS", "GOALS", "REGISTRY", "Goal", "Level", "MetricDefinition", "get"]


class Goal(BaseModel):
    """A goal group: the plan's own words for its six "Tavoite" rows, and two of ours."""

    model_config = ConfigDict(frozen=True)
    title_fi: str
    title_en: str


GOALS: dict[str, Goal] = {
    "lahipalvelut": Goal(
        title_fi="Lähipalvelujen ja kasvokkaisen asiakaspalvelun lisääminen työllisyysalueen "
        "kunnissa huomioiden eri asiakasryhmät",
        title_en="More local and face-to-face customer service in the area's municipalities, "
        "taking the different client groups into account",
    ),
    "maahanmuuttajat": Goal(
        title_fi="Maahanmuuttajien työllisyyden lisääminen yhdistämällä työvoimapalveluita ja "
        "kuntien kotouttamispalveluita (KOTO-lain uudistus)",
        title_en="More employment for immigrants by combining employment services with the "
        "municipalities' integration services (the reformed Integration Act)",
    ),
    "kohtaanto": Goal(
        title_fi="Kohtaannon edistäminen tehostamalla työnvälitystä",
        title_en="Better matching of jobs and job seekers through more effective placement",
    ),
    "ekosysteemi": Goal(
        title_fi="Työllisyyden ekosysteemin kehittäminen ja toimijoiden välisen yhteistyön "
        "lisääminen",
        title_en="Developing the employment ecosystem and more cooperation between its actors",
    ),
    "koulutukset": Goal(
        title_fi="Työllisyysalueen hankkimat työvoimakoulutukset ovat vaikuttavia",
        title_en="The labour-market training bought by the area is effective",
    ),
    "palvelupisteet": Goal(
        title_fi="Työllisyysalueen ja kuntien yhteiset palvelupisteet toimivat kaikissa kunnissa",
        title_en="Joint service points of the area and the municipalities operate in every "
        "municipality",
    ),
    "palveluprosessi": Goal(
        title_fi="Palveluprosessin lakisääteiset määräajat",
        title_en="Legal deadlines of the service process",
    ),
    "seuranta": Goal(
        title_fi="Seurattavat tunnusluvut (ei tavoitetta)",
        title_en="Figures to follow (no target)",
    ),
}


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
        outcomes.TYM_MEAN_DURATION,
        face_to_face.MEETINGS_OUTSIDE_HOME,
        outcomes.CLIENTS_PER_HTV,
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
