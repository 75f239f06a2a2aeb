"""The dashboard as a running server for the browser tests and the benchmarks: one way to
start ``streamlit run`` on a free local port, wait until it answers, and stop it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

from common.settings import PROJECT_ROOT

# The streamlit of the interpreter running the tests (.venv, or .venv-3.13 under
# `make test PYTHON=python3.13`).
STREAMLIT = str(Path(sys.executable).parent / "streamlit")


class AppServerError(RuntimeError):
    """The server exited or did not answer its health check in time (with its log's tail)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def dashboard(
    db: Path,
    script: str = "app.py",
    log: IO[bytes] | None = None,
    pycache: Path | None = None,
    timeout_s: float = 60,
    command: Sequence[str] | None = None,
) -> Iterator[str]:
    """``streamlit run <script>`` against ``db`` (KPI_DB) on 127.0.0.1 and a free port;
    yields the base URL once ``/_stcore/health`` answers, and stops the server afterwards.

    ``log``: where the server's output goes (a temporary file when None). ``pycache``: let
    Python write and reuse compiled bytecode there (PYTHONPYCACHEPREFIX), even when the
    environment says PYTHONDONTWRITEBYTECODE. ``command``: the program (and its first
    arguments) that takes streamlit's arguments instead of streamlit itself, e.g. a profiling
    launcher (bench/server_profile.py)."""
    port = free_port()
    cmd = [*(command or [STREAMLIT]), "run", script, "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    env = {**os.environ, "KPI_DB": str(db)}
    if pycache is not None:  # as if the virtualenv had been installed with compiled bytecode
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    url = f"http://127.0.0.1:{port}"
    with ExitStack() as stack:
        out = log if log is not None else stack.enter_context(tempfile.TemporaryFile())
        proc = subprocess.Popen(
            cmd, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            _wait_healthy(proc, url, out, timeout_s)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(
    proc: subprocess.Popen[bytes], url: str, log: IO[bytes], timeout_s: float
) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            log.flush()
            log.seek(0)
            err = log.read().decode(errors="replace")
            raise AppServerError(f"streamlit exited {proc.returncode}:\n{err[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AppServerError(f"streamlit did not answer /_stcore/health within {timeout_s} s")
        time.sleep(0.2)
