"""metrics.digest_plain: the Monday e-mail's plain-text part on a hand-made digest: the targets
off and at risk first, status changes in a week, every metric, hidden figures as ``<5``, and
the note that the change in a week is given only for figures not about people."""

from __future__ import annotations

from datetime import date

import polars as pl

from metrics.digest_data import Digest, MetricLine
from metrics.digest_plain import render_text
from metrics.privacy import SUPPRESSED

SHARE = "initial_interviews_face_to_face"
COUNT = "employer_contacts"


def _row(metric_id: str, value: float | None, status: str | None, hidden: bool = False) -> dict:
    return {"metric_id": metric_id, "value": value, "status": status, "target_op": ">=",
            "target_value": 0.75, "pending": None, SUPPRESSED: hidden}  # fmt: skip


def _digest(week_ago_end: date | None) -> Digest:
    lines = (
        MetricLine(SHARE, _row(SHARE, None, None, hidden=True), None),
        MetricLine(COUNT, _row(COUNT, 2000.0, "off"),
                   _row(COUNT, 1900.0, "risk") if week_ago_end else None),
    )  # fmt: skip
    return Digest(date(2025, 3, 31), date(2025, 1, 1), date(2025, 3, 31), week_ago_end, None,
                  lines, pl.DataFrame(), pl.DataFrame())  # fmt: skip


def test_the_plain_text_part() -> None:
    text = render_text(_digest(date(2025, 3, 24)), "en", "https://kpi.example/", attached=True)
    lines = text.splitlines()
    assert lines[0].startswith("KPI summary 31 Mar 2025: 1 off target, 0 at risk")
    assert "Open the dashboard: https://kpi.example/" in text
    attention = lines.index("Off target and at risk:")
    assert lines[attention + 1].startswith("- Employer contacts: 2,000")
    assert "change in a week +100" in text  # a count not about people is compared
    assert "- Initial interviews held face-to-face: <5" in text  # hidden, and not compared
    assert "- Employer contacts: ▲ At risk → ✖ Off target" in text
    assert "only for figures not about people" in text
    assert "Attached: the board report" in text and text.endswith("\n")


def test_the_first_week_of_the_year_has_no_comparison() -> None:
    text = render_text(_digest(None), "fi", "https://kpi.example/", attached=False)
    assert "Vertailua viikon takaiseen ei ole" in text
    assert "Liitteenä" not in text and "henkilöitä" not in text
