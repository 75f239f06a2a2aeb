"""The attacker of the breakdown tables' differencing tests: exact linear algebra over every
cell any whole-month period shows and every total published elsewhere.

The unknowns are the finest cells month by month (e.g. municipality x type x channel x
month); what the attacker knows and what it tries to recover are sums of unknowns. A sum is
recovered when its vector lies in the row space of the known sums."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence

import numpy as np

Unknown = Hashable
Sum = Sequence[Unknown]


def whole_month_periods(first: int, last: int, year: int = 2025) -> list[tuple[dt.date, dt.date]]:
    """Every period of whole months ``a..b`` with ``first <= a <= b <= last``."""

    def end_of(m: int) -> dt.date:
        nxt = dt.date(year, m + 1, 1) if m < 12 else dt.date(year + 1, 1, 1)
        return nxt - dt.timedelta(days=1)

    return [
        (dt.date(year, a, 1), end_of(b)) for a in range(first, last + 1) for b in range(a, last + 1)
    ]


def recovered(
    unknowns: Sequence[Unknown], known: Sequence[Sum], targets: Sequence[Sum]
) -> list[bool]:
    """For each target sum: is it determined by the known sums?"""
    pos = {u: i for i, u in enumerate(unknowns)}

    def vector(cells: Sum) -> np.ndarray:
        row = np.zeros(len(unknowns))
        for c in cells:
            row[pos[c]] += 1.0
        return row

    matrix = np.array([vector(k) for k in known]) if known else np.zeros((1, len(unknowns)))
    _, sing, vt = np.linalg.svd(matrix, full_matrices=True)
    rank = int((sing > 1e-9 * max(float(sing.max()), 1.0)).sum())
    null = vt[rank:]
    out = []
    for t in targets:
        v = vector(t)
        out.append(bool(np.abs(null @ v).max() < 1e-9) if null.size else True)
    return out
