"""The registry: every metric of docs/spec/METRICS.md once, with titles, goals, SQL and targets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import pytest

from common.settings import PROJECT_ROOT
from metrics.definition import MetricDefinition, PrivacyBasis
from metrics.registry import (
    GOALS,
    REGISTRY,
    Goal,
    _check_goals,
    build_registry,
    get,
    goal_metrics,
    goals_with_page,
)
from metrics.rule_dates import rule_changes, series_end
from metrics.standing_targets import standing_target
from metrics.targets import load_targets
from tests.metrics.kpidb import d

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
    # the national indicators (added 2026-12)
    "unemployed_job_seekers",
    "unemployed_under_25",
    "long_term_unemployed",
    "unemployed_immigrants",
    "unemployment_reaching_3_months",
    "time_to_employment_days",
    "statement_processing_days",
    "job_search_discussion_every_3_months",
}


def test_registry_holds_exactly_the_metrics_of_metrics_md() -> None:
    assert len(REGISTRY) == len(METRICS_MD_IDS)
    assert {m.id for m in REGISTRY} == METRICS_MD_IDS
    assert sum(not m.has_target for m in REGISTRY) == 5


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


def test_goals_are_the_plans_six_groups_plus_process_situation_and_follow_up() -> None:
    assert len(GOALS) == 9
    plan_groups = {t.tavoite for t in load_targets(2025).values()} - {
        "Palveluprosessin lakisääteiset määräajat (palvelusuunnitelma 5.1)",
        "TYM-prosessin keston keskimääräinen tavoiteaika (palvelusuunnitelma 5.3.2)",
    }
    assert len(plan_groups) == 6
    assert plan_groups <= {g.title_fi for g in GOALS.values()}


TARGET_YEARS = sorted(
    int(p.stem.rsplit("_", 1)[1]) for p in (PROJECT_ROOT / "reference").glob("tavoitteet_*.csv")
)


@pytest.mark.parametrize("metric", REGISTRY, ids=lambda m: m.id)
def test_every_metric_has_titles_a_goal_a_privacy_basis_sql_and_a_target_row_unless_none(
    metric: MetricDefinition,
) -> None:
    assert metric.title_fi and metric.title_en and metric.title_fi != metric.title_en
    assert metric.description_fi and metric.description_en
    assert metric.goal in GOALS
    assert metric.privacy in get_args(PrivacyBasis)
    assert "SELECT" in metric.query()
    assert "{" not in metric.query(), "values are bound parameters, never formatted in"
    for year in TARGET_YEARS:  # every dated targets file of reference/ ...
        # ... or a row of reference/jatkuvat_tavoitteet.csv in force at the end of that year
        standing = standing_target(metric.id, dt.date(year, 12, 31)) is not None
        assert (metric.id in load_targets(year) or standing) == metric.has_target, year
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


def test_the_goals_pages_keep_their_urls() -> None:
    """The plan's six goals and the service process have a page each, at the URL they
    always had (links in minutes and e-mails); the figures to follow have none."""
    assert {k: GOALS[k].url_path for k in goals_with_page()} == {k: k for k in goals_with_page()}
    assert goals_with_page("goal") == (
        "lahipalvelut",
        "maahanmuuttajat",
        "kohtaanto",
        "ekosysteemi",
        "koulutukset",
        "palvelupisteet",
        "tilanne",
    )
    assert goals_with_page("service_process") == ("palveluprosessi",)
    assert GOALS["seuranta"].page is None


@pytest.mark.parametrize("key", list(GOALS))
def test_a_goal_lists_the_cohort_table_exactly_when_it_has_a_cohort_metric(key: str) -> None:
    has_cohorts = any(m.cohort for m in goal_metrics(key))
    assert ("cohort_outcomes" in GOALS[key].breakdowns) == has_cohorts
    assert len(set(GOALS[key].breakdowns)) == len(GOALS[key].breakdowns)


def test_a_goal_page_needs_a_path_and_an_icon_and_paths_are_unique() -> None:
    with pytest.raises(ValueError, match="url_path and an icon"):
        Goal(title_fi="Tavoite", title_en="Goal", page="goal", url_path="x")
    with pytest.raises(ValueError, match="url_path and an icon"):
        Goal(title_fi="Tavoite", title_en="Goal", url_path="x", icon=":material/hub:")
    twin = GOALS["kohtaanto"].model_copy()
    with pytest.raises(ValueError, match="share a url_path"):
        _check_goals({**GOALS, "twin": twin})


def test_only_a_yearly_count_target_shows_the_pace() -> None:
    pacing = [m.id for m in REGISTRY if m.pace_to_year_target]
    assert pacing == ["employer_contacts"]
    assert all(get(m).unit == "count" and get(m).has_target for m in pacing)


def test_a_series_ends_when_every_dated_rule_of_it_has_ended() -> None:
    """reference/maaraajat.csv: the supplementary discussions' rule ended on 31.12.2025; the
    initial contact's 2026 rule is in force until further notice; a metric without a dated
    rule has no end."""
    assert get("supplementary_discussions_first_3_months").series_ends == d("31.12.2025")
    assert get("initial_contact_within_deadline").series_ends is None
    assert series_end("employer_contacts") is None


def test_a_rule_change_is_the_start_of_a_later_rule_of_the_same_metric() -> None:
    ids = tuple(m.id for m in goal_metrics("palveluprosessi"))
    assert rule_changes(ids, d("1.12.2025"), d("31.1.2026")) == (d("1.1.2026"),)
    assert rule_changes(ids, d("1.1.2026"), d("31.1.2026")) == ()  # the change is its first day
    assert rule_changes(ids, d("1.1.2025"), d("31.12.2025")) == ()  # the first rule is no change
