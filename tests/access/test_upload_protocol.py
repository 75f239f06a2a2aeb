"""What crosses the process boundary comes back as it left: a report with its omitted
counts, a load's summary; a refused load counts as "would be emptied" only when that is
its only reason."""

from __future__ import annotations

import json
from datetime import date

from access.upload_protocol import (
    EMPTY_EXPORT_RULE,
    WorkerRequest,
    loaded_from_json,
    loaded_to_json,
    report_from_json,
    report_to_json,
)
from pipelines.validation_report import Issue, ValidationReport
from ui.upload_view import would_be_empty

BAD_DATE = Issue("tapahtumat.csv", 7, "pvm", "31.2.2025", "Ei päivämäärä.", "Not a date.", "date")
EMPTY = Issue("tapahtumat", None, None, None, "Tyhjenisi.", "Would be empty.", EMPTY_EXPORT_RULE)


def through_json(data: object) -> object:
    return json.loads(json.dumps(data))


def test_a_report_crosses_whole() -> None:
    report = ValidationReport(warnings=[EMPTY])
    report.add_many([BAD_DATE], total=12)
    back = report_from_json(through_json(report_to_json(report)))  # type: ignore[arg-type]
    assert back.errors == [BAD_DATE] and back.warnings == [EMPTY]
    assert back.error_count == 12
    assert back.render() == report.render()


def test_a_summary_and_a_request_cross_whole() -> None:
    data = through_json(loaded_to_json(date(2026, 11, 15), {"asiakkaat": 3}, [BAD_DATE]))
    loaded = loaded_from_json(data)  # type: ignore[arg-type]
    assert (loaded.as_of, loaded.rows, loaded.warnings) == (
        date(2026, 11, 15),
        {"asiakkaat": 3},
        [BAD_DATE],
    )
    request = WorkerRequest("load", "/u/kpi-upload-x", "/srv/kpi.duckdb", True, 2048, 60)
    assert WorkerRequest.from_json(request.to_json()) == request


def test_only_a_load_refused_for_emptied_exports_alone_asks() -> None:
    assert would_be_empty(ValidationReport(errors=[EMPTY])) == [EMPTY]
    assert would_be_empty(ValidationReport(errors=[EMPTY, BAD_DATE])) == []
    assert would_be_empty(ValidationReport(errors=[BAD_DATE])) == []
    assert would_be_empty(ValidationReport(warnings=[EMPTY])) == []
