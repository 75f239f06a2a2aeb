"""Targets and statuses of the pandas baseline (bench/pandas_baseline.py), from
docs/spec/METRICS.md: the year's targets file (or the latest earlier year's), the standing
targets of reference/jatkuvat_tavoitteet.csv for a metric the year does not list, the
tolerance rule, and the counts' "lower than a year earlier".
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from bench.pandas_cohorts import Window
from bench.pandas_read import REFERENCE
from bench.pandas_situation import COUNTS

COUNT_METRICS = {"employer_contacts", *COUNTS}
MEANS_AND_COUNTS = {"vacancy_fill_time_days", "tym_mean_duration_months", *COUNT_METRICS}


def _targets(end: date, e: date) -> pd.DataFrame:
    """The year's targets, and for a metric the year does not list the standing targets
    (reference/jatkuvat_tavoitteet.csv) in force on E."""
    years = sorted(int(p.stem.split("_")[1]) for p in REFERENCE.glob("tavoitteet_*.csv"))
    year = max([y for y in years if y <= end.year] or years)
    t = pd.read_csv(REFERENCE / f"tavoitteet_{year}.csv", dtype={"target_op": str})
    s = pd.read_csv(REFERENCE / "jatkuvat_tavoitteet.csv", dtype=str)
    since = pd.to_datetime(s["voimassa_alkaen"])
    until = pd.to_datetime(s["voimassa_asti"])
    day = pd.Timestamp(e)
    s = s[(since <= day) & (until.isna() | (until >= day)) & ~s["metric_id"].isin(t["metric_id"])]
    return pd.concat([t, s[["metric_id", "target_op", "target_value"]]]).set_index("metric_id")


def _status(value: float, op: str, target: float, tolerance: float) -> str | None:
    if pd.isna(value):
        return None
    holds = {
        ">=": value >= target,
        ">": value > target,
        "<=": value <= target,
        "<": value < target,
    }[op]
    if holds:
        return "ok"
    return "risk" if abs(value - target) <= tolerance + 1e-12 else "off"


def with_year_earlier(rows: pd.DataFrame, earlier: np.ndarray | None) -> pd.DataFrame:
    """The counts' target: lower than a year earlier, within 10 % of that value for a risk;
    0 against 0 is ok."""
    rows["target_op"], rows["target_value"], rows["status"] = None, float("nan"), None
    if earlier is None:
        return rows
    rows["target_op"], rows["target_value"] = "<", earlier
    rows["status"] = [
        "ok" if v == t == 0 else _status(v, "<", t, 0.10 * t)
        for v, t in zip(rows["value"], earlier, strict=True)
    ]
    return rows


def with_targets(rows: pd.DataFrame, metric: str, w: Window) -> pd.DataFrame:
    targets = _targets(w.end.date(), w.e.date())
    rows["target_op"], rows["target_value"], rows["status"] = None, float("nan"), None
    if metric not in targets.index:
        return rows
    t = {str(k): v for k, v in targets.loc[metric].to_dict().items()}
    op, target = str(t["target_op"]), float(str(t["target_value"]))
    scope = (
        rows.index if metric != "employer_contacts" else rows.index[rows["level"] == "koko_alue"]
    )
    compared = target
    if metric == "employer_contacts":
        days_in_year = 366 if pd.Timestamp(w.end).is_leap_year else 365
        target = target * ((w.end - w.start).days + 1) / days_in_year
        compared = target * ((w.e - w.start).days + 1) / ((w.end - w.start).days + 1)
    # The project's convention (metrics/targets.py): a share's tolerance is in the unit of the
    # value, a mean's or count's a fraction of the target it is compared with.
    given = t.get("tolerance")
    relative = metric in MEANS_AND_COUNTS
    fraction = float(str(given)) if given is not None and str(given) not in ("", "nan") else None
    if fraction is None:
        fraction = 0.10 if relative else 0.05
    tolerance = fraction * compared if relative else fraction
    rows.loc[scope, "target_op"] = op
    rows.loc[scope, "target_value"] = target
    rows.loc[scope, "status"] = [
        _status(v, op, compared, tolerance) for v in rows.loc[scope, "value"]
    ]
    return rows
