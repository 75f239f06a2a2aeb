"""Draws Vega-Lite specs into SVG in a worker process of its own (ui/chart_worker.py).

vl-convert holds Python's global interpreter lock while it draws (about 0.55 s when its
JavaScript engine starts, 50–110 ms a chart after that): in the server's own process every
session's script would stop meanwhile. In a worker process it stops nobody. The worker starts
in the background when the app first imports the charts (``start``), draws one chart at a
time, and is started again if it dies. It is a plain subprocess speaking JSON lines, not
multiprocessing, whose start methods would run the app's script again in the child.
"""

from __future__ import annotations

import atexit
import json
import select
import subprocess
import sys
import threading
from typing import IO

from common.settings import PROJECT_ROOT

TIMEOUT_S = 60.0
START_DELAY_S = 3.0


class ChartRendererError(RuntimeError):
    """The worker could not draw a chart: it died twice in a row, or did not answer."""


class _WorkerDied(Exception):
    pass


class _Worker:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ui.chart_worker"],
            cwd=PROJECT_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        return self.proc.stdin, self.proc.stdout

    def ask(self, spec_json: str) -> str:
        stdin, stdout = self._pipes()
        try:
            stdin.write(json.dumps({"spec": spec_json}).encode("utf-8") + b"\n")
            stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise _WorkerDied from exc
        ready, _, _ = select.select([stdout], [], [], TIMEOUT_S)
        if not ready:
            self.stop()
            raise ChartRendererError(f"the chart worker did not answer in {TIMEOUT_S:g} s")
        line = stdout.readline()
        if not line:
            raise _WorkerDied
        reply: dict[str, str] = json.loads(line)
        if "svg" in reply:
            return reply["svg"]
        if reply.get("type") == "ValueError":
            raise ValueError(reply["error"])  # a spec that cannot be drawn: a bug in the spec
        raise ChartRendererError(f"{reply.get('type')}: {reply.get('error')}")

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


_lock = threading.Lock()
_worker: _Worker | None = None


def _running() -> _Worker:
    global _worker
    if _worker is None or _worker.proc.poll() is not None:
        _worker = _Worker()
    return _worker


def start() -> None:
    """Starts the worker and its engine in the background (returns at once). Called on every
    run of a chart page: a running worker is seen without waiting for the lock, which a
    drawing for another session holds."""
    worker = _worker
    if worker is not None and worker.proc.poll() is None:
        return
    with _lock:
        _running()


def start_soon(delay_s: float = START_DELAY_S) -> None:
    """Starts the worker after ``delay_s``, so that its engine's start (about 0.6 s of CPU)
    does not compete with the first page after a server start; a chart asked for before
    that starts it at once."""
    timer = threading.Timer(delay_s, start)
    timer.daemon = True
    timer.start()


def draw(spec_json: str) -> str:
    """The SVG of a spec (JSON text). A spec that cannot be drawn raises ValueError."""
    global _worker
    with _lock:
        for _ in range(2):
            worker = _running()
            try:
                return worker.ask(spec_json)
            except _WorkerDied:
                worker.stop()
                _worker = None  # start a new one and try once more
    raise ChartRendererError("the chart worker process died twice; see the server's log")


@atexit.register
def _stop_at_exit() -> None:
    if _worker is not None:
        _worker.stop()
