"""The committed sample loaded once into a temporary database for the dashboard's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.settings import PROJECT_ROOT
from pipelines import load_folder

SAMPLE = PROJECT_ROOT / "sample_data" / "sample"
APP = str(PROJECT_ROOT / "app.py")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("dashboard") / "kpi.duckdb"
    load_folder(SAMPLE, db)
    return db


@pytest.fixture
def kpi_env(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KPI_DB", str(sample_db))
    return sample_db
