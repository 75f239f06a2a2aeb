"""The load model of the capacity benchmark (bench/capacity.py): who arrives when, how long
each reads a page, and the figures a run is judged by. Pure functions, no server (tests/bench).

A board meeting plus staff: ``sessions`` people open the dashboard near the start of the
meeting, each at a moment within the first ``arrival_s`` seconds (seeded uniform random, or
evenly spaced), then read each page for a think time drawn uniformly from
``think_s = (low, high)`` before going to the next. Every session stays open until the last
one has seen its last page, so all of them are connected to the server at once (as in a
meeting, where nobody closes the tab). ``herd`` is the worst case: everybody at the same
instant and no reading at all between pages.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class LoadModel:
    sessions: int = 25
    arrival_s: float = 60.0  # people arrive within the first minute of the meeting
    think_s: tuple[float, float] = (5.0, 15.0)  # reading a page before the next one
    spacing: Literal["random", "even"] = "random"
    seed: int = 1
    herd: bool = False  # the worst case: all at t = 0, no think time

    def __post_init__(self) -> None:
        low, high = self.think_s
        if self.sessions < 1 or self.arrival_s < 0 or low < 0 or high < low:
            raise ValueError(f"impossible load model: {self}")

    def describe(self) -> str:
        if self.herd:
            return f"{self.sessions} sessions, all at the same instant, no think time (herd)"
        low, high = self.think_s
        return (
            f"{self.sessions} sessions arriving within {self.arrival_s:g} s ({self.spacing}, "
            f"seed {self.seed}), {low:g}–{high:g} s reading each page"
        )


@dataclass(frozen=True)
class Plan:
    """One person's visit: when they arrive, and how long they read before each next page."""

    session: int
    arrive_s: float
    thinks_s: tuple[float, ...]  # one per page after the first


def schedule(model: LoadModel, pages: int) -> list[Plan]:
    """Each session's arrival (seconds after the start) and think times, ordered by session."""
    if model.herd:
        return [Plan(i, 0.0, (0.0,) * (pages - 1)) for i in range(model.sessions)]
    rng = random.Random(model.seed)
    if model.spacing == "even":
        step = model.arrival_s / model.sessions
        arrivals = [i * step for i in range(model.sessions)]
    else:
        arrivals = sorted(rng.uniform(0, model.arrival_s) for _ in range(model.sessions))
    low, high = model.think_s
    return [
        Plan(i, arrive, tuple(rng.uniform(low, high) for _ in range(pages - 1)))
        for i, arrive in enumerate(arrivals)
    ]


def p95(values: Sequence[float]) -> float:
    """The 95th percentile, linear between the closest ranks (numpy's default)."""
    if not values:
        raise ValueError("p95 of no values")
    if len(values) == 1:
        return float(values[0])
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def peak_overlap(spans: Sequence[tuple[float, float]]) -> int:
    """The largest number of (start, end) intervals in progress at the same moment."""
    events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    now = peak = 0
    for _, step in events:  # an end sorts before a start at the same instant
        now += step
        peak = max(peak, now)
    return peak


def summarize(
    rows: Sequence[dict[str, Any]], pages: Sequence[str], goal_p95_s: float
) -> dict[str, Any]:
    """Figures of a run from its rows ({"page", "ok", "seconds", "start_s"}): pages, failures,
    median / p95 / max of the successful pages' times, per page too, whether the goal holds
    (every page succeeded and p95 < ``goal_p95_s``), and how many page loads ran at once at
    most."""
    times = [float(r["seconds"]) for r in rows if r["ok"]]
    failed = sum(1 for r in rows if not r["ok"])
    out: dict[str, Any] = {
        "pages": len(rows),
        "failed": failed,
        "median_s": statistics.median(times) if times else None,
        "p95_s": p95(times) if times else None,
        "max_s": max(times) if times else None,
        "peak_concurrent_pages": peak_overlap(
            [(r["start_s"], r["start_s"] + r["seconds"]) for r in rows if "start_s" in r]
        ),
        "per_page": {},
    }
    for name in pages:
        own = [float(r["seconds"]) for r in rows if r["ok"] and r["page"] == name]
        out["per_page"][name] = {
            "median_s": statistics.median(own) if own else None,
            "p95_s": p95(own) if own else None,
            "failed": sum(1 for r in rows if not r["ok"] and r["page"] == name),
        }
    out["goal_p95_s"] = goal_p95_s
    out["goal_holds"] = bool(rows) and failed == 0 and out["p95_s"] < goal_p95_s
    return out
