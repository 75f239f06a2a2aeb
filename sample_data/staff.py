"""Caseworkers (virkailijat): one per budgeted person-year of the plan's staffing, scaled.

Each staffing line of reference/henkilosto_YYYY.csv becomes ``max(1, round(htv * scale))``
posts in its municipality and unit. Some posts change hands during the data (the first
holder's ``loppupvm``, the successor's ``alkupvm``). A share of the customer-work posts,
different per service area, never makes job offers (the target is that every one does).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from common.data_contract import CUSTOMER_WORK_UNITS
from common.reference import staffing
from sample_data.day_numbers import Days
from sample_data.profiles import PROFILES, Geography

Ints = npt.NDArray[np.int64]
NONE = -1
TURNOVER = 0.12


def unit_of(group: str, function: str) -> str:
    text = f"{group} {function}".lower()
    if function.startswith("Henkilöasiakkaan palvelut"):
        return "henkiloasiakkaat"
    if function == "TYM":
        return "tym"
    if function == "Kotouttamispalvelut":
        return "kotouttaminen"
    if function == "Työnantajapalvelut":
        return "tyonantajapalvelut"
    if "keskitetyt" in text or "käynnistymis" in text:
        return "keskitetyt"
    return "muu"


@dataclass(frozen=True)
class Staff:
    muni: Ints  # municipality index of each post
    unit: npt.NDArray[np.str_]
    offers: npt.NDArray[np.bool_]  # the post's holders make job offers
    holder_a: Ints  # caseworker number of the first holder
    holder_b: Ints  # successor's number, NONE when the post does not change hands
    switch: Days  # the first holder's last day (huge when no successor)

    def pick(
        self, mask: npt.NDArray[np.bool_], muni: Ints, day: Days, rng: np.random.Generator
    ) -> Ints:
        """A caseworker of a post in ``mask`` in each municipality (any such post if none)."""
        posts = np.flatnonzero(mask)
        order = posts[np.argsort(self.muni[posts], kind="stable")]
        counts = np.bincount(self.muni[order], minlength=int(self.muni.max()) + 1)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        have = counts[muni] > 0
        local = starts[muni] + (rng.random(len(muni)) * np.maximum(counts[muni], 1)).astype(
            np.int64
        )
        anywhere = (rng.random(len(muni)) * len(order)).astype(np.int64)
        post = order[np.where(have, local, anywhere)]
        return np.where(day > self.switch[post], self.holder_b[post], self.holder_a[post])

    def customer_work(self) -> npt.NDArray[np.bool_]:
        return np.isin(self.unit, CUSTOMER_WORK_UNITS)


def build_staff(
    geo: Geography, year: int, scale: float, first: int, last: int, rng: np.random.Generator
) -> Staff:
    munis: list[int] = []
    units: list[str] = []
    for line in staffing(year):
        posts = max(1, round(line.htv * scale))
        munis += [geo.index(line.kunta)] * posts
        units += [unit_of(line.ryhma, line.tehtava)] * posts
    muni = np.array(munis, dtype=np.int64)
    unit = np.array(units)
    n = len(muni)
    share = np.array([PROFILES[geo.areas[m]].offering_caseworkers for m in muni])
    offers = np.isin(unit, CUSTOMER_WORK_UNITS) & (rng.random(n) < share)
    changes = (rng.random(n) < TURNOVER) & (last - first > 60)
    switch = np.where(changes, rng.integers(first + 30, max(first + 31, last - 30), n), 10**9)
    holder_a = np.arange(1, n + 1, dtype=np.int64)
    holder_b = np.where(changes, n + np.cumsum(changes), NONE).astype(np.int64)
    return Staff(muni, unit, offers, holder_a, holder_b, switch.astype(np.int64))


def caseworker_ids(numbers: pl.Expr) -> pl.Expr:
    return pl.when(numbers >= 0).then(pl.lit("V") + numbers.cast(pl.String).str.zfill(5))


def virkailijat_frame(staff: Staff, geo: Geography) -> pl.DataFrame:
    names = np.array(geo.names)
    changed = staff.holder_b != NONE
    first = pl.DataFrame(
        {
            "n": staff.holder_a,
            "yksikko": staff.unit,
            "kunta": names[staff.muni],
            "alkupvm": np.full(len(staff.muni), None),
            "loppupvm": np.where(changed, staff.switch, NONE),
        },
        strict=False,
    )
    second = pl.DataFrame(
        {
            "n": staff.holder_b[changed],
            "yksikko": staff.unit[changed],
            "kunta": names[staff.muni[changed]],
            "alkupvm": staff.switch[changed] + 1,
            "loppupvm": np.full(int(changed.sum()), NONE),
        }
    )
    both = pl.concat(
        [first.with_columns(pl.col("alkupvm").cast(pl.Int64)), second], how="vertical_relaxed"
    )
    return both.sort("n").select(
        caseworker_ids(pl.col("n")).alias("virkailija_id"),
        "yksikko",
        "kunta",
        pl.col("alkupvm").cast(pl.Date),
        pl.when(pl.col("loppupvm") >= 0).then(pl.col("loppupvm")).cast(pl.Date).alias("loppupvm"),
    )
