"""The upload's check and load, in a child process of the server: ``python -m
access.upload_worker REQUEST_JSON`` (started by ``access.upload_runner``).

Every reader of the uploaded bytes (zip, CSV, Excel, Parquet) runs here, never in the
Streamlit server: a file that makes a reader abort, allocate hundreds of gigabytes or spin
kills this process only. Before anything is read the worker limits itself (address space
RLIMIT_AS, CPU seconds RLIMIT_CPU, no core file), then unpacks ``sent/`` into ``export/``
(``access.upload_safety``) and validates or loads that folder with the pipelines' API. It
answers in JSON lines on its own copy of stdout (``access.upload_protocol``); whatever a
library prints goes to stderr, which the server only logs.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path
from typing import IO, Any

from access.upload_protocol import WorkerRequest, event_line, loaded_to_json, report_to_json
from access.upload_safety import UploadRefused, unpack_upload
from access.upload_workspace import UploadWorkspace

MIB = 1 << 20


def limit_self(memory_mib: int, cpu_seconds: int) -> None:
    """Hard limits, which this process can never raise again."""
    memory = memory_mib * MIB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def protocol_stream() -> IO[str]:
    """A private copy of stdout for the answer; fd 1 then points at stderr, so that a
    library's prints (or a Rust panic's text) cannot corrupt the JSON lines."""
    stream = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    sys.stdout.flush()
    os.dup2(2, 1)
    return stream


class Worker:
    def __init__(self, request: WorkerRequest, out: IO[str]) -> None:
        self.request = request
        self.out = out
        self.workspace = UploadWorkspace(Path(request.workspace))

    def emit(self, event: str, **payload: Any) -> None:
        self.out.write(event_line(event, **payload))
        self.out.flush()

    def progress(self, fraction: float, message: str) -> None:
        self.emit("progress", fraction=fraction, message=message)

    def unpack(self) -> Path:
        self.progress(0.0, "puretaan / unpacking")
        return unpack_upload(self.workspace.read_sent(), self.workspace.export)

    def check(self) -> None:
        folder = self.unpack()
        self.progress(0.2, "tarkistetaan / checking")
        from pipelines import validate_folder  # heavy: after the limits

        self.emit("report", report=report_to_json(validate_folder(folder)))

    def load(self) -> None:
        folder = self.unpack()
        from pipelines import PipelineError, load_folder

        def progress(fraction: float, message: str) -> None:
            self.progress(0.05 + 0.95 * fraction, message)

        try:
            summary = load_folder(
                folder, self.request.db, progress=progress, allow_empty=self.request.allow_empty
            )
        except PipelineError as exc:
            self.emit("failed", report=report_to_json(exc.report))
            return
        self.emit("loaded", summary=loaded_to_json(summary.as_of, summary.rows, summary.warnings))

    def run(self) -> int:
        try:
            if self.request.command == "check":
                self.check()
            else:
                self.load()
        except UploadRefused as exc:
            self.emit(
                "refused", file=exc.file, message_fi=exc.message_fi, message_en=exc.message_en
            )
        except BaseException as exc:  # MemoryError, an OS error, a reader's own exception
            print(f"upload worker: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            self.emit("crashed", error=type(exc).__name__)
            return 1
        return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    request = WorkerRequest.from_json(args[0])
    limit_self(request.memory_mib, request.cpu_seconds)
    return Worker(request, protocol_stream()).run()


if __name__ == "__main__":
    sys.exit(main())
