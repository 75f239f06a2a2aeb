"""The upload's temporary folder, a fake worker in place of access.upload_worker."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from access import upload_runner
from common.settings import get_settings


@pytest.fixture
def uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """KPI_UPLOAD_DIR in the test's own folder; every test can then see what is left."""
    root = tmp_path / "uploads"
    monkeypatch.setenv("KPI_UPLOAD_DIR", str(root))
    get_settings.cache_clear()
    yield root
    get_settings.cache_clear()


class FakeWorker:
    """Puts tests.access.fake_upload_worker in place of the real worker."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, record: Path) -> None:
        self.monkeypatch = monkeypatch
        self.record = record
        record.mkdir(exist_ok=True)

    def use(self, scenario: str) -> None:
        command = [sys.executable, "-m", "tests.access.fake_upload_worker", scenario]
        self.monkeypatch.setattr(upload_runner, "WORKER_COMMAND", [*command, str(self.record)])

    def requests(self) -> list[dict[str, Any]]:
        path = self.record / "requests.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture
def fake_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeWorker:
    return FakeWorker(monkeypatch, tmp_path / "fake-worker")
