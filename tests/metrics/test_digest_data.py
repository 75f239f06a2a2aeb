"""metrics.digest_data: what the Monday e-mail says, on hand-made lines: which metrics are
compared with a week earlier (only those not about people), a line's change and status
change, and the order of the targets that need attention."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from metrics.digest_data import Digest, MetricLine, compared_ids
from metrics.privacy import SUPPRESSED, basis_of
from metrics.registry import REGISTRY


def test_only_figures_not_about_people_are_compared() -> None:
    ids = compared_ids()
    assert ids and all(basis_of(i) == "none" for i in ids)
    assert {m.id for m in REGISTRY if m.privacy == "none"} == set(ids)
    assert "initial_interviews_face_to_face" not in ids


def _row(metric_id: str, value: float | None, status: str | None, hidden: bool = False) -> dict:
    return {"metric_id": metric_id, "value": value, "status": status, SUPPRESSED: hidden}


def test_a_line_compares_only_what_both_weeks_show() -> None:
    now, week = _row("employer_contacts", 120.0, "ok"), _row("employer_contacts", 100.0, "risk")
    line = MetricLine("employer_contacts", now, week)
    assert line.change == pytest.approx(20.0) and line.status_changed
    assert line.status == "ok" and line.status_before == "risk"
    assert MetricLine("employer_contacts", now, {**week, SUPPRESSED: True}).change is None
    assert MetricLine("employer_contacts", {**now, "value": None}, week).change is None
    no_week = MetricLine("employer_contacts", now, None)
    assert no_week.change is None and not no_week.status_changed and no_week.status_before is None


def test_attention_lists_off_then_at_risk_in_registry_order() -> None:
    statuses = ["risk", "off", "ok", None, "off", "risk"]
    ids = [m.id for m in REGISTRY][: len(statuses)]
    lines = tuple(MetricLine(i, _row(i, 1.0, s), None) for i, s in zip(ids, statuses, strict=True))
    d = Digest(date(2025, 3, 31), date(2025, 1, 1), date(2025, 3, 31), None, None, lines,
               pl.DataFrame(), pl.DataFrame())  # fmt: skip
    assert [line.metric_id for line in d.attention()] == [ids[1], ids[4], ids[0], ids[5]]
    assert (d.count("off"), d.count("risk"), d.count("ok")) == (2, 2, 1)
    assert d.changed() == []
