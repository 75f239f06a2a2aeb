"""The page list is derived from the registry's goals: every goal with a page has its own
function and URL, every breakdown key a goal lists has a drawing (and a title where the
page offers a choice)."""

from __future__ import annotations

from access.roles import PageKind
from metrics.registry import GOALS, goals_with_page
from ui import breakdown_view, document_language
from ui.i18n import TEXTS
from ui.pages import GOAL_PAGE_FUNCTIONS, PAGE_KINDS


def test_every_goal_with_a_page_has_its_own_function_and_url() -> None:
    assert list(GOAL_PAGE_FUNCTIONS) == list(goals_with_page())
    functions = list(GOAL_PAGE_FUNCTIONS.values())
    assert len({id(f) for f in functions}) == len(functions)
    assert [f.__name__ for f in functions] == [f"goal_{k}" for k in goals_with_page()]
    for key in goals_with_page():
        kind = PAGE_KINDS[str(GOALS[key].url_path)]
        expected = PageKind.GOAL if GOALS[key].page == "goal" else PageKind.SERVICE_PROCESS
        assert kind == expected, key
        assert f"goal_short_{key}" in TEXTS, key


def test_the_overview_answers_at_the_root_and_at_yleiskuva() -> None:
    assert PAGE_KINDS[""] == PAGE_KINDS["yleiskuva"] == PageKind.OVERVIEW


def test_every_breakdown_a_goal_lists_has_a_drawing_and_a_title_where_there_is_a_choice() -> None:
    listed = {key for g in GOALS.values() for key in g.breakdowns}
    assert listed == set(breakdown_view.DRAWINGS)
    choices = {key for g in GOALS.values() if len(g.breakdowns) > 1 for key in g.breakdowns}
    assert {key for key in choices if key not in TEXTS} == set()  # the selector's labels


def test_the_language_script_sets_only_a_quoted_code() -> None:
    assert document_language.script("fi") == (
        '<script>document.documentElement.lang = "fi";</script>'
    )
