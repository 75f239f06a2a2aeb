"""What the dated rules of reference/maaraajat.csv (metrics.deadline_rules) tell the pages:
when a metric's series ends, and on which days within a period a rule changes.

The dates are read from the reference file, never written into the code: a later amendment is
a new row there, and the pages follow it.
"""

from __future__ import annotations

import datetime as dt

from metrics.deadline_rules import OPEN_END, load_rules


def series_end(metric_id: str) -> dt.date | None:
    """The last day any rule of ``metric_id`` is in force; None when the metric has no dated
    rule or one is in force until further notice."""
    ends = [r.voimassa_asti for r in load_rules() if r.metric_id == metric_id]
    if not ends or OPEN_END in ends:
        return None
    return max(ends)


def rule_changes(metric_ids: tuple[str, ...], start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """The days in ``(start, end]`` on which a rule of one of ``metric_ids`` follows an earlier
    rule of the same metric (a period that spans the change judges each case by its own rule)."""
    rules = [r for r in load_rules() if r.metric_id in metric_ids]
    firsts = {
        m: min(r.voimassa_alkaen for r in rules if r.metric_id == m)
        for m in {r.metric_id for r in rules}
    }
    days = {
        r.voimassa_alkaen
        for r in rules
        if r.voimassa_alkaen != firsts[r.metric_id] and start < r.voimassa_alkaen <= end
    }
    return tuple(sorted(days))
