"""The registry: every metric of docs/spec/METRICS.md once, with titles, goals, SQL and targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.definition import MetricDefinition
from metrics.registry import GOALS, REGISTRY, build_registry, get
from metrics.targets import load_targets

METRICS_MD_IDS = {
    "initial_interviews_face_to_face",
    "job_search_discussions_face_to_face",
    "tym_assessment_within_3_months",
    "immigrant_services_municipalities_used",
    "integration_plan_within_30_days",
    "vacancy_fill_time_days",
    "employer_contacts",
    "caseworkers_making_job_offers",
    "ecosystem_groups_started",
    "training_unemployment_ended_3_months",
    "service_points_operating",
    "service_points_with_youth_services",
    "initial_contact_within_deadline",
    "supplementary_discussions_first_3_months",
    "tym_mean_duration_months",
    "meetings_outside_home_municipality",
    "clients_per_customer_service_htv",
}


def test_registry_holds_exactly_the_17_metrics_of_metrics_md() -> None:
    assert len(REGISTRY) == 17
    assert {m.id for m in REGISTRY} == METRICS_MD_IDS
    assert sum(not m.has_target for m in REGISTRY) == 2


def test_building_the_registry_fails_on_a_duplicate_id() -> None:
    twin = REGISTRY[0].model_copy(update={"title_en": "A twin"})
    with pytest.raises(ValueError, match="duplicate metric id"):
        build_registry((*REGISTRY, twin))


def test_building_the_registry_fails_on_an_unknown_goal() -> None:
    stray = REGISTRY[0].model_copy(update={"id": "stray", "goal": "nowhere"})
    with pytest.raises(ValueError, match="unknown goal"):
        build_registry((stray,))


def test_definitions_are_frozen() -> None:
    with pytest.raises(ValueError):
        REGISTRY[0].id = "changed"  # type: ignore[misc]


def test_get_names_the_known_ids_on_a_miss() -> None:
    assert get("employer_contacts").unit == "count"
    with pytest.raises(KeyError, match="employer_contacts"):
        get("no_such_metric")


def test_goals_are_the_plans_six_groups_plus_process_and_follow_up() -> None:
    assert len(GOALS) == 8
    plan_groups = {t.tavoite for t in load_targets(2025).values()} - {
        "Palveluprosessin lakisääteiset määräajat (palvelusuunnitelma 5.1)",
        "TYM-prosessin keston keskimääräinen tavoiteaika (palvelusuunnitelma 5.3.2)",
    }
    assert len(plan_groups) == 6
    assert plan_groups <= {g.title_fi for g in GOALS.values()}


@pytest.mark.parametrize("metric", REGISTRY, ids=lambda m: m.id)
def test_every_metric_has_titles_sql_and_a_target_row_unless_it_has_none(
    metric: MetricDefinition,
) -> None:
    assert metric.title_fi and metric.title_en and metric.title_fi != metric.title_en
    assert metric.description_fi and metric.description_en
    assert "SELECT" in metric.query()
    assert "{" not in metric.query(), "values are bound parameters, never formatted in"
    targets = load_targets(2025)
    assert (metric.id in targets) == metric.has_target
    goal = GOALS[metric.goal]
    assert goal.title_fi and goal.title_en


TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize("metric", REGISTRY, ids=lambda m: m.id)
def test_every_metric_has_a_hand_worked_test_that_names_it(metric: MetricDefinition) -> None:
    naming = [
        p.name
        for p in TESTS.glob("test_*.py")
        if p.name != "test_registry.py" and f'"{metric.id}"' in p.read_text(encoding="utf-8")
    ]
    assert naming, f"no test under tests/metrics names {metric.id}"
