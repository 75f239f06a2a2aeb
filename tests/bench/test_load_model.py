"""The pure parts of the sessions benchmark (issue 5): the load model's schedule, the 95th
percentile, the summary a run is judged by, the rows bench/run prints."""

from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.goals import AREA, render
from bench.load_model import LoadModel, p95, peak_overlap, schedule, summarize
from bench.protocol import is_run_end
from bench.session_runs import VARIANTS, chosen, store

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


def test_summary_holds_when_all_succeed_under_3_s() -> None:
    rows = [_row(PAGES[i % 3], 0.5 + i / 100, start=i) for i in range(30)]
    s = summarize(rows, PAGES)
    assert (s["pages"], s["failed"]) == (30, 0)
    assert s["median_s"] == pytest.approx(0.645)
    assert s["max_s"] == pytest.approx(0.79)
    assert s["goal_holds"] is True
    assert s["per_page"]["goal_a"]["failed"] == 0
    assert s["peak_concurrent_pages"] == 1


def test_summary_fails_on_a_failed_page_or_a_slow_p95() -> None:
    rows = [_row("overview", 1.0) for _ in range(19)]
    failed = summarize([*rows, _row("goal_a", 120.0, ok=False)], PAGES)
    assert failed["failed"] == 1 and failed["per_page"]["goal_a"]["failed"] == 1
    assert failed["p95_s"] == 1.0  # a failed page's time is not in the times
    assert failed["goal_holds"] is False
    slow = summarize([*rows, _row("goal_a", 9.0), _row("goal_b", 9.0)], PAGES)
    assert slow["p95_s"] > 3 and slow["goal_holds"] is False
    assert summarize([], PAGES)["goal_holds"] is False


def test_run_end_is_a_finished_script_not_one_cut_short() -> None:
    done = ForwardMsg()
    done.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    early = ForwardMsg()
    early.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
    assert is_run_end(done.SerializeToString())
    assert not is_run_end(early.SerializeToString())
    assert not is_run_end("text frame")
    assert not is_run_end(b"\xff\xfe not a protobuf")


def test_quick_runs_keep_the_headline_and_leave_out_slow_browser_modes() -> None:
    quick = [v.key for v in chosen(quick=True, browser=True)]
    assert quick[0] == "sessions_browser"
    assert "sessions_browser_herd" not in quick and "sessions_protocol_herd" in quick
    assert "sessions_browser_first" not in quick
    assert {v.key for v in chosen(quick=False, browser=True)} == {v.key for v in VARIANTS}
    assert all(not v.browser for v in chosen(quick=False, browser=False))


def test_the_table_marks_the_sessions_goal() -> None:
    r: dict[str, object] = {}
    store(r, VARIANTS[0], {"p95_s": 4.2, "failed": 0, "median_s": 1.0})
    store(r, VARIANTS[3], {"p95_s": 0.2, "failed": 2})
    lines = render({AREA: r}).splitlines()
    browser = next(line for line in lines if line.startswith(f"{VARIANTS[0].label}: p95"))
    protocol_failed = next(
        line for line in lines if line.startswith(f"{VARIANTS[3].label}: failed")
    )
    assert "4.200 s" in browser and "MISS < 3 s" in browser
    assert "MISS = 0" in protocol_failed


def test_a_run_of_another_app_is_named_after_it() -> None:
    from bench.sessions import parse, variant

    assert variant(parse([])) == "browser-link"
    floor = parse(["--script", "bench/floor_meeting_app.py", "--herd"])
    assert variant(floor) == "browser-link-herd-floor_meeting_app"


def test_a_person_is_the_sum_of_the_pages_medians() -> None:
    from bench.person_cpu import medians

    rounds = [
        {"overview": 1.0, "goal_lahipalvelut": 0.6, "goal_kohtaanto": 0.3},
        {"overview": 1.4, "goal_lahipalvelut": 0.7, "goal_kohtaanto": 0.5},
        {"overview": 1.2, "goal_lahipalvelut": 0.9, "goal_kohtaanto": 0.4},
    ]
    assert medians(rounds) == {
        "overview": 1.2,
        "goal_lahipalvelut": 0.7,
        "goal_kohtaanto": 0.4,
        "person": 2.3,
    }
