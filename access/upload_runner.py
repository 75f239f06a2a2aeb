"""The server's side of the upload worker: start it, watch it, always end it.

``check_upload`` and ``load_upload`` write the browser's files into a fresh upload folder
(``access.upload_workspace``, removed afterwards on every path), run
``access.upload_worker`` in a child process under the settings' memory and time limits,
pass its progress lines on, and return what it answered. A worker that is refused, killed
(SIGKILL, an abort, a limit), crashes or runs past the wall-clock limit becomes an
``UploadRefused`` with a bilingual message; the server itself never reads the files.
"""

from __future__ import annotations

import json
import logging
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from access.upload_protocol import (
    Command,
    Loaded,
    WorkerLimits,
    WorkerRequest,
    loaded_from_json,
    report_from_json,
)
from access.upload_safety import UploadRefused
from access.upload_stop_texts import stop_reason, stopped
from access.upload_workspace import UploadWorkspace, upload_workspace
from common.settings import PROJECT_ROOT
from pipelines.validation_report import ValidationReport

Progress = Callable[[float, str], None]
# The worker's command line, without the request; tests replace it with a fake worker.
WORKER_COMMAND: list[str] = [sys.executable, "-m", "access.upload_worker"]
_FINAL = frozenset({"report", "loaded", "failed", "refused", "crashed"})
_log = logging.getLogger(__name__)


def _quiet(fraction: float, message: str) -> None:
    return None


def check_upload(
    files: Sequence[tuple[str, bytes]],
    on_progress: Progress = _quiet,
    limits: WorkerLimits | None = None,
) -> ValidationReport:
    """The validation report of the upload; ``UploadRefused`` if it cannot be checked."""
    event = _in_workspace(files, "check", "", False, on_progress, limits)
    if event["event"] != "report":
        raise _unexpected(files, "check", event)
    return report_from_json(event["report"])


def load_upload(
    files: Sequence[tuple[str, bytes]],
    db: str,
    allow_empty: bool = False,
    on_progress: Progress = _quiet,
    limits: WorkerLimits | None = None,
) -> Loaded | ValidationReport:
    """``Loaded`` when the database was replaced, else the report of why not (the database
    is then unchanged); ``UploadRefused`` if the worker could not finish."""
    event = _in_workspace(files, "load", db, allow_empty, on_progress, limits)
    if event["event"] == "loaded":
        return loaded_from_json(event["summary"])
    if event["event"] == "failed":
        return report_from_json(event["report"])
    raise _unexpected(files, "load", event)


def _label(files: Sequence[tuple[str, bytes]]) -> str:
    return ", ".join(name for name, _ in files) or "-"


def _unexpected(
    files: Sequence[tuple[str, bytes]], phase: Command, event: dict[str, Any]
) -> Exception:
    return stopped(_label(files), phase, stop_reason("crashed", str(event.get("event"))))


def _in_workspace(
    files: Sequence[tuple[str, bytes]],
    command: Command,
    db: str,
    allow_empty: bool,
    on_progress: Progress,
    limits: WorkerLimits | None,
) -> dict[str, Any]:
    limits = limits or WorkerLimits.from_settings()
    with upload_workspace() as workspace:
        workspace.save_sent(files)
        request = WorkerRequest(
            command, str(workspace.path), db, allow_empty, limits.memory_mib, limits.seconds
        )
        event = run_worker(request, workspace, on_progress, limits, _label(files))
    if event["event"] == "refused":
        raise UploadRefused(event["file"], event["message_fi"], event["message_en"])
    if event["event"] == "crashed":
        why = "memory" if event.get("error") == "MemoryError" else "crashed"
        raise stopped(_label(files), command, stop_reason(why, str(event.get("error")), limits))
    return event


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    """Reads the worker's answer to its end (a killed worker's pipe ends too) and closes it."""
    with stream:
        for line in stream:
            lines.put(line)
    lines.put(None)


def run_worker(
    request: WorkerRequest,
    workspace: UploadWorkspace,
    on_progress: Progress,
    limits: WorkerLimits,
    label: str,
) -> dict[str, Any]:
    """The worker's final event. The worker is killed (by its pid) on every way out of here
    that does not wait for its end, Streamlit's stop of the script included."""
    log_path = workspace.path / "worker.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [*WORKER_COMMAND, request.to_json()],
            cwd=PROJECT_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            encoding="utf-8",
            start_new_session=True,
        )
    try:
        final, timed_out = _follow(proc, on_progress, time.monotonic() + limits.seconds)
        if final is None:
            _log.warning("upload worker ended %s: %s", proc.returncode, _tail(log_path))
            why = stop_reason("timeout", "", limits) if timed_out else _exit_reason(proc, limits)
            raise stopped(label, request.command, why)
        return final
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _follow(
    proc: subprocess.Popen[str], on_progress: Progress, deadline: float
) -> tuple[dict[str, Any] | None, bool]:
    """Passes progress on until the worker's output ends; (its final event or None, whether
    it was killed at the deadline)."""
    assert proc.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
    final: dict[str, Any] | None = None
    while True:
        try:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.0))
        except queue.Empty:
            proc.kill()
            proc.wait()
            return None, True
        if line is None:
            break
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # not an answer: the worker's stdout carries only the protocol
        if event.get("event") == "progress":
            on_progress(float(event["fraction"]), str(event["message"]))
        elif event.get("event") in _FINAL:
            final = event
    try:
        proc.wait(timeout=max(deadline - time.monotonic(), 1.0))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return final, False


def _exit_reason(proc: subprocess.Popen[str], limits: WorkerLimits) -> tuple[str, str]:
    code = proc.returncode
    if code is not None and code < 0:
        sig = signal.Signals(-code)
        return stop_reason("cpu" if sig == signal.SIGXCPU else "signal", sig.name, limits)
    return stop_reason("crashed", f"exit {code}", limits)


def _tail(path: Path, head: int = 600, tail: int = 1400) -> str:
    """The worker's stderr for the server log: a panic's cause is at the top, a Python
    traceback's at the bottom."""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    if len(data) > head + tail:
        data = data[:head] + b"\n[...]\n" + data[-tail:]
    return data.decode("utf-8", "replace")
