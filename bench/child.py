"""Running a benchmark step as a child process and reading its own peak memory (wait4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable


class BenchError(RuntimeError):
    """A benchmark step failed: says which command and shows the end of its output."""


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_rss_bytes: int
    output: str
    result: dict[str, Any]


def run_child(args: list[str], *, env: dict[str, str] | None = None) -> ChildRun:
    """Runs ``python args...`` in the project root; fails with its output when it fails.

    If the child is given ``--out`` followed by ``{json}``, that placeholder is replaced by
    a temporary file whose JSON content is returned as ``result``.
    """
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        out_json = Path(tmp) / "result.json"
        log = Path(tmp) / "output.txt"
        cmd = [PYTHON, *[str(out_json) if a == "{json}" else a for a in args]]
        with log.open("w") as handle:
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                cmd,
                cwd=ROOT,
                stdout=handle,
                stderr=subprocess.STDOUT,
                env={**os.environ, **(env or {})},
            )
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        output = log.read_text(errors="replace")
        if proc.returncode != 0:
            raise BenchError(f"{' '.join(cmd)} exited {proc.returncode}:\n{output[-3000:]}")
        result = json.loads(out_json.read_text()) if out_json.exists() else {}
        return ChildRun(seconds, usage.ru_maxrss * 1024, output, result)
