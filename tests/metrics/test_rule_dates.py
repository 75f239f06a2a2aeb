"""metrics.rule_dates: when a metric's series ends and on which days a rule changes, read from
the dated rules of reference/maaraajat.csv (metrics.deadline_rules), never from code."""

from __future__ import annotations

import datetime as dt

from metrics.deadline_rules import OPEN_END, load_rules
from metrics.rule_dates import rule_changes, series_end

D = dt.date
CONTACT = "initial_contact_within_deadline"
SUPPLEMENTARY = "supplementary_discussions_first_3_months"


def _rules(metric_id: str) -> list:
    return sorted((r for r in load_rules() if r.metric_id == metric_id),
                  key=lambda r: r.voimassa_alkaen)  # fmt: skip


def test_a_series_ends_with_its_last_rule_or_never() -> None:
    last = _rules(SUPPLEMENTARY)[-1]
    assert last.voimassa_asti != OPEN_END
    assert series_end(SUPPLEMENTARY) == last.voimassa_asti
    assert _rules(CONTACT)[-1].voimassa_asti == OPEN_END
    assert series_end(CONTACT) is None  # in force until further notice
    assert series_end("employer_contacts") is None  # no dated rule at all


def test_rule_changes_inside_the_period_only() -> None:
    change = _rules(CONTACT)[1].voimassa_alkaen  # the amendment's first day
    year = D(change.year - 1, 1, 1)
    assert rule_changes((CONTACT,), year, change) == (change,)
    assert rule_changes((CONTACT,), change, change + dt.timedelta(days=30)) == ()  # (start, end]
    assert rule_changes((CONTACT,), year, change - dt.timedelta(days=1)) == ()
    # a metric's first rule is no change, nor is a metric not asked for
    first = _rules(SUPPLEMENTARY)[0].voimassa_alkaen
    assert rule_changes((SUPPLEMENTARY,), first - dt.timedelta(days=1), first) == ()
    assert rule_changes(("employer_contacts",), year, change) == ()
