"""The line "a year earlier" (ui/year_earlier_view.py): value and change in the unit's own
terms, <5 under the rule, the note before S and when the rule was not in force."""

from __future__ import annotations

import polars as pl
import pytest

from metrics.registry import get
from metrics.year_earlier import earlier_period
from tests.metrics.kpidb import d
from ui import kpi_view
from ui.cards import CardData, card_html
from ui.i18n import Lang
from ui.year_earlier_view import (
    YearEarlier,
    line_html,
    period_caption,
    table_columns,
    year_earlier,
)

NBSP = "\u00a0"
S = d("1.1.2025")
P2026 = earlier_period(d("1.1.2026"), d("31.10.2026"), d("31.10.2026"))


def _row(metric_id: str, value: float | None, hidden: bool = False) -> dict[str, object]:
    return {"metric_id": metric_id, "value": value, "status": None, "target_op": None,
            "target_value": None, "pending": None, "suppressed": hidden}  # fmt: skip


@pytest.mark.parametrize(
    ("metric_id", "now", "before", "fi", "en"),
    [
        ("initial_interviews_face_to_face", 0.753, 0.712,
         f"vuotta aiemmin 71,2{NBSP}% · muutos +4,1{NBSP}%-yks.",
         "a year earlier 71.2% · change +4.1\u00a0pp"),
        ("vacancy_fill_time_days", 20.0, 22.5,
         f"vuotta aiemmin 22,5{NBSP}vrk · muutos −2,5{NBSP}vrk",
         f"a year earlier 22.5{NBSP}days · change −2.5{NBSP}days"),
        ("employer_contacts", 2600.0, 2450.0,
         "vuotta aiemmin 2\u202f450 · muutos +150", "a year earlier 2,450 · change +150"),
        ("tym_mean_duration_months", 16.0, 16.0,
         f"vuotta aiemmin 16,0{NBSP}kk · muutos ±0,0{NBSP}kk",
         f"a year earlier 16.0{NBSP}months · change ±0.0{NBSP}months"),
    ],
)  # fmt: skip
def test_value_and_change_in_the_units_terms(
    metric_id: str, now: float, before: float, fi: str, en: str
) -> None:
    m = get(metric_id)
    langs: tuple[tuple[Lang, str], ...] = (("fi", fi), ("en", en))
    for lang, text in langs:
        line = year_earlier(m, _row(metric_id, now), _row(metric_id, before), P2026, S, lang)
        assert line is not None and not line.note
        assert line.text == text


def test_a_hidden_value_shows_small_and_no_change() -> None:
    m = get("initial_interviews_face_to_face")
    hidden_before = year_earlier(m, _row(m.id, 0.8), _row(m.id, None, True), P2026, S, "fi")
    assert hidden_before is not None and hidden_before.text == "vuotta aiemmin <5"
    hidden_now = year_earlier(m, _row(m.id, None, True), _row(m.id, 0.7), P2026, S, "fi")
    assert hidden_now is not None and hidden_now.text == f"vuotta aiemmin 70,0{NBSP}%"


def test_an_empty_earlier_value_shows_a_dash_and_no_change() -> None:
    m = get("integration_plan_within_30_days")
    line = year_earlier(m, _row(m.id, 0.8), _row(m.id, None), P2026, S, "en")
    assert line is not None and line.text == "a year earlier –"


def test_before_s_the_line_says_there_are_no_data() -> None:
    m = get("initial_interviews_face_to_face")
    p2025 = earlier_period(d("1.1.2025"), d("31.12.2025"), d("31.10.2026"))
    fi = year_earlier(m, _row(m.id, 0.8), _row(m.id, None), p2025, S, "fi")
    en = year_earlier(m, _row(m.id, 0.8), _row(m.id, None), p2025, S, "en")
    assert fi == YearEarlier("Vuotta aiempaa tietoa ei ole: aineisto alkaa 1.1.2025", True)
    assert en == YearEarlier("No data a year earlier: the data begin on 1 Jan 2025", True)
    no_start = year_earlier(m, _row(m.id, 0.8), _row(m.id, 0.5), p2025, None, "fi")
    assert no_start is not None and not no_start.note  # no S recorded: the figure is shown


def test_a_rule_not_in_force_a_year_earlier_says_so() -> None:
    m = get("supplementary_discussions_first_3_months")  # its series ended on 31.12.2025
    p2027 = earlier_period(d("1.1.2027"), d("31.10.2027"), d("31.10.2027"))
    line = year_earlier(m, _row(m.id, None), _row(m.id, None), p2027, S, "fi")
    assert line is not None and line.note
    assert line.text.startswith("Vuotta aiemmin: Velvoite päättyi 31.12.2025")
    in_force = year_earlier(m, _row(m.id, None), _row(m.id, 0.57), P2026, S, "fi")
    assert in_force is not None and in_force.text == f"vuotta aiemmin 57,0{NBSP}%"


def test_the_html_keeps_value_and_change_whole_and_escapes_notes() -> None:
    line = YearEarlier("vuotta aiemmin <5 · muutos x", False)
    assert line_html(line) == (
        '<span style="white-space:nowrap">vuotta aiemmin &lt;5</span> · '
        '<span style="white-space:nowrap">muutos x</span>'
    )
    assert line_html(YearEarlier("a <b>", True)) == "a &lt;b&gt;"
    assert period_caption(P2026, "fi") == "Vertailujakso 1.1.–31.10.2025"


def test_the_card_shows_the_line() -> None:
    m = get("initial_interviews_face_to_face")
    row = _row(m.id, 0.753)
    line = year_earlier(m, row, _row(m.id, 0.712), P2026, S, "fi")
    card = CardData(kpi_view.shown_row(row, "fi"), None, None, [], None, year_earlier=line)
    assert '<div class="kpi-meta year-earlier">' in card_html(card, "fi")
    assert "vuotta aiemmin 71,2" in card_html(card, "fi")


def test_the_table_of_areas_gets_the_value_and_the_change_of_each_area() -> None:
    m = get("initial_interviews_face_to_face")
    rows = pl.DataFrame(
        [{**_row(m.id, 0.8), "area": "Joensuu"}, {**_row(m.id, 0.6), "area": "Kitee"},
         {**_row(m.id, 0.5), "area": "Lieksa"}]
    )  # fmt: skip
    earlier = pl.DataFrame(
        [{**_row(m.id, 0.75), "area": "Joensuu"}, {**_row(m.id, None, True), "area": "Kitee"}]
    )
    columns = table_columns(m, rows, earlier, P2026, "fi")
    assert columns == {
        "Vuotta aiemmin": [f"75,0{NBSP}%", "<5", "–"],
        "Muutos vuodessa": [f"+5,0{NBSP}%-yks.", "–", "–"],
    }
