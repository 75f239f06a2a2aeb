"""The pure parts of the capacity benchmark: the load model's schedule, the 95th percentile,
the summary a run is judged by, the protocol client's chart count, the command's options."""

from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.capacity import GOAL_P95_S, HERD_GOAL_P95_S, models, parse, table
from bench.load_model import LoadModel, p95, peak_overlap, schedule, summarize
from bench.protocol import chart_count, is_run_end

PAGES = ("overview", "goal_a", "goal_b")


def test_default_model_is_the_documented_one() -> None:
    model = LoadModel()
    assert (model.sessions, model.arrival_s, model.think_s) == (25, 60.0, (5.0, 15.0))
    assert not model.herd
    assert "within 60 s" in model.describe()


def test_random_arrivals_fall_in_the_window_and_repeat_with_the_seed() -> None:
    model = LoadModel(sessions=25, arrival_s=30, think_s=(5, 15), seed=7)
    plans = schedule(model, pages=3)
    assert [p.session for p in plans] == list(range(25))
    assert all(0 <= p.arrive_s <= 30 for p in plans)
    assert [p.arrive_s for p in plans] == sorted(p.arrive_s for p in plans)
    assert all(len(p.thinks_s) == 2 and all(5 <= t <= 15 for t in p.thinks_s) for p in plans)
    assert schedule(model, pages=3) == plans
    assert schedule(LoadModel(sessions=25, arrival_s=30, seed=8), pages=3) != plans


def test_even_spacing_spreads_arrivals_over_the_window() -> None:
    plans = schedule(LoadModel(sessions=4, arrival_s=60, spacing="even"), pages=3)
    assert [p.arrive_s for p in plans] == [0, 15, 30, 45]


def test_herd_is_everybody_at_once_without_reading() -> None:
    plans = schedule(LoadModel(sessions=3, arrival_s=60, herd=True), pages=3)
    assert {p.arrive_s for p in plans} == {0.0}
    assert {t for p in plans for t in p.thinks_s} == {0.0}
    assert "herd" in LoadModel(herd=True).describe()


@pytest.mark.parametrize(
    "model",
    [{"sessions": 0}, {"arrival_s": -1}, {"think_s": (10, 5)}, {"think_s": (-1, 5)}],
)
def test_an_impossible_model_is_refused(model: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="impossible load model"):
        LoadModel(**model)  # type: ignore[arg-type]


def test_p95_interpolates_between_ranks() -> None:
    assert p95([float(v) for v in range(1, 21)]) == pytest.approx(19.05)
    assert p95([2.0]) == 2.0
    assert p95([1.0, 3.0]) == pytest.approx(2.9)
    with pytest.raises(ValueError):
        p95([])


def test_peak_overlap_counts_loads_in_progress_together() -> None:
    assert peak_overlap([(0, 2), (1, 3), (2.5, 4)]) == 2
    assert peak_overlap([(0, 1), (1, 2)]) == 1  # one ends as the next starts
    assert peak_overlap([]) == 0


def _row(page: str, seconds: float, ok: bool = True, start: float = 0.0) -> dict[str, object]:
    return {"page": page, "seconds": seconds, "ok": ok, "start_s": start}


def test_summary_holds_when_all_succeed_under_the_goal() -> None:
    rows = [_row(PAGES[i % 3], 0.5 + i / 100, start=i) for i in range(30)]
    s = summarize(rows, PAGES, goal_p95_s=1.0)
    assert (s["pages"], s["failed"]) == (30, 0)
    assert s["median_s"] == pytest.approx(0.645)
    assert s["max_s"] == pytest.approx(0.79)
    assert s["goal_holds"] is True and s["goal_p95_s"] == 1.0
    assert s["per_page"]["goal_a"]["failed"] == 0
    assert s["peak_concurrent_pages"] == 1
    assert summarize(rows, PAGES, goal_p95_s=0.7)["goal_holds"] is False


def test_summary_fails_on_a_failed_page_or_a_slow_p95() -> None:
    rows = [_row("overview", 0.5) for _ in range(19)]
    failed = summarize([*rows, _row("goal_a", 60.0, ok=False)], PAGES, goal_p95_s=1.0)
    assert failed["failed"] == 1 and failed["per_page"]["goal_a"]["failed"] == 1
    assert failed["p95_s"] == 0.5  # a failed page's time is not in the times
    assert failed["goal_holds"] is False
    slow = summarize([*rows, _row("goal_a", 9.0), _row("goal_b", 9.0)], PAGES, goal_p95_s=1.0)
    assert slow["p95_s"] > 1 and slow["goal_holds"] is False
    assert summarize([], PAGES, goal_p95_s=1.0)["goal_holds"] is False


def test_run_end_is_a_finished_script_not_one_cut_short() -> None:
    done = ForwardMsg()
    done.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    early = ForwardMsg()
    early.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
    assert is_run_end(done.SerializeToString())
    assert not is_run_end(early.SerializeToString())
    assert not is_run_end("text frame")
    assert not is_run_end(b"\xff\xfe not a protobuf")


def _element(kind: str, body: str = "") -> ForwardMsg:
    fwd = ForwardMsg()
    element = fwd.delta.new_element
    if kind == "plotly_chart":
        element.plotly_chart.spec = "{}"
    elif kind == "html":
        element.html.body = body
    elif kind == "markdown":
        element.markdown.body = body
    return fwd


def test_charts_are_counted_whichever_way_they_are_drawn() -> None:
    picture = '<img class="kpi-chart" src="data:image/svg+xml;base64,AA">'
    assert chart_count(_element("plotly_chart")) == 1
    assert chart_count(_element("html", picture * 2)) == 2
    assert chart_count(_element("markdown", "a text without a chart")) == 0
    finished = ForwardMsg()
    finished.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    assert chart_count(finished) == 0


def test_the_command_runs_the_meetings_then_the_herd() -> None:
    args = parse(["--sessions", "25,100", "--herd", "100", "--arrival", "30"])
    runs = models(args)
    assert [key for key, _, _ in runs] == ["meeting_25", "meeting_100", "herd_100"]
    assert [goal for _, _, goal in runs] == [GOAL_P95_S, GOAL_P95_S, HERD_GOAL_P95_S]
    assert runs[1][1].sessions == 100 and runs[1][1].arrival_s == 30
    assert runs[2][1].herd
    assert [key for key, _, _ in models(parse(["--sessions", "3", "--herd", "0"]))] == ["meeting_3"]


def test_the_table_marks_a_missed_goal() -> None:
    base = {"pages": 300, "median_s": 2.0, "max_s": 7.0, "server_cpu_ms_per_page": 33.0}
    herd = {**base, "model": "herd", "failed": 0, "p95_s": 5.5, "goal_p95_s": 3.0}
    meeting = {**base, "model": "meeting", "failed": 0, "p95_s": 0.3, "goal_p95_s": 1.0}
    lines = table([{**meeting, "goal_holds": True}, {**herd, "goal_holds": False}]).splitlines()
    assert lines[2].startswith("| meeting | 300 | 0 | 2.00 s | 0.30 s | 7.00 s | 33 ms |")
    assert lines[2].endswith("| met |") and lines[3].endswith("| NOT MET |")
