"""The committed sample loaded once into a temporary database for the dashboard's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

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


def open_page(at: AppTest, url_path: str) -> AppTest:
    """Switches ``at`` (after its first run) to the page registered at ``url_path``, as a
    click in the navigation does: the goals' pages are functions (ui/pages.py), which
    ``AppTest.switch_page`` cannot name by a file. Call ``run()`` after it."""
    pages = at._registered_pages  # what st.navigation registered on the last run
    found = [h for h, info in pages.items() if info.get("url_pathname") == url_path]
    assert found, (url_path, sorted(str(i.get("url_pathname")) for i in pages.values()))
    at._page_hash = found[0]
    return at
