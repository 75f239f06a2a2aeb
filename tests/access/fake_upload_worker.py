"""A stand-in for access.upload_worker, for the runner's and the Data page's tests:
``python -m tests.access.fake_upload_worker SCENARIO RECORD_DIR REQUEST_JSON``.

It records each request (and its pid) in RECORD_DIR/requests.jsonl, then behaves as the
scenario says: answers as the real worker would, or dies the ways a real reader can."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from datetime import date
from pathlib import Path

from access.upload_protocol import (
    EMPTY_EXPORT_RULE,
    WorkerRequest,
    event_line,
    loaded_to_json,
    report_to_json,
)
from access.upload_worker import Worker, limit_self, protocol_stream
from pipelines.validation_report import Issue, ValidationReport

WARNING = Issue("tapahtumat.csv", 3, "kanava", "fax", "Tuntematon kanava.", "Unknown channel.")
EMPTY = Issue(
    "tapahtumat", None, None, None,
    "Vienti tapahtumat tyhjenisi (nyt 3613 riviä).",
    "The export tapahtumat would become empty (now 3613 rows).",
    EMPTY_EXPORT_RULE,
)  # fmt: skip


class Hog(Worker):
    """The real worker's error handling around a reader that wants too much memory."""

    def check(self) -> None:
        self.progress(0.1, "luetaan / reading")
        self.hoard = bytearray(4 * self.request.memory_mib << 20)


def answer(scenario: str, request: WorkerRequest) -> int:
    out = protocol_stream()
    if scenario == "report_ok":
        out.write(event_line("progress", fraction=0.5, message="tarkistetaan / checking"))
        report = ValidationReport(warnings=[WARNING])
        out.write(event_line("report", report=report_to_json(report)))
    elif scenario == "empty_then_load":
        if request.command == "check":
            out.write(event_line("report", report=report_to_json(ValidationReport())))
        elif not request.allow_empty:
            out.write(event_line("failed", report=report_to_json(ValidationReport([EMPTY]))))
        else:
            summary = loaded_to_json(date(2026, 11, 15), {"asiakkaat": 567}, [])
            out.write(event_line("loaded", summary=summary))
    elif scenario == "abort":
        os.abort()
    elif scenario == "sigkill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif scenario == "hog":
        limit_self(request.memory_mib, request.cpu_seconds)
        return Hog(request, out).run()
    elif scenario == "cpu":
        limit_self(request.memory_mib, 1)
        while True:
            pass
    elif scenario == "spin":
        time.sleep(3600)
    elif scenario == "garbage":
        out.write("this is not JSON\n")
        out.flush()
        return 3
    out.flush()
    return 0


def main() -> int:
    scenario, record, request_json = sys.argv[1:4]
    request = WorkerRequest.from_json(request_json)
    with (Path(record) / "requests.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps({"pid": os.getpid(), **json.loads(request_json)}) + "\n")
    return answer(scenario, request)


if __name__ == "__main__":
    sys.exit(main())
