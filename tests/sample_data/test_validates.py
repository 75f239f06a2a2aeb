"""The project's own pipelines accept the generated folders with no error and no warning."""

from __future__ import annotations

from pathlib import Path

from pipelines.folder import validate_folder
from tests.sample_data.conftest import LAST

COMMITTED = Path(__file__).resolve().parents[2] / "sample_data" / "sample"


def _problems(folder: Path) -> list[str]:
    report = validate_folder(folder, as_of=LAST)
    return [issue.render() for issue in [*report.errors, *report.warnings]]


def test_generated_folder_validates_cleanly(small: Path) -> None:
    report = validate_folder(small, as_of=LAST)
    assert report.ok and report.error_count == 0, _problems(small)
    assert report.warnings == [], _problems(small)


def test_committed_sample_validates_cleanly() -> None:
    report = validate_folder(COMMITTED, as_of=LAST)
    assert report.ok and report.error_count == 0, _problems(COMMITTED)
    assert report.warnings == [], _problems(COMMITTED)
