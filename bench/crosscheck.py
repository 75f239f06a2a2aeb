"""Comparing two KPI tables cell by cell: the pandas baseline against the engine.

Used by tests/bench/test_pandas_baseline.py on the committed sample and by bench/run at
every size (the benchmark's data are far larger, so they reach rarer cases).
"""

from __future__ import annotations

import math

import pandas as pd

KEY = ["metric_id", "level", "area"]
NUMBERS = ("numerator", "denominator", "pending", "value", "target_value")
LABELS = ("target_op", "status")


def _empty(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or x is pd.NaT


def _same_number(a: object, b: object) -> bool:
    if _empty(a) or _empty(b):
        return _empty(a) and _empty(b)
    return math.isclose(float(str(a)), float(str(b)), rel_tol=1e-9, abs_tol=1e-9)


def differences(engine: pd.DataFrame, baseline: pd.DataFrame) -> list[str]:
    """Every row or cell where the two tables differ, as readable lines (empty = equal)."""
    merged = engine.merge(
        baseline, on=KEY, how="outer", suffixes=("_engine", "_pandas"), indicator=True
    )
    out = [
        f"{r['metric_id']} {r['level']} {r['area']}: row only in {r['_merge']}"
        for _, r in merged[merged["_merge"] != "both"].iterrows()
    ]
    for _, row in merged[merged["_merge"] == "both"].iterrows():
        where = f"{row['metric_id']} {row['level']} {row['area']}"
        for col in NUMBERS:
            e, p = row[f"{col}_engine"], row[f"{col}_pandas"]
            if not _same_number(e, p):
                out.append(f"{where} {col}: engine {e} pandas {p}")
        for col in LABELS:
            e, p = row[f"{col}_engine"], row[f"{col}_pandas"]
            if (None if _empty(e) else e) != (None if _empty(p) else p):
                out.append(f"{where} {col}: engine {e} pandas {p}")
    return out
