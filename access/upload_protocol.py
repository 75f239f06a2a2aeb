"""What the upload worker (a child process) and the server say to each other: JSON lines.

The server sends one request (``WorkerRequest``) as the worker's only argument. The worker
answers on its stdout with lines ``{"event": ...}``: any number of ``progress``, then one
final event: ``report`` (the check's ``ValidationReport``), ``loaded`` (a ``LoadSummary``),
``failed`` (a load's ``PipelineError`` report), ``refused`` (``UploadRefused``: the files
could not be unpacked) or ``crashed`` (an unexpected exception, by type name only).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

from common.settings import get_settings
from pipelines.empty_guard import EMPTY_EXPORT_RULE as EMPTY_EXPORT_RULE
from pipelines.validation_report import Issue, ValidationReport

# EMPTY_EXPORT_RULE: the rule of the pipelines' issue "this export has rows now and would have
# none": a load with allow_empty=False raises a PipelineError of such issues, one per export.
Command = Literal["check", "load"]


@dataclass(frozen=True)
class WorkerLimits:
    memory_mib: int  # address space of the worker (RLIMIT_AS)
    seconds: int  # its CPU time (RLIMIT_CPU) and its wall-clock time

    @classmethod
    def from_settings(cls) -> WorkerLimits:
        settings = get_settings()
        return cls(settings.upload_memory_mib, settings.upload_seconds)


@dataclass(frozen=True)
class WorkerRequest:
    command: Command
    workspace: str  # access.upload_workspace.UploadWorkspace.path
    db: str = ""  # the database a load replaces
    allow_empty: bool = False  # a load may empty an export that has rows now
    memory_mib: int = 4096  # RLIMIT_AS
    cpu_seconds: int = 600  # RLIMIT_CPU

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> WorkerRequest:
        return cls(**json.loads(text))


@dataclass(frozen=True)
class Loaded:
    """A load that replaced the database."""

    as_of: date
    rows: dict[str, int]
    warnings: list[Issue] = field(default_factory=list)


def issue_to_json(issue: Issue) -> dict[str, Any]:
    return asdict(issue)


def issue_from_json(data: dict[str, Any]) -> Issue:
    return Issue(
        file=str(data["file"]),
        row=None if data.get("row") is None else int(data["row"]),
        column=data.get("column"),
        value=data.get("value"),
        message_fi=str(data["message_fi"]),
        message_en=str(data["message_en"]),
        rule=str(data.get("rule", "error")),
    )


def report_to_json(report: ValidationReport) -> dict[str, Any]:
    return {
        "errors": [issue_to_json(i) for i in report.errors],
        "warnings": [issue_to_json(i) for i in report.warnings],
        "omitted": [[file, column, rule, n] for (file, column, rule), n in report.omitted.items()],
    }


def report_from_json(data: dict[str, Any]) -> ValidationReport:
    report = ValidationReport(
        errors=[issue_from_json(i) for i in data.get("errors", [])],
        warnings=[issue_from_json(i) for i in data.get("warnings", [])],
    )
    for file, column, rule, n in data.get("omitted", []):
        report.omitted[(str(file), column, str(rule))] += int(n)
    return report


def loaded_to_json(as_of: date, rows: dict[str, int], warnings: list[Issue]) -> dict[str, Any]:
    return {
        "as_of": as_of.isoformat(),
        "rows": dict(rows),
        "warnings": [issue_to_json(i) for i in warnings],
    }


def loaded_from_json(data: dict[str, Any]) -> Loaded:
    return Loaded(
        as_of=date.fromisoformat(str(data["as_of"])),
        rows={str(k): int(v) for k, v in dict(data["rows"]).items()},
        warnings=[issue_from_json(i) for i in data.get("warnings", [])],
    )


def event_line(event: str, **payload: Any) -> str:
    return json.dumps({"event": event, **payload}, ensure_ascii=False) + "\n"
