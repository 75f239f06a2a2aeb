"""A measured meeting: sessions visit the dashboard's pages at their planned times, and every
session stays open until all have seen their pages (bench/sessions.py drives it)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench import procstat
from bench.load_model import Plan

# A goal page's key content is its charts: the dashboard's Plotly charts (ui/charts.py), or
# the chart the floor app (bench/floor_meeting_app.py) draws in the browser.
CHART = '[data-testid="stPlotlyChart"] .main-svg, [data-testid="stVegaLiteChart"]'
# (name, URL path, selector that matches once the page has rendered)
PAGES = (
    ("overview", "/", "h1"),
    ("goal_lahipalvelut", "/lahipalvelut", CHART),
    ("goal_kohtaanto", "/kohtaanto", CHART),
)
PAGE_NAMES = tuple(name for name, _, _ in PAGES)
# (page index, URL path, ready selector) -> (ok, error)
OpenPage = Callable[[int, str, str], Awaitable[tuple[bool, str | None]]]


def cpu_snapshot() -> dict[str, float]:
    """CPU seconds so far of the dashboard server (the ``streamlit run`` child and below),
    of the clients (this process and every other child: Playwright, chromium), of the
    browsers alone (chromium's processes: what people's own computers would do) and of the
    whole machine (every process, the other developers' too)."""
    tree = procstat.children_map()
    mine = procstat.descendants(os.getpid(), tree)
    servers = [p for p in mine if "streamlit run" in procstat.command_line(p)]
    server = set(servers) | {d for p in servers for d in procstat.descendants(p, tree)}
    own = resource.getrusage(resource.RUSAGE_SELF)
    clients = [p for p in mine if p not in server]
    browsers = [p for p in clients if "chromium" in procstat.command_line(p)]
    return {
        "server": procstat.cpu_seconds(server),
        "clients": procstat.cpu_seconds(clients) + own.ru_utime + own.ru_stime,
        "browsers": procstat.cpu_seconds(browsers),
        "machine": procstat.machine_busy_seconds(),
    }


class Meeting:
    """One measured run: its clock, its rows, the sessions open, the CPU time used.

    A session reports ``pages_seen`` after its last page and then waits for ``all_seen``:
    nobody leaves before everybody has seen their pages, so all sessions are connected to
    the server at once. The CPU time is read at that moment, while every session is still
    open (a closed browser context takes its renderer's CPU time with it)."""

    def __init__(self, sessions: int) -> None:
        self.rows: list[dict[str, Any]] = []
        self.pending = sessions
        self.open = self.peak_open = 0
        self.all_seen = asyncio.Event()
        self.load_samples: list[float] = []
        self.used: dict[str, float] = {}
        self._before = cpu_snapshot()
        self.t0 = time.perf_counter()

    def now(self) -> float:
        return time.perf_counter() - self.t0

    async def until(self, at_s: float) -> None:
        await asyncio.sleep(max(0.0, at_s - self.now()))

    def opened(self) -> None:
        self.open += 1
        self.peak_open = max(self.peak_open, self.open)

    def closed(self) -> None:
        self.open -= 1

    def pages_seen(self) -> None:
        self.pending -= 1
        if self.pending == 0:
            after = cpu_snapshot()
            used = {k: after[k] - self._before[k] for k in after}
            self.used = {f"{k}_cpu_s": v for k, v in used.items()}
            # what the rest of the machine (the other developers) used meanwhile
            self.used["others_cpu_s"] = used["machine"] - used["server"] - used["clients"]
            self.used["pages_wall_s"] = self.now()
            self.all_seen.set()

    async def sample_load(self) -> None:
        while not self.all_seen.is_set():
            self.load_samples.append(os.getloadavg()[0])
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.all_seen.wait(), 2.0)


Visit = Callable[[Plan, Meeting], Awaitable[None]]


async def meet(plans: list[Plan], visit: Visit) -> Meeting:
    """Runs every planned visit at its time and returns the finished meeting."""
    meeting = Meeting(len(plans))
    sampler = asyncio.create_task(meeting.sample_load())
    await asyncio.gather(*(visit(p, meeting) for p in plans))
    await sampler
    return meeting


async def pages_of(plan: Plan, meeting: Meeting, open_page: OpenPage) -> None:
    """The person's three pages with their reading time between, a row each; then waits,
    session still open, until everybody has seen theirs."""
    try:
        for i, (name, path, ready) in enumerate(PAGES):
            if i:
                await asyncio.sleep(plan.thinks_s[i - 1])
            row: dict[str, Any] = {"session": plan.session, "page": name, "start_s": meeting.now()}
            t0 = time.perf_counter()
            ok, error = await open_page(i, path, ready)
            row.update(seconds=time.perf_counter() - t0, ok=ok)
            if error:
                row["error"] = error[:300]
            meeting.rows.append(row)
    finally:
        meeting.pages_seen()
    await meeting.all_seen.wait()
