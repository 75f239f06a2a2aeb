"""The baseline's targets (bench/pandas_targets.py): the counts' "lower than a year earlier"
with its 10 % tolerance and 0 against 0, and the standing 100 % of the 3-monthly rule."""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench.pandas_cohorts import Window
from bench.pandas_targets import with_targets, with_year_earlier


def _rows(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"level": "kunta", "value": values})


def test_lower_than_a_year_earlier() -> None:
    rows = with_year_earlier(_rows([9, 10, 11, 12, 0, 3]), np.array([10, 10, 10, 10, 0, 0.0]))
    assert list(rows["status"]) == ["ok", "risk", "risk", "off", "ok", "off"]
    assert set(rows["target_op"]) == {"<"}


def test_no_year_earlier_no_target() -> None:
    rows = with_year_earlier(_rows([5]), None)
    assert rows["target_op"].isna().all() and rows["status"].isna().all()


def test_the_standing_target_of_the_3_monthly_rule() -> None:
    w = Window(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-12-31"), pd.Timestamp("2026-10-31"))
    rows = with_targets(_rows([1.0, 0.96, 0.9]), "job_search_discussion_every_3_months", w)
    assert list(rows["target_value"]) == [1.0, 1.0, 1.0]
    assert list(rows["status"]) == ["ok", "risk", "off"]
