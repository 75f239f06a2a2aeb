"""The legal service-process rules in words, from the rules table (reference/maaraajat.csv).

A screen that says what a rule requires ("alkuhaastattelu 10 arkipäivän kuluessa") takes the
words from the row in force, never from a fixed text: when the law changes, a new row in the
table changes every card, page and note that describes the rule (metrics.deadline_rules).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from metrics.deadline_rules import OPEN_END, Rule, en_date, fi_date, load_rules, rules_in_period

INITIAL_CONTACT = "initial_contact_within_deadline"
SUPPLEMENTARY = "supplementary_discussions_first_3_months"
JOB_SEARCH_DISCUSSION = "job_search_discussion_every_3_months"
# The events a rule can name, as a sentence says them (Finnish, English).
_EVENT_WORDS: dict[str, tuple[str, str]] = {
    "alkuhaastattelu": ("alkuhaastattelu", "an initial interview"),
    "taydentava_tyonhakukeskustelu": (
        "täydentävä työnhakukeskustelu",
        "a supplementary job-search discussion",
    ),
    "tyonhakukeskustelu": ("työnhakukeskustelu", "a job-search discussion"),
}


def _events(rule: Rule) -> tuple[str, str]:
    words = [_EVENT_WORDS.get(code, (code, code)) for code in rule.tapahtumat]
    return " tai ".join(w[0] for w in words), " or ".join(w[1] for w in words)


def rule_text(rule: Rule) -> tuple[str, str]:
    """What one row of the table requires, as a phrase (Finnish, English; lower case)."""
    if rule.metric_id == INITIAL_CONTACT:
        fi, en = _events(rule)
        return (
            f"{fi} {rule.raja} arkipäivän kuluessa työnhaun alkamisesta",
            f"{en} within {rule.raja} working days of the start of the job search",
        )
    if rule.metric_id == SUPPLEMENTARY:
        fi_after = f" ({rule.raja_jos_aiempi}, jos täydentävä edelsi alkuhaastattelua)"
        en_after = f" ({rule.raja_jos_aiempi} when one came before the interview)"
        earlier = rule.raja_jos_aiempi is not None
        return (
            f"{rule.raja} täydentävää työnhakukeskustelua alkuhaastattelua seuraavan kolmen "
            f"kuukauden aikana{fi_after if earlier else ''}",
            f"{rule.raja} supplementary discussions in the 3 months after the initial "
            f"interview{en_after if earlier else ''}",
        )
    if rule.metric_id == JOB_SEARCH_DISCUSSION:
        return (
            f"työnhakukeskustelu viimeistään {rule.raja} kuukauden kuluttua alkuhaastattelusta "
            "tai edellisestä työnhakukeskustelusta",
            f"a job-search discussion within {rule.raja} months of the initial interview or the "
            "previous job-search discussion",
        )
    raise KeyError(f"no wording for the rules of {rule.metric_id!r}")


def _dated(rule: Rule, text: tuple[str, str], start: dt.date, end: dt.date) -> tuple[str, str]:
    """``text`` prefixed with the days of the period the rule covers."""
    since, until = rule.voimassa_alkaen, rule.voimassa_asti
    if since <= start and until >= end:
        return text
    if until == OPEN_END or until >= end:
        return f"{fi_date(since)} alkaen: {text[0]}", f"From {en_date(since)}: {text[1]}"
    if since <= start:
        return f"{fi_date(until)} asti: {text[0]}", f"Until {en_date(until)}: {text[1]}"
    return (
        f"{fi_date(since)}–{fi_date(until)}: {text[0]}",
        f"{en_date(since)} – {en_date(until)}: {text[1]}",
    )


def wording_in_period(
    metric_id: str, start: dt.date, end: dt.date, directory: Path | None = None
) -> tuple[str, str] | None:
    """The rules of ``metric_id`` in force in ``[start, end]`` in words (Finnish, English),
    each dated when the period spans a change; None when the metric has no rules there."""
    if not any(r.metric_id == metric_id for r in load_rules(directory)):
        return None
    rules = sorted(
        rules_in_period(metric_id, start, end, directory), key=lambda r: r.voimassa_alkaen
    )
    if not rules:
        return None
    parts = [_dated(r, rule_text(r), start, end) for r in rules]
    return _upper_first("; ".join(p[0] for p in parts)), _upper_first(
        "; ".join(p[1] for p in parts)
    )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def rule_change_in_period(
    metric_id: str, start: dt.date, end: dt.date, directory: Path | None = None
) -> tuple[dt.date, Rule, Rule] | None:
    """The first change of ``metric_id``'s rule inside ``(start, end]``: its date, the rule
    before and the rule after; None when one rule covers the whole period."""
    rules = sorted(
        rules_in_period(metric_id, start, end, directory), key=lambda r: r.voimassa_alkaen
    )
    for before, after in itertools.pairwise(rules):
        if start < after.voimassa_alkaen <= end:
            return after.voimassa_alkaen, before, after
    return None
