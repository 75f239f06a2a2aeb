"""Presentation mode (``?esitys=1&dia=N``): every goal with a page has its slide, the
Situation goal's national indicators too, and each slide shows every metric of its goal with
the value of ``python -m metrics export --suppress 5``, in Finnish and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from access.roles import PAGES, PageKind, Role
from metrics.registry import GOALS
from tests.app.test_smoke import assert_page_shows, exported, start, values_on_screen
from ui import kpi_view
from ui.i18n import Lang
from ui.pages import PAGE_KINDS
from ui.presentation import GOAL_SLIDES


def test_the_situation_goal_has_a_slide() -> None:
    assert "tilanne" in GOAL_SLIDES
    assert tuple(g for g in GOALS if GOALS[g].page is not None) == GOAL_SLIDES


@pytest.mark.parametrize(
    ("lang", "goals"), [("fi", GOAL_SLIDES), ("en", ("tilanne",))], ids=["fi", "en"]
)
def test_each_slide_shows_every_metric_of_its_goal(
    kpi_env: Path, lang: Lang, goals: tuple[str, ...]
) -> None:
    values = exported(kpi_env)
    for goal in goals:
        slide = GOAL_SLIDES.index(goal) + 1
        at = start(lang, esitys="1", dia=str(slide))
        assert not at.exception, goal
        assert any(kpi_view.goal_title(goal, lang) in h.value for h in at.title), goal
        seen = assert_page_shows(
            values_on_screen(at), values, lang, "koko_alue", "Pohjois-Karjala", goal
        )
        assert seen == {m.id for m in kpi_view.metrics_of_goal(goal)}, goal


def test_the_roles_see_the_situation_page_as_the_other_goal_pages() -> None:
    """/tilanne is a goal page (page kind ``goal``): the board, the director and the analysts
    see it as they see every other goal's page."""
    path = str(GOALS["tilanne"].url_path)
    assert PAGE_KINDS[path] == PageKind.GOAL
    others = [g for g in GOAL_SLIDES if g != "tilanne"]
    same = [g for g in others if PAGE_KINDS[str(GOALS[g].url_path)] == PageKind.GOAL]
    assert len(same) >= 5  # the board's goal pages are of the same kind
    for role in Role:
        assert PageKind.GOAL in PAGES[role], role
