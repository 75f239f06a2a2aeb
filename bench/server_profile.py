"""``streamlit`` with cProfile inside the server: where a page's CPU time goes.

    python -m bench.server_profile OUT run app.py [streamlit options]

Every script run (one page view) is profiled in its own thread with each thread's CPU clock
(``time.thread_time``), so time spent waiting for the interpreter lock or for another
session is not counted; the event loop's thread (serialising and sending the messages) is
profiled the same way. At exit the profiles are written as pstats files ``OUT.script.prof``
(every run merged) and ``OUT.loop.prof``; ``OUT.runs`` holds the number of runs profiled and
of all runs. Only runs that start once the file ``OUT.start`` exists are profiled, so that a
warm-up (the server's caches being filled) can be left out. On the event loop's thread what
is profiled is the sending of each message to its browser (``Runtime._send_message``:
serialising and writing to the WebSocket), from the same moment.
bench/capacity.py starts it with ``--profile`` (common.app_server's ``command``); the
figures it prints are read by bench/profile_report.py.
"""

from __future__ import annotations

import atexit
import cProfile
import pstats
import sys
import threading
import time
from pathlib import Path
from typing import Any

_runs: list[cProfile.Profile] = []
_lock = threading.Lock()
_all_runs = [0]


def _install(start: Path, loop: cProfile.Profile) -> None:
    from streamlit.runtime import runtime
    from streamlit.runtime.scriptrunner import script_runner

    send = runtime.Runtime._send_message

    def sent(self: Any, session_info: Any, msg: Any) -> None:
        if not start.exists():
            send(self, session_info, msg)
            return
        loop.enable()
        try:
            send(self, session_info, msg)
        finally:
            loop.disable()

    runtime.Runtime._send_message = sent  # type: ignore[method-assign]

    original = script_runner.ScriptRunner._run_script

    def profiled(self: Any, rerun_data: Any) -> None:
        with _lock:
            _all_runs[0] += 1
        if not start.exists():
            original(self, rerun_data)
            return
        profile = cProfile.Profile(time.thread_time)
        profile.enable()
        try:
            original(self, rerun_data)
        finally:
            profile.disable()
            with _lock:
                _runs.append(profile)

    script_runner.ScriptRunner._run_script = profiled  # type: ignore[method-assign]


def _write(out: Path, loop: cProfile.Profile) -> None:
    pstats.Stats(loop).dump_stats(f"{out}.loop.prof")
    with _lock:
        runs = list(_runs)
    if runs:
        pstats.Stats(*runs).dump_stats(f"{out}.script.prof")
    Path(f"{out}.runs").write_text(f"{len(runs)} {_all_runs[0]}")


def main() -> None:
    out = Path(sys.argv[1])
    loop = cProfile.Profile(time.thread_time)
    _install(Path(f"{out}.start"), loop)
    atexit.register(_write, out, loop)
    sys.argv = ["streamlit", *sys.argv[2:]]
    from streamlit.web.cli import main as streamlit_main

    streamlit_main()


if __name__ == "__main__":
    main()
