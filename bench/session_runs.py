"""The sessions step of bench/run: the 25-session benchmark (bench/sessions.py) in each of
its modes, one child process each, with the figures stored under the size's results.

The headline is ``sessions_browser``: 25 chromium sessions on the same machine under the
default load model (arrival within 60 s, 5–15 s reading each page, goal pages by sidebar
link, browsers that have seen the dashboard before). ``sessions_protocol`` is the server's
side alone under the same model, and the herds are the worst cases (the browser herd is the
old benchmark: first visits, every page by URL, all at once). ``--quick`` runs the headline
and the two protocol modes (which cost the machine almost nothing); a full run adds first
visits, full reloads and the browser herd.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.child import run_child
from bench.load_model import GOAL_P95_S


@dataclass(frozen=True)
class Variant:
    key: str  # prefix of the keys in a size's results
    label: str  # the row's label in the printed table
    args: tuple[str, ...]  # arguments of python -m bench.sessions
    browser: bool
    quick: bool  # part of bench/run --quick


VARIANTS: tuple[Variant, ...] = (
    Variant(
        "sessions_browser",
        "25 sessions, chromium, sidebar links",
        ("--client", "browser", "--navigation", "link"),
        browser=True,
        quick=True,
    ),
    Variant(
        "sessions_browser_first",
        "25 sessions, chromium, first visit, sidebar links",
        ("--client", "browser", "--navigation", "link", "--first-visit"),
        browser=True,
        quick=False,
    ),
    Variant(
        "sessions_browser_goto",
        "25 sessions, chromium, URL per page",
        ("--client", "browser", "--navigation", "goto"),
        browser=True,
        quick=False,
    ),
    Variant(
        "sessions_browser_herd",
        "25 sessions, chromium, herd (worst case)",
        ("--client", "browser", "--navigation", "goto", "--first-visit", "--herd"),
        browser=True,
        quick=False,
    ),
    Variant(
        "sessions_protocol",
        "25 sessions, server only (no browser)",
        ("--client", "protocol", "--navigation", "link"),
        browser=False,
        quick=True,
    ),
    Variant(
        "sessions_protocol_herd",
        "25 sessions, server only, herd",
        ("--client", "protocol", "--navigation", "link", "--herd"),
        browser=False,
        quick=True,
    ),
)
FIGURES = ("median_s", "p95_s", "max_s", "failed", "pages", "loadavg_max", "goal_holds")


def chosen(quick: bool, browser: bool) -> list[Variant]:
    """The modes a run measures: ``quick`` leaves out the slow browser modes, ``browser``
    False (bench/run --no-browser) every browser mode."""
    return [v for v in VARIANTS if (v.quick or not quick) and (browser or not v.browser)]


def store(r: dict[str, Any], variant: Variant, summary: dict[str, Any]) -> None:
    """The variant's figures as flat keys of the size's results, and its whole summary."""
    for figure in FIGURES:
        r[f"{variant.key}_{figure}"] = summary.get(figure)
    r[f"{variant.key}_summary"] = summary


def measure(r: dict[str, Any], variant: Variant, clients: int) -> None:
    """Runs one mode in a child process and stores its figures in ``r``."""
    run = run_child(
        ["-m", "bench.sessions", *variant.args, "--clients", str(clients), "--out", "{json}"]
    )
    store(r, variant, run.result)


def table_rows() -> tuple[tuple[str, str], ...]:
    """(key, label) rows for bench.goals: each mode's p95 and its failed pages."""
    rows: list[tuple[str, str]] = []
    for v in VARIANTS:
        rows.append((f"{v.key}_p95_s", f"{v.label}: p95 page time"))
        rows.append((f"{v.key}_failed", f"{v.label}: failed pages"))
    return tuple(rows)


GOAL_TEXT = f"< {GOAL_P95_S:g} s"
