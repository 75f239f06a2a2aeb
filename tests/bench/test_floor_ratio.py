"""bench.floor_ratio: the dashboard's meetings compared with Streamlit's floor in one run."""

from __future__ import annotations

from typing import Any

import pytest

from bench.floor_ratio import DASHBOARD, FLOOR, compare, table


def meeting(script: str, p95: float, overview: float, cpu: float, holds: bool) -> dict[str, Any]:
    return {
        "script": script,
        "p95_s": p95,
        "median_s": p95 / 3,
        "per_page": {"overview": {"p95_s": overview}},
        "browsers_cpu_s": cpu,
        "server_cpu_s": 4.0 if script == DASHBOARD else 1.0,
        "goal_holds": holds,
    }


def test_medians_per_app_and_the_ratio_of_the_medians() -> None:
    meetings = [
        meeting(DASHBOARD, 5.0, 6.0, 110, False),
        meeting(FLOOR, 2.5, 3.0, 80, True),
        meeting(DASHBOARD, 3.0, 4.0, 100, False),
        meeting(FLOOR, 2.0, 2.5, 75, True),
        meeting(DASHBOARD, 2.9, 3.5, 90, True),
        meeting(FLOOR, 3.2, 3.4, 85, False),
    ]
    result = compare(meetings)
    assert result["dashboard"]["p95_s"] == 3.0 and result["floor"]["p95_s"] == 2.5
    assert result["dashboard"]["overview_p95_s"] == 4.0
    assert result["dashboard"]["goal_held"] == 1 and result["floor"]["goal_held"] == 2
    assert result["dashboard"]["meetings"] == 3
    assert result["ratio"]["p95_s"] == pytest.approx(1.2)
    assert result["ratio"]["browsers_cpu_s"] == pytest.approx(100 / 80)
    text = table(result)
    assert "| dashboard (median of 3) | 3.00 s |" in text
    assert "| dashboard / floor | 1.20 |" in text
    assert "1 of 3" in text and "2 of 3" in text


def test_a_run_without_the_floor_is_refused() -> None:
    with pytest.raises(ValueError, match="floor_meeting_app"):
        compare([meeting(DASHBOARD, 5.0, 6.0, 110, False)])
