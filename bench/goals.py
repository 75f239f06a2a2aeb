"""The goals of issues 6, 11, 13 and 14 (2-core, 24 GiB machine) and the table bench/run prints."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from bench.capacity import GOAL_P95_S, HERD_GOAL_P95_S
from bench.one_browser import CASES

AREA = 20_000
NATIONAL = 600_000
GIB = 1024**3
# bench/capacity.py's runs in bench/run (its defaults): (key, label, goal p95)
CAPACITY_RUNS = (
    ("meeting_25", "25 sessions arriving within a minute", GOAL_P95_S),
    ("meeting_100", "100 sessions arriving within a minute", GOAL_P95_S),
    ("herd_100", "herd: 100 sessions at one instant", HERD_GOAL_P95_S),
)


@dataclass(frozen=True)
class Goal:
    key: str  # the measurement's key in a size's results
    size: int | None  # the size it applies to (None: every size)
    limit: float
    text: str
    higher_is_better: bool = False

    def holds(self, value: float) -> bool:
        return value >= self.limit if self.higher_is_better else value < self.limit


GOALS: tuple[Goal, ...] = (
    Goal("load_s", NATIONAL, 60, "< 60 s"),
    Goal("load_peak_bytes", NATIONAL, 4 * GIB, "< 4 GiB"),
    Goal("kpi_s", NATIONAL, 10, "< 10 s"),
    Goal("kpi_s", AREA, 1, "< 1 s"),
    Goal("pandas_ratio", NATIONAL, 10, "≥ 10×", higher_is_better=True),
    # issue 13: the pandas baseline agrees cell by cell; issue 14: the Finances page
    Goal("crosscheck_differences", None, 1, "= 0"),
    Goal("finance_s", NATIONAL, 2, "< 2 s"),
    # issue 11: the server's capacity (bench/capacity.py), one browser (bench/one_browser.py)
    *(Goal(f"capacity_{k}_p95_s", AREA, g, f"< {g:g} s") for k, _, g in CAPACITY_RUNS),
    *(Goal(f"capacity_{k}_failed", AREA, 1, "= 0") for k, _, _ in CAPACITY_RUNS),
    *(Goal(f"browser_{k}_ratio", AREA, a, f"< {a:g}×") for k, _, a in CASES if a is not None),
)

ROWS: tuple[tuple[str, str], ...] = (
    ("generate_s", "generate the exports (once, cached)"),
    ("load_s", "load: python -m pipelines load (wall)"),
    ("load_inner_s", "load: as the loader records it"),
    ("bare_read_s", "floor: bare polars read of the CSVs"),
    ("load_vs_bare_ratio", "load / bare read"),
    ("load_peak_bytes", "load: peak memory"),
    ("load_rows_per_s", "load: rows/s"),
    ("kpi_s", "KPI table, a year, all levels"),
    ("kpi_first_s", "KPI table: first call in a new process"),
    ("kpi_cpu_s", "KPI table: CPU time (all threads)"),
    ("kpi_peak_bytes", "KPI table: peak memory of the process"),
    ("series_s", "weekly series of every metric, a year"),
    ("kpi_and_series_s", "KPI table + weekly series"),
    ("ledger_rows", "cost ledger (kustannukset): rows"),
    ("finance_s", "Finances page: cost report + its tables"),
    ("finance_cpu_s", "Finances page: CPU time (all threads)"),
    ("finance_peak_bytes", "Finances page: peak memory of the process"),
    *(
        row
        for k, label, _ in CAPACITY_RUNS
        for row in (
            (f"capacity_{k}_p95_s", f"server: {label}: p95 page time"),
            (f"capacity_{k}_failed", f"server: {label}: failed pages"),
            (f"capacity_{k}_cpu_ms", f"server: {label}: server CPU a page (ms)"),
        )
    ),
    *(
        row
        for k, what, _ in CASES
        for row in (
            (f"browser_{k}_s", f"one browser: {what}"),
            (f"browser_{k}_floor_s", f"one browser: {what}, empty app"),
            (f"browser_{k}_ratio", f"one browser: {what}, ratio to the empty app"),
        )
    ),
    ("pandas_s", "pandas way: read CSVs + KPI table"),
    ("pandas_cpu_s", "pandas way: CPU time"),
    ("pandas_peak_bytes", "pandas way: peak memory"),
    ("pandas_ratio", "pandas way / KPI table (× faster)"),
    ("pandas_vs_load_ratio", "pandas way / (load + KPI table)"),
    ("crosscheck_differences", "pandas vs engine: cells that differ"),
)


def med(values: list[float]) -> float:
    return float(median(values))


def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key.endswith("_bytes"):
        return f"{value / GIB:.2f} GiB" if value >= GIB / 4 else f"{value / 1024**2:.0f} MiB"
    if key.endswith("ratio"):
        return f"{value:.2f}×"
    if key.endswith(("differences", "_failed", "_rows")):
        return str(value)
    if key.endswith("_ms"):
        return f"{value:.0f}"
    if key.endswith("rows_per_s"):
        return f"{value:,.0f}"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def _verdict(key: str, size: int, value: Any) -> str:
    marks = []
    for goal in GOALS:
        if goal.key == key and goal.size in (None, size) and value is not None:
            marks.append(("ok " if goal.holds(value) else "MISS ") + goal.text)
    return "; ".join(marks)


def render(results: dict[int, dict[str, Any]]) -> str:
    """The printed table: one column per size, a goal column per size where a goal applies."""
    sizes = sorted(results)
    head = ["measurement"] + [f"{s:,} clients".replace(",", " ") for s in sizes] + ["goals"]
    lines = []
    for key, label in ROWS:
        if all(results[s].get(key) is None for s in sizes):
            continue
        cells = [label] + [_fmt(key, results[s].get(key)) for s in sizes]
        verdicts = [
            f"{s // 1000}k: {v}" for s in sizes if (v := _verdict(key, s, results[s].get(key)))
        ]
        lines.append([*cells, "; ".join(verdicts)])
    widths = [max(len(r[i]) for r in [head, *lines]) for i in range(len(head))]
    out = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in lines]
    return "\n".join(out)
