"""Job-search periods of one chunk's clients and what happens inside each.

Every period is one of: *plain* (one status spell), *training* (unemployed, then in services
for a labour-market training or another service, then unemployed until the search ends:
soon for those whose training led to work), or *TYM* (a long multisector customership).
Immigrant clients' first period usually includes an integration customership. A client has
up to three periods; the next starts some weeks or months after the previous one ended.
Ends after the extraction date are open (null) when written (see frames.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from sample_data.population import Clients
from sample_data.profiles import PROFILES, Geography

Arr = npt.NDArray[np.int64]
Batch = dict[str, npt.NDArray[Any]]

PLAIN, TRAINING, TYM = 0, 1, 2
STATUSES = ("tyoton", "lomautettu", "tyollinen", "palveluissa", "muu")
# Status of a plain period: tyoton, lomautettu, tyollinen, muu; and median days of each.
PLAIN_STATUS = (0, 1, 2, 4)
PLAIN_P = (0.72, 0.16, 0.07, 0.05)
PLAIN_MEDIAN = {0: 150.0, 1: 70.0, 2: 100.0, 4: 75.0}
MAX_PERIODS = 3


def _lognormal(rng: np.random.Generator, median: npt.NDArray[np.float64] | float, n: int) -> Arr:
    return np.maximum(1, np.round(np.asarray(median) * rng.lognormal(0.0, 0.85, n))).astype(
        np.int64
    )


def _area_value(geo: Geography, muni: Arr, field: str) -> npt.NDArray[np.float64]:
    table = np.array([getattr(PROFILES[a], field) for a in geo.areas])
    return table[muni]


def _plan(
    client: Arr,
    start: Arr,
    stock: npt.NDArray[np.bool_],
    first_period: bool,
    clients: Clients,
    geo: Geography,
    first: int,
    rng: np.random.Generator,
) -> Batch:
    n = len(client)
    muni = clients.muni[client]
    age = (first // 365 + 1970) - clients.birth_year[client]
    koto = clients.immigrant[client] & first_period & (rng.random(n) < np.where(stock, 0.5, 0.7))
    tym_p = np.where(stock, 0.18, 0.06 + 0.04 * (age >= 45))
    u = rng.random(n)
    kind = np.where(
        u < tym_p, TYM, np.where(~stock & (u < tym_p + np.where(koto, 0.35, 0.2)), TRAINING, PLAIN)
    )
    # Long-term TYM clients of the stock started their search years before the data.
    start = np.where(stock & (kind == TYM), first - rng.integers(100, 700, n), start)
    status = np.array(PLAIN_STATUS)[rng.choice(4, n, p=PLAIN_P)]
    status = np.where(koto | (kind != PLAIN), 0, status)
    median = (
        np.vectorize(PLAIN_MEDIAN.get)(status)
        * np.where(koto, 2.0, 1.0)
        * _area_value(geo, muni, "search_length")
    )
    end = start + _lognormal(rng, median, n)
    # Training periods: unemployed, in services, unemployed until the search ends.
    pre = rng.integers(20, 150, n)
    planned = np.where(koto, rng.integers(120, 330, n), rng.integers(60, 300, n))
    completed = rng.random(n) < 0.82
    actual = np.where(
        completed, planned, np.maximum(5, (planned * rng.uniform(0.15, 0.8, n)).astype(np.int64))
    )
    success = rng.random(n) < _area_value(geo, muni, "training_success")
    post = np.where(success & completed, rng.integers(1, 80, n), rng.integers(100, 300, n))
    service_start = start + pre
    service_end = service_start + actual - 1
    end = np.where(kind == TRAINING, service_end + post, end)
    has_training = (kind == TRAINING) & (rng.random(n) < 0.7)
    # TYM customerships: start some weeks in, last on average the area's tym_months.
    tym_start = start + rng.integers(14, 150, n)
    tym_days = (
        rng.gamma(3.0, _area_value(geo, muni, "tym_months") * 30.4375 / 3.0).astype(np.int64) + 30
    )
    end = np.where(kind == TYM, tym_start + tym_days, end)
    # The stock was already searching when the data starts: its periods are open then.
    # What remains of a stock period is longer than a fresh one (long searches are more
    # likely to be on at any given day).
    remaining = first + _lognormal(rng, median * 3.0, n)
    end = np.where(stock, np.where(kind == TYM, np.maximum(end, first + 30), remaining), end)
    # Open-market employment ends some searches: their last 1-30 days are a tyollinen spell
    # (time_to_employment_days). Only unemployed or laid-off plain searches and training
    # searches after the service; the search must be unemployed before the job starts.
    job_day = end - rng.integers(0, 30, n)
    unemployed_before = np.where(kind == TRAINING, service_end + 1, start) < job_day
    job_found = (
        (kind != TYM)
        & ((kind == TRAINING) | (status <= 1))
        & unemployed_before
        & (rng.random(n) < _area_value(geo, muni, "employment_end"))
    )
    return {
        "client": client,
        "muni": muni,
        "start": start,
        "end": end,
        "kind": kind,
        "status": status,
        "stock": stock,
        "koto": koto,
        "koto_start": start + rng.integers(0, 8, n),
        "tym_start": tym_start,
        "service_start": service_start,
        "service_end": service_end,
        "planned_end": service_start + planned - 1,
        "completed": completed,
        "has_training": has_training,
        "career": ~stock & (rng.random(n) < 0.04),
        "career_start": start + rng.integers(20, 120, n),
        "career_days": rng.integers(30, 150, n),
        "job_found": job_found,
        "job_day": job_day,
    }


def make_periods(
    clients: Clients, geo: Geography, first: int, last: int, rng: np.random.Generator
) -> Batch:
    n = len(clients.number)
    idx = np.arange(n, dtype=np.int64)
    start = np.where(
        clients.stock, first - rng.integers(1, 600, n), rng.integers(first, last + 1, n)
    )
    batches = [_plan(idx, start, clients.stock, True, clients, geo, first, rng)]
    for _ in range(MAX_PERIODS - 1):
        prev = batches[-1]
        nxt = prev["end"] + rng.integers(20, 400, len(prev["end"]))
        keep = (prev["end"] < last) & (nxt <= last) & (rng.random(len(nxt)) < 0.45)
        if not keep.any():
            break
        none = np.zeros(int(keep.sum()), dtype=bool)
        batches.append(
            _plan(prev["client"][keep], nxt[keep], none, False, clients, geo, first, rng)
        )
    periods = {key: np.concatenate([b[key] for b in batches]) for key in batches[0]}
    order = np.lexsort((periods["start"], periods["client"]))
    periods = {key: value[order] for key, value in periods.items()}
    periods["number"] = clients.number[periods["client"]]
    return periods
