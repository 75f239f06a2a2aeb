"""A card's indicator line: the plan's text, or for a rule-based metric the rule in force."""

from __future__ import annotations

import pytest

from tests.metrics.kpidb import d
from tests.metrics.test_rule_wording import FIXED_LIMIT
from ui import indicators
from ui.goal_view import rule_change_note
from ui.i18n import TEXTS

CONTACT = "initial_contact_within_deadline"
SUPPLEMENTARY = "supplementary_discussions_first_3_months"


def test_the_initial_interview_card_says_ten_days_in_2026() -> None:
    fi = indicators.for_period(d("1.1.2026"), d("31.12.2026"), d("30.11.2026"), "fi")
    assert "10 arkipäivän" in fi[CONTACT] and "viiden" not in fi[CONTACT]
    en = indicators.for_period(d("1.1.2026"), d("31.12.2026"), d("30.11.2026"), "en")
    assert "10 working days" in en[CONTACT]
    assert "Lähipalvelujen" not in " ".join(en.values())  # the plan's texts are Finnish only


def test_the_2025_card_keeps_the_five_day_rule_and_the_plans_texts() -> None:
    fi = indicators.for_period(d("1.1.2025"), d("31.12.2025"), d("30.11.2026"), "fi")
    assert "5 arkipäivän" in fi[CONTACT]
    assert fi["vacancy_fill_time_days"] == "Työpaikkojen täyttymisaika < 22 vrk"


def test_a_series_that_ended_says_so_instead_of_its_old_rule() -> None:
    fi = indicators.for_period(d("1.1.2026"), d("31.12.2026"), d("30.11.2026"), "fi")
    assert fi[SUPPLEMENTARY].startswith("Velvoite päättyi 31.12.2025")
    en = indicators.for_period(d("1.1.2026"), d("31.12.2026"), d("30.11.2026"), "en")
    assert en[SUPPLEMENTARY].startswith("The requirement ended on 31 Dec 2025")


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_rule_change_note_reads_both_rules_from_the_table(lang: str) -> None:
    note = rule_change_note(d("1.10.2025"), d("31.3.2026"), lang)  # type: ignore[arg-type]
    assert note is not None
    if lang == "fi":
        assert "1.1.2026" in note and "5 arkipäivän" in note and "10 arkipäivän" in note
    else:
        assert "1 Jan 2026" in note and "5 working days" in note and "10 working days" in note
    assert "HE 108/2025" in note  # the source of the new rule, from its row
    assert rule_change_note(d("1.1.2026"), d("31.3.2026"), lang) is None  # type: ignore[arg-type]


def test_no_screen_text_fixes_a_rules_limit() -> None:
    for key, pair in TEXTS.items():
        for text in pair:
            assert not FIXED_LIMIT.search(text), (key, text)
