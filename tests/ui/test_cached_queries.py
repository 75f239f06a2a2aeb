"""ui.cached_queries: the dashboard's cached queries equal the metrics they wrap: the screen's
KPI table is metrics.disclosure's, and a breakdown of one area is the rows of that area in
the table of every area of its level (computed and cached once per level)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from polars.testing import assert_frame_equal

from common.settings import get_settings
from metrics import breakdowns
from metrics.definition import ALL_LEVELS
from metrics.disclosure import disclose
from metrics.privacy import DEFAULT_THRESHOLD
from pipelines import load_folder
from ui import cached_queries

START, END = date(2026, 1, 1), date(2026, 6, 30)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cached_queries") / "sample.duckdb"
    load_folder(get_settings().sample_dir, db)
    return db


def _handle(db: Path) -> tuple[str, str]:
    return str(db), str(db.stat().st_mtime_ns)


def test_the_screen_table_is_the_disclosed_one(sample_db: Path) -> None:
    shown = cached_queries.kpi_on_screen(*_handle(sample_db), START, END, ALL_LEVELS)
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        expected = disclose(con, START, END).period
    finally:
        con.close()
    assert_frame_equal(shown, expected)


@pytest.mark.parametrize(
    ("name", "level", "area", "extra"),
    [
        ("channel_split", "kunta", "Lieksa", ""),
        ("channel_split", "palvelualue", "Keski-Karjala", ""),
        ("meeting_flows", "kunta", "Joensuu", ""),
        ("cohort_outcomes", "kunta", "Kitee", "tym_assessment_within_3_months"),
        ("fill_time_distribution", "koko_alue", "Pohjois-Karjala", ""),
    ],
)
def test_an_area_breakdown_is_its_rows_of_the_level(
    sample_db: Path, name: str, level: str, area: str, extra: str
) -> None:
    got = cached_queries.breakdown(*_handle(sample_db), name, START, END, level, area, extra)
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        func = getattr(breakdowns, name)
        args = (extra, START, END) if extra else (START, END)
        kwargs = {"threshold": DEFAULT_THRESHOLD} if name != "fill_time_distribution" else {}
        expected = func(con, *args, level=level, area=area, **kwargs)
    finally:
        con.close()
    assert got.height > 0
    assert_frame_equal(got, expected)
