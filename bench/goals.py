"""The goals of issue 6 (2-core, 24 GiB machine) and the table bench/run prints."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from bench.session_runs import GOAL_TEXT, VARIANTS, table_rows

AREA = 20_000
NATIONAL = 600_000
GIB = 1024**3


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
    Goal("page_overview_warm_s", AREA, 1, "< 1 s"),
    Goal("page_overview_cold_s", AREA, 3, "< 3 s"),
    Goal("page_goal_warm_s", AREA, 1, "< 1 s"),
    Goal("page_goal_cold_s", AREA, 3, "< 3 s"),
    Goal("pandas_ratio", NATIONAL, 10, "≥ 10×", higher_is_better=True),
    # issue 5: 25 sessions, every page succeeds and p95 < 3 s (bench/session_runs.py)
    *(Goal(f"{v.key}_p95_s", AREA, 3, GOAL_TEXT) for v in VARIANTS),
    *(Goal(f"{v.key}_failed", AREA, 1, "= 0") for v in VARIANTS),
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
    ("page_overview_cold_s", "overview page, cold"),
    ("page_overview_warm_s", "overview page, warm"),
    ("page_goal_cold_s", "goal page, cold"),
    ("page_goal_warm_s", "goal page, warm"),
    ("page_floor_cold_s", "Streamlit's floor (empty page), cold"),
    ("page_floor_warm_s", "Streamlit's floor (empty page), warm"),
    ("page_overview_cold_compiled_s", "overview page, cold, bytecode compiled"),
    ("page_goal_cold_compiled_s", "goal page, cold, bytecode compiled"),
    ("pandas_s", "pandas way: read CSVs + KPI table"),
    ("pandas_cpu_s", "pandas way: CPU time"),
    ("pandas_peak_bytes", "pandas way: peak memory"),
    ("pandas_ratio", "pandas way / KPI table (× faster)"),
    ("pandas_vs_load_ratio", "pandas way / (load + KPI table)"),
    ("crosscheck_differences", "pandas vs engine: cells that differ"),
    *table_rows(),
)


def med(values: list[float]) -> float:
    return float(median(values))


def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key.endswith("_bytes"):
        return f"{value / GIB:.2f} GiB" if value >= GIB / 4 else f"{value / 1024**2:.0f} MiB"
    if key.endswith("ratio"):
        return f"{value:.1f}×"
    if key.endswith(("differences", "_failed")):
        return str(value)
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
