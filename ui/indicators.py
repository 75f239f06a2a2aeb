"""The indicator line under each card's title: what the metric measures, in the words that
are true for the chosen period.

The plan's own "Mittari" text (the targets file of the year in use, Finnish only) for every
metric, except a metric whose rule is a dated row of the rules table (reference/maaraajat.csv):
its line is the rule in force in the period in words (metrics.rule_wording), in both
languages, or why no rule is in force. The targets file of 2025 says "viiden arkipäivän"; a
2026 period falls back to that file but is judged by the ten-day rule, and says so.
"""

from __future__ import annotations

import datetime as dt

from metrics.deadline_rules import load_rules, no_rule_message
from metrics.rule_wording import wording_in_period
from metrics.targets import targets_year_used
from ui import kpi_view
from ui.i18n import Lang


def rule_metric_ids() -> tuple[str, ...]:
    """The metrics whose rule comes from the rules table."""
    return tuple(dict.fromkeys(r.metric_id for r in load_rules()))


def rule_line(metric_id: str, start: dt.date, end: dt.date, lang: Lang) -> str | None:
    """The rule of ``metric_id`` in the period in words, or why none is in force."""
    words = wording_in_period(metric_id, start, end) or no_rule_message(metric_id, start, end)
    if words is None:
        return None
    return words[0] if lang == "fi" else words[1]


def for_period(start: dt.date, end: dt.date, as_of: dt.date, lang: Lang) -> dict[str, str]:
    """The indicator line of every metric that has one, keyed by metric id: the targets file
    of the year the period ``[start, end]`` uses, the rules of the days counted (up to
    ``E = min(end, as_of)``)."""
    out = dict(kpi_view.plan_indicators(targets_year_used(end))) if lang == "fi" else {}
    for metric_id in rule_metric_ids():
        line = rule_line(metric_id, start, min(end, as_of), lang)
        if line is not None:
            out[metric_id] = line
        else:
            out.pop(metric_id, None)
    return out
