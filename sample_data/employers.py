"""Employers, their vacancies (tyopaikat) and the area's contacts with them (yrityskontaktit).

Both scale with ``--clients`` and are generated chunk by chunk: each chunk of clients brings
its share of the year's vacancies and contacts, so memory stays bounded at any size.
Contacts follow the working days, with a summer and Christmas dip.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from sample_data.day_numbers import next_working_day, year_of
from sample_data.profiles import (
    EMPLOYER_CONTACTS_PER_YEAR,
    PROFILES,
    REAL_SIZE,
    VACANCIES_PER_CLIENT_YEAR,
    Geography,
)
from sample_data.staff import NONE, Staff, caseworker_ids

Arr = npt.NDArray[np.int64]
EMPLOYERS_AT_REAL_SIZE = 3000
OUTCOMES = ("taytetty", "ei_taytetty", "peruttu")
MONTH_WEIGHT = np.array([1.0, 1.1, 1.1, 1.05, 1.0, 0.85, 0.4, 0.9, 1.15, 1.1, 1.05, 0.7])


@dataclass(frozen=True)
class Employers:
    muni: Arr  # municipality of each employer, sorted
    starts: Arr  # first employer of each municipality
    counts: Arr

    def pick(self, muni: Arr, rng: np.random.Generator) -> Arr:
        return self.starts[muni] + (rng.random(len(muni)) * self.counts[muni]).astype(np.int64)


def make_employers(geo: Geography, scale: float, rng: np.random.Generator) -> Employers:
    n = max(40, round(EMPLOYERS_AT_REAL_SIZE * scale))
    weights = np.array(geo.weights)
    muni = np.sort(
        np.concatenate(
            [np.arange(len(weights)), rng.choice(len(weights), n - len(weights), p=weights)]
        )
    )
    counts = np.bincount(muni, minlength=len(weights))
    return Employers(muni, np.concatenate(([0], np.cumsum(counts)[:-1])), counts)


def employer_ids(numbers: pl.Expr) -> pl.Expr:
    """Business-id form ``NNNNNNN-C`` (fictitious numbers from 2 900 000 on, valid check digit)."""
    base = numbers + 2_900_000
    digits = [(base // 10**i) % 10 for i in range(6, -1, -1)]
    weighted = sum((d * w for d, w in zip(digits, (7, 9, 10, 5, 8, 4, 2), strict=True)), pl.lit(0))
    rest = weighted % 11
    check = pl.when(rest == 0).then(0).otherwise(11 - rest)
    return base.cast(pl.String) + pl.lit("-") + check.cast(pl.String)


def _days(
    first: int,
    last: int,
    n: int,
    rng: np.random.Generator,
    per_day: npt.NDArray[np.float64] | None = None,
) -> Arr:
    """``n`` working days in the range, fewer in July and December (and as ``per_day`` says)."""
    span = np.arange(first, last + 1, dtype=np.int64)
    month = span.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12
    weight = (
        MONTH_WEIGHT[month]
        * (span == next_working_day(span))
        * (1.0 if per_day is None else per_day)
    )
    return np.sort(rng.choice(span, size=n, p=weight / weight.sum()))


def vacancies(
    share: float,
    scale: float,
    employers: Employers,
    geo: Geography,
    first: int,
    last: int,
    rng: np.random.Generator,
) -> pl.DataFrame:
    years = (last - first + 1) / 365.0
    n = int(rng.poisson(VACANCIES_PER_CLIENT_YEAR * REAL_SIZE * scale * years * share))
    published = _days(first, last, n, rng)
    employer = employers.pick(rng.choice(len(geo.weights), n, p=np.array(geo.weights)), rng)
    muni = employers.muni[employer]
    fill = np.array([PROFILES[a].fill_days for a in geo.areas])[muni]
    outcome = rng.choice(3, n, p=[0.72, 0.13, 0.15])
    days = (
        np.select(
            [outcome == 0, outcome == 1],
            [rng.gamma(2.2, fill / 2.2), rng.uniform(25, 70, n)],
            rng.uniform(2, 40, n),
        ).astype(np.int64)
        + 1
    )
    closed = published + days
    still_open = closed > last
    return pl.DataFrame(
        {
            "employer": employer,
            "kunta": np.array(geo.names)[muni],
            "julkaistu": published,
            "sulkeutunut": np.where(still_open, NONE, closed),
            "tulos": np.where(still_open, NONE, outcome),
            "paikkoja": np.where(rng.random(n) < 0.82, 1, rng.integers(2, 6, n)),
        }
    )


def contacts(
    share: float,
    scale: float,
    employers: Employers,
    staff: Staff,
    geo: Geography,
    first: int,
    last: int,
    rng: np.random.Generator,
) -> pl.DataFrame:
    span = np.arange(first, last + 1, dtype=np.int64)
    per_day = (
        np.array([EMPLOYER_CONTACTS_PER_YEAR.get(int(y), 2500.0) for y in year_of(span)]) / 365.0
    )
    n = int(rng.poisson(per_day.sum() * scale * share))
    day = _days(first, last, n, rng, per_day)
    employer = employers.pick(rng.choice(len(geo.weights), n, p=np.array(geo.weights)), rng)
    muni = employers.muni[employer]
    employer_services = staff.unit == "tyonantajapalvelut"
    who = np.where(
        rng.random(n) < 0.75,
        staff.pick(employer_services, muni, day, rng),
        staff.pick(staff.customer_work(), muni, day, rng),
    )
    return pl.DataFrame(
        {
            "employer": employer,
            "pvm": day,
            "kunta": np.array(geo.names)[muni],
            "kanava": np.array(["kasvokkain", "puhelin", "video", "verkko"])[
                rng.choice(4, n, p=[0.45, 0.35, 0.12, 0.08])
            ],
            "caseworker": np.where(rng.random(n) < 0.05, NONE, who),
        }
    )


def vacancy_frame(df: pl.DataFrame, first_number: int) -> pl.DataFrame:
    return df.with_row_index("i").select(
        (
            pl.lit("P") + (pl.col("i").cast(pl.Int64) + first_number).cast(pl.String).str.zfill(8)
        ).alias("tyopaikka_id"),
        employer_ids(pl.col("employer")).alias("tyonantaja_id"),
        "kunta",
        pl.col("julkaistu").cast(pl.Date),
        pl.when(pl.col("sulkeutunut") >= 0)
        .then(pl.col("sulkeutunut"))
        .cast(pl.Date)
        .alias("sulkeutunut"),
        pl.when(pl.col("tulos") >= 0)
        .then(pl.lit(pl.Series(OUTCOMES)).gather(pl.col("tulos").clip(0)))
        .alias("tulos"),
        "paikkoja",
    )


def contact_frame(df: pl.DataFrame, first_number: int) -> pl.DataFrame:
    return df.with_row_index("i").select(
        (
            pl.lit("Y") + (pl.col("i").cast(pl.Int64) + first_number).cast(pl.String).str.zfill(8)
        ).alias("kontakti_id"),
        employer_ids(pl.col("employer")).alias("tyonantaja_id"),
        pl.col("pvm").cast(pl.Date),
        "kunta",
        "kanava",
        caseworker_ids(pl.col("caseworker")).alias("virkailija_id"),
    )
