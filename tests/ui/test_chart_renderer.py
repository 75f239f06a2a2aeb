"""The chart worker process: it draws without stopping the server's threads, and a worker that
dies is replaced."""

from __future__ import annotations

import itertools
import json
import os
import signal
import threading
import time

import pytest

from ui import chart_renderer

SPEC = json.dumps({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {}})


def test_draws_an_svg() -> None:
    assert chart_renderer.draw(SPEC).startswith("<svg")


def test_drawing_does_not_stop_the_servers_other_threads() -> None:
    """vl-convert holds the interpreter lock while it draws; in the worker process it is not
    this process's lock, so a thread here keeps ticking every 5 ms meanwhile."""
    chart_renderer.draw(SPEC)  # the worker and its engine are up
    ticks: list[float] = []
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.005)

    ticker = threading.Thread(target=tick)
    ticker.start()
    # 20 000 points: in this process the lock would be held for about 0.4 s at a stretch
    points = [{"x": i, "y": i % 7} for i in range(20_000)]
    big = {"data": {"values": points}, "mark": "point"}
    big["encoding"] = {
        "x": {"field": "x", "type": "quantitative"},
        "y": {"field": "y", "type": "quantitative"},
    }
    chart_renderer.draw(json.dumps(big))
    stop.set()
    ticker.join()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.1, max(gaps)


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
