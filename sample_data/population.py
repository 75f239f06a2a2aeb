"""Clients (asiakkaat) of one chunk: home municipality, birth year, immigrant background."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from sample_data.day_numbers import year_of
from sample_data.profiles import PROFILES, Geography

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
# Share of a year's clients already in a job search when the data starts (the stock).
STOCK_SHARE = 0.5


@dataclass(frozen=True)
class Clients:
    number: Ints  # client number, unique over the whole run
    muni: Ints  # municipality index (Geography order)
    birth_year: Ints
    immigrant: Bools
    stock: Bools  # job search already on when the data starts


def make_clients(
    first_number: int,
    n: int,
    stock_share: float,
    geo: Geography,
    first: int,
    rng: np.random.Generator,
) -> Clients:
    muni = rng.choice(len(geo.names), size=n, p=np.array(geo.weights))
    # Ages 18-64 at the start, a little more weight on the young and on those near retirement.
    age = np.where(rng.random(n) < 0.27, rng.integers(18, 30, n), rng.integers(30, 65, n))
    start_year = int(year_of(np.array([first], dtype=np.int64))[0])
    immigrant_share = np.array([PROFILES[geo.areas[m]].immigrant_share for m in muni])
    return Clients(
        number=np.arange(first_number, first_number + n, dtype=np.int64),
        muni=muni.astype(np.int64),
        birth_year=(start_year - age).astype(np.int64),
        immigrant=rng.random(n) < immigrant_share,
        stock=rng.random(n) < stock_share,
    )


def client_ids(numbers: pl.Expr) -> pl.Expr:
    """Pseudonymous ids ``A000000123``: a letter and nine digits, never a henkilötunnus."""
    return pl.lit("A") + numbers.cast(pl.String).str.zfill(9)


def asiakkaat_frame(clients: Clients, geo: Geography, rng: np.random.Generator) -> pl.DataFrame:
    names = np.array(geo.names)
    n = len(clients.number)
    # A few records lack the optional fields, as real exports do.
    birth_known = rng.random(n) > 0.01
    immigrant_known = rng.random(n) > 0.02
    return pl.DataFrame(
        {
            "n": clients.number,
            "kunta": names[clients.muni],
            "syntymavuosi": clients.birth_year,
            "maahanmuuttaja": clients.immigrant,
            "birth_known": birth_known,
            "immigrant_known": immigrant_known,
        }
    ).select(
        client_ids(pl.col("n")).alias("asiakas_id"),
        "kunta",
        pl.when(pl.col("birth_known")).then(pl.col("syntymavuosi")).alias("syntymavuosi"),
        pl.when(pl.col("immigrant_known")).then(pl.col("maahanmuuttaja")).alias("maahanmuuttaja"),
    )
