"""The pandas baseline against the engine: an independent cross-check of every KPI.

bench/pandas_baseline.py is written from docs/spec/METRICS.md alone with pandas; metrics.engine
computes the same table with DuckDB from the loaded database. On the committed sample,
loaded with the pipelines, both must give the same numerators, denominators, pending
counts, values, targets and statuses for every metric, level and area.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from bench.crosscheck import differences
from bench.pandas_baseline import KPI_COLUMNS, kpi_table
from bench.pandas_cohorts import _working_day_deadline
from bench.pandas_read import read_folder

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "sample"
YEARS = [(date(2025, 1, 1), date(2025, 12, 31)), (date(2026, 1, 1), date(2026, 12, 31))]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bench") / "kpi.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "pipelines", "load", str(SAMPLE), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def sample_data() -> dict[str, pd.DataFrame]:
    return read_folder(SAMPLE)


@pytest.mark.parametrize(("start", "end"), YEARS, ids=["2025", "2026"])
def test_baseline_matches_engine(
    sample_db: Path, sample_data: dict[str, pd.DataFrame], start: date, end: date
) -> None:
    from metrics.engine import kpi_table as engine_kpi_table

    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        engine = engine_kpi_table(con, start, end).to_pandas()
    finally:
        con.close()
    baseline = kpi_table(SAMPLE, start, end, as_of=engine["as_of"].iloc[0], data=sample_data)
    assert list(baseline.columns) == list(KPI_COLUMNS)
    assert list(engine.columns) == list(KPI_COLUMNS)
    assert len(engine) == len(baseline) == 433  # 24 metrics x 18 areas + ecosystem x 1
    found = differences(engine, baseline)
    assert not found, "\n".join(found)


def test_crosscheck_sees_a_changed_cell(sample_data: dict[str, pd.DataFrame]) -> None:
    table = kpi_table(SAMPLE, *YEARS[0], data=sample_data)
    changed = table.copy()
    changed["numerator"] = changed["numerator"].where(changed.index != 5, -1.0)
    changed.loc[7, "status"] = "off" if changed.loc[7, "status"] != "off" else "ok"
    assert differences(table, table) == []
    assert len(differences(table, changed)) == 2


def test_the_sample_has_cases_for_every_cohort(sample_data: dict[str, pd.DataFrame]) -> None:
    """Guards the cross-check against passing on empty data."""
    table = kpi_table(SAMPLE, *YEARS[0], data=sample_data)
    whole = table[table["level"] == "koko_alue"].set_index("metric_id")
    for metric in (
        "tym_assessment_within_3_months",
        "integration_plan_within_30_days",
        "initial_contact_within_deadline",
        "supplementary_discussions_first_3_months",
        "training_unemployment_ended_3_months",
        "job_search_discussion_every_3_months",
        "unemployment_reaching_3_months",
        "time_to_employment_days",
        "statement_processing_days",
    ):
        assert float(str(whole.loc[metric, "denominator"])) > 0, metric


def test_the_sample_has_year_earlier_targets_for_the_counts(
    sample_data: dict[str, pd.DataFrame],
) -> None:
    """2026's counts have a target (the day a year before E is after S), 2025's none."""
    for (start, end), present in zip(YEARS, (False, True), strict=True):
        table = kpi_table(SAMPLE, start, end, as_of=date(2026, 10, 31), data=sample_data)
        counts = table[table["metric_id"] == "unemployed_job_seekers"]
        assert counts["target_value"].notna().all() if present else counts["target_op"].isna().all()
        assert counts["value"].iloc[0] > 0  # koko_alue


@pytest.mark.parametrize(
    ("start", "limit", "deadline"),
    [
        ("2025-03-03", 5, "2025-03-10"),  # docs/spec/METRICS.md's own example: Monday to Monday
        ("2025-04-17", 5, "2025-04-28"),  # Thursday before Easter: Good Friday, Easter Monday off
        ("2025-06-19", 5, "2025-06-27"),  # Thursday before Midsummer Eve (a holiday)
        ("2025-12-20", 5, "2025-12-31"),  # Saturday before Christmas: 24–26 Dec off
        ("2026-01-02", 10, "2026-01-19"),  # the 10-day rule; Epiphany on Tuesday 6 Jan
    ],
)
def test_working_day_deadline(start: str, limit: int, deadline: str) -> None:
    days = pd.Series(pd.to_datetime([start]))
    due = _working_day_deadline(days, pd.Series([limit]))
    assert due.iloc[0] == pd.Timestamp(deadline)
