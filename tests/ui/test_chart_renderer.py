"""The chart worker process: it draws outside the server's process, and a worker that dies is
replaced."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ui import chart_renderer

ROOT = Path(__file__).resolve().parents[2]
SPEC = json.dumps({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {}})


def test_draws_an_svg() -> None:
    assert chart_renderer.draw(SPEC).startswith("<svg")


def test_drawing_happens_outside_the_servers_process() -> None:
    """vl-convert holds the interpreter lock while it draws, which would stop every session's
    script; so the server's process never imports it, and the drawing is done by the worker.
    Checked in a fresh interpreter, as the pages use the renderer (no timing involved)."""
    probe = (
        "import json, os, sys\n"
        "from ui import chart_renderer, charts\n"
        f"svg = chart_renderer.draw({SPEC!r})\n"
        "print(json.dumps({'svg': svg.startswith('<svg'),"
        " 'vl_convert_here': 'vl_convert' in sys.modules,"
        " 'drawn_elsewhere': chart_renderer._running().proc.pid != os.getpid()}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"svg": True, "vl_convert_here": False, "drawn_elsewhere": True}


def test_a_worker_that_dies_is_replaced() -> None:
    chart_renderer.draw(SPEC)
    worker = chart_renderer._running()
    os.kill(worker.proc.pid, signal.SIGKILL)
    worker.proc.wait()
    assert chart_renderer.draw(SPEC).startswith("<svg")
    assert chart_renderer._running() is not worker


def test_a_spec_that_cannot_be_drawn_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        chart_renderer.draw('{"mark": "no such mark"}')
    assert chart_renderer.draw(SPEC).startswith("<svg")  # the worker is still there


def test_start_does_not_wait_for_a_drawing_when_the_worker_runs() -> None:
    """app.py calls start() on every run of a chart page; while another session's chart is
    being drawn (the lock held), it returns at once."""
    chart_renderer.draw(SPEC)
    returned = threading.Event()

    def start() -> None:
        chart_renderer.start()
        returned.set()

    with chart_renderer._lock:
        thread = threading.Thread(target=start)
        thread.start()
        assert returned.wait(timeout=2.0)
    thread.join()
