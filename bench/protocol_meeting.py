"""A meeting of protocol sessions (bench/protocol.py): each planned person (bench/load_model.py)
opens the overview by its URL at their arrival moment, then the two goal pages by their
sidebar links after their reading times, and stays connected until everybody has seen their
pages, as nobody closes the tab in a meeting. Returns a row per page and what the server
process used meanwhile (its CPU time and peak memory from /proc)."""

from __future__ import annotations

import asyncio
import os
import resource
import time
from dataclasses import dataclass, field
from typing import Any

from bench import procstat
from bench.load_model import Plan
from bench.protocol import ProtocolSession


@dataclass(frozen=True)
class Step:
    name: str
    path: str
    charts: bool  # the page must show at least one chart


PAGES = (
    Step("overview", "/", charts=False),
    Step("lahipalvelut", "/lahipalvelut", charts=True),
    Step("kohtaanto", "/kohtaanto", charts=True),
)
PAGE_NAMES = tuple(p.name for p in PAGES)


def server_pids() -> list[int]:
    """The server this process started (``streamlit run`` and its chart worker, if any): every
    process below this one, since the benchmark starts nothing else."""
    return procstat.descendants(os.getpid())


@dataclass
class MeetingResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    peak_open: int = 0
    wall_s: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    others_cpu_s: float = 0.0  # every other process of the machine (the neighbours)
    server_peak_rss_bytes: int = 0


async def meet(url: str, plans: list[Plan], timeout_s: float) -> MeetingResult:
    """Runs every plan at its time; the CPU times are read once all pages are seen, before
    the sessions close."""
    result = MeetingResult()
    state = {"open": 0, "pending": len(plans)}
    all_seen = asyncio.Event()
    pids = server_pids()
    cpu_before = procstat.cpu_seconds(pids)
    own_before = _own_cpu()
    machine_before = procstat.machine_busy_seconds()
    t0 = time.perf_counter()

    def seen() -> None:
        state["pending"] -= 1
        if state["pending"] == 0:
            result.wall_s = time.perf_counter() - t0
            result.server_cpu_s = procstat.cpu_seconds(pids) - cpu_before
            result.client_cpu_s = _own_cpu() - own_before
            machine = procstat.machine_busy_seconds() - machine_before
            result.others_cpu_s = machine - result.server_cpu_s - result.client_cpu_s
            all_seen.set()

    async def visit(plan: Plan) -> None:
        await asyncio.sleep(max(0.0, plan.arrive_s - (time.perf_counter() - t0)))
        session = ProtocolSession(url)
        state["open"] += 1
        result.peak_open = max(result.peak_open, state["open"])
        try:
            for i, page in enumerate(PAGES):
                if i:
                    await asyncio.sleep(plan.thinks_s[i - 1])
                start = time.perf_counter() - t0
                run = await session.open(page.path, timeout_s, navigate=i > 0)
                error = run.error
                if error is None and page.charts and run.charts == 0:
                    error = "the page shows no chart"
                row = {"session": plan.session, "page": page.name, "start_s": start}
                row.update(seconds=run.seconds, ok=error is None, charts=run.charts)
                row.update(bytes=run.bytes, messages=run.messages)
                if error:
                    row["error"] = error
                result.rows.append(row)
        finally:
            seen()
            await all_seen.wait()
            await session.close()
            state["open"] -= 1

    await asyncio.gather(*(visit(p) for p in plans))
    result.server_peak_rss_bytes = max((procstat.peak_rss_bytes(p) for p in pids), default=0)
    return result


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime
