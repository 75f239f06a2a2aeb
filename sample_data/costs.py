"""The money of the sample (docs/sample_data.md, "Costs"): a ledger for the chunk's clients,
the decisions behind it, the area's monthly shared costs, a budget and an example table of
percentages (marked as one: the project ships no real percentages).

Per chunk (its own random stream, so the other exports stay as they were): a pay subsidy
(``palkkatuki``) or a start-up grant (``starttiraha``) for most service spells that are not a
training, paid monthly against a decision in ``sitoumukset``; purchased training
(``ostopalvelut``) for every participation in ``koulutukset``, half at the start and half at
the end, billed to the participant's municipality; a few expense allowances and travel
costs. After the last chunk: staff costs by month in line with the person-years of
``reference/henkilosto_<year>.csv``, premises, ICT and other costs, all scaled with
``N / 20 000``, and the budget: each item's year projected from the ledger times a fixed
factor (some items run over, as a real year does).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

import numpy as np
import polars as pl

from common.reference import htv_by_service_point

# Euros a month at the area's real size per person-year (pay and side costs), and the other
# shared items a month at the real size.
STAFF_EUR_PER_HTV_MONTH = 4_750.0
SHARED_PER_MONTH = {"toimitilat": 98_000.0, "ict": 61_000.0, "muu": 37_000.0}
PAY_SUBSIDY_MONTH = (1_500.0, 2_600.0)
START_UP_MONTH = (700.0, 1_100.0)
TRAINING_PER_PARTICIPANT = {  # purchased training, euros per participant by kind
    "ammatillinen": 9_000.0, "kotoutuminen": 9_500.0, "yrittajyys": 3_000.0,
    "muutosturva": 5_000.0, "vos": 2_000.0,
}  # fmt: skip
# Budget = the year's projected actuals x this factor (below 1: the item runs over).
BUDGET_FACTOR = {
    "henkilosto": 1.01, "toimitilat": 1.03, "ict": 0.97, "muu": 1.10, "palkkatuki": 0.98,
    "starttiraha": 1.15, "ostopalvelut": 1.05, "kulukorvaukset": 1.20,
    "matka_ja_yopyminen": 1.20,
}  # fmt: skip
LEDGER_COLUMNS = ("kirjaus_id", "pvm", "kustannuslaji", "summa", "kunta", "asiakas_id",
                  "koulutus_id", "paatos_id", "selite")  # fmt: skip
DECISION_COLUMNS = ("paatos_id", "paatospvm", "kustannuslaji", "kunta", "asiakas_id", "vuosi",
                    "summa")  # fmt: skip
EXAMPLE_NOTE = """\
# Esimerkkiaineisto / Example data

`kustannusjako.csv` on ESIMERKKI: prosenttiosuudet on johdettu otosaineiston asiakasmääristä,
eivät ole työllisyysalueen todellinen kustannusjako. Todelliset osuudet tulevat vuoden
talousarviosta. `talousarvio.csv` on johdettu otosaineiston kirjanpidosta.

`kustannusjako.csv` is an EXAMPLE: the percentages are derived from the sample's client
numbers and are not the area's real cost-sharing percentages, which come from the year's
budget. `talousarvio.csv` is derived from the sample's ledger.
"""


def _month_ends(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    year, month = first.year, first.month
    while True:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        end = nxt - dt.timedelta(days=1)
        if end > last:
            return
        yield end
        year, month = nxt.year, nxt.month


def _cents(value: float) -> float:
    return round(value, 2)


class CostBook:
    """Collects the ledger and the decisions chunk by chunk, and the year totals."""

    def __init__(self, first: dt.date, last: dt.date, scale: float, seed: int) -> None:
        self.first, self.last, self.scale, self.seed = first, last, scale, seed
        self.totals: dict[tuple[int, str], float] = defaultdict(float)
        self.decisions = 0

    def _rows(self, rows: list[dict[str, object]], first_number: int) -> pl.DataFrame:
        frame = pl.DataFrame(rows, schema={
            "pvm": pl.Date, "kustannuslaji": pl.String, "summa": pl.Float64, "kunta": pl.String,
            "asiakas_id": pl.String, "koulutus_id": pl.String, "paatos_id": pl.String,
            "selite": pl.String,
        }, orient="row")  # fmt: skip
        frame = frame.sort("pvm", "asiakas_id", "kustannuslaji", "paatos_id", "koulutus_id",
                           nulls_last=True)  # fmt: skip
        for day, item, summa in frame.select("pvm", "kustannuslaji", "summa").iter_rows():
            self.totals[(day.year, item)] += summa
        ids = pl.format("R{}", (pl.int_range(pl.len()) + first_number).cast(pl.String).str.zfill(9))
        return frame.with_columns(ids.alias("kirjaus_id"), pl.col("summa").round(2)).select(
            LEDGER_COLUMNS
        )

    def chunk(
        self, chunk: int, clients: pl.DataFrame, spells: pl.DataFrame, trainings: pl.DataFrame,
        first_number: int,
    ) -> tuple[pl.DataFrame, pl.DataFrame]:  # fmt: skip
        """(ledger rows, decision rows) of one chunk's clients."""
        rng = np.random.default_rng([self.seed, 2, chunk])
        kunta = dict(zip(clients["asiakas_id"], clients["kunta"], strict=True))
        rows: list[dict[str, object]] = []
        decisions: list[dict[str, object]] = []
        trained = set(zip(trainings["asiakas_id"], trainings["alkupvm"], strict=True))
        services = spells.filter(pl.col("tila") == "palveluissa").sort("asiakas_id", "alkupvm")
        spans = services.select("asiakas_id", "alkupvm", "loppupvm")
        for client, start, end in spans.iter_rows():
            if (client, start) in trained:
                continue
            u = rng.random()
            if u < 0.75:
                item, low_high = "palkkatuki", PAY_SUBSIDY_MONTH
            elif u < 0.87:
                item, low_high = "starttiraha", START_UP_MONTH
            else:
                continue  # a work try-out or another service without a cost of its own
            monthly = _cents(rng.uniform(*low_high))
            self.decisions += 1
            decision = f"P{self.seed:02d}{self.decisions:07d}"
            planned_end = end or start + dt.timedelta(days=int(rng.integers(180, 366)))
            paid_until = min((end or self.last) + dt.timedelta(days=30), self.last)
            months: dict[int, int] = defaultdict(int)
            for day in _month_ends(start, planned_end + dt.timedelta(days=30)):
                months[day.year] += 1  # paid in arrears at each month's end
                if day <= paid_until:
                    rows.append({"pvm": day, "kustannuslaji": item, "summa": monthly,
                                 "kunta": kunta[client], "asiakas_id": client,
                                 "koulutus_id": None, "paatos_id": decision,
                                 "selite": None})  # fmt: skip
            decided = max(start - dt.timedelta(days=int(rng.integers(3, 20))), self.first)
            for year, count in sorted(months.items()):
                decisions.append({"paatos_id": decision, "paatospvm": decided,
                                  "kustannuslaji": item, "kunta": kunta[client],
                                  "asiakas_id": client, "vuosi": year,
                                  "summa": _cents(monthly * count)})  # fmt: skip
        for client, course, kind, start, end in trainings.select(
            "asiakas_id", "koulutus_id", "laji", "alkupvm", "loppupvm"
        ).iter_rows():
            price = TRAINING_PER_PARTICIPANT[kind] * rng.uniform(0.85, 1.15)
            for day in (start, end):
                if self.first <= day <= self.last:
                    rows.append({"pvm": day, "kustannuslaji": "ostopalvelut",
                                 "summa": _cents(price / 2), "kunta": kunta[client],
                                 "asiakas_id": None, "koulutus_id": course, "paatos_id": None,
                                 "selite": "koulutuksen lasku"})  # fmt: skip
            if self.first <= start <= self.last and rng.random() < 0.3:
                item = "kulukorvaukset" if rng.random() < 0.7 else "matka_ja_yopyminen"
                rows.append({"pvm": start + dt.timedelta(days=int(rng.integers(5, 40))),
                             "kustannuslaji": item, "summa": _cents(rng.uniform(40, 420)),
                             "kunta": kunta[client], "asiakas_id": client, "koulutus_id": None,
                             "paatos_id": None, "selite": None})  # fmt: skip
        rows = [r for r in rows if r["pvm"] <= self.last]  # type: ignore[operator]
        decision_frame = pl.DataFrame(decisions, schema={
            "paatos_id": pl.String, "paatospvm": pl.Date, "kustannuslaji": pl.String,
            "kunta": pl.String, "asiakas_id": pl.String, "vuosi": pl.Int32, "summa": pl.Float64,
        }, orient="row").select(DECISION_COLUMNS)  # fmt: skip
        return self._rows(rows, first_number), decision_frame

    def shared(self, first_number: int) -> pl.DataFrame:
        """The area's monthly shared costs (no municipality), with a correction a year."""
        rng = np.random.default_rng([self.seed, 3])
        rows: list[dict[str, object]] = []
        for day in _month_ends(self.first, self.last):
            htv = sum(htv_by_service_point(day.year).values())
            staff = htv * STAFF_EUR_PER_HTV_MONTH * self.scale * rng.uniform(0.97, 1.03)
            if day.month == 7:
                staff *= 1.6  # holiday pay
            amounts = {"henkilosto": staff} | {
                k: v * self.scale * rng.uniform(0.9, 1.1) for k, v in SHARED_PER_MONTH.items()
            }
            for item, amount in amounts.items():
                rows.append({"pvm": day, "kustannuslaji": item, "summa": _cents(amount),
                             "kunta": None, "asiakas_id": None, "koulutus_id": None,
                             "paatos_id": None,
                             "selite": f"{item} {day.month}/{day.year}"})  # fmt: skip
            if day.month == 3:
                credit = _cents(-0.05 * amounts["ict"])
                rows.append({"pvm": day, "kustannuslaji": "ict", "summa": credit,
                             "kunta": None, "asiakas_id": None, "koulutus_id": None,
                             "paatos_id": None,
                             "selite": "hyvityslasku / credit note"})  # fmt: skip
        return self._rows(rows, first_number)

    def budget(self) -> pl.DataFrame:
        """Each year's budget: the item's actuals projected to the year's end x its factor,
        rounded to a hundred euros."""
        rows = []
        for (year, item), total in sorted(self.totals.items()):
            start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), self.last)
            days = (end - start).days + 1
            full = total * (366 if year % 4 == 0 else 365) / days
            amount = round(full * BUDGET_FACTOR.get(item, 1.0), -2)
            rows.append({"vuosi": year, "kustannuslaji": item, "summa": amount})
        return pl.DataFrame(rows, schema={"vuosi": pl.Int32, "kustannuslaji": pl.String,
                                          "summa": pl.Float64}, orient="row")  # fmt: skip


def example_shares(weights: dict[str, float], years: list[int]) -> pl.DataFrame:
    """An EXAMPLE percentage table: the municipalities' client shares in percent, two
    decimals, the rounding left over added to the largest, so each year adds up to 100."""
    percent = {k: round(100 * v, 2) for k, v in weights.items()}
    largest = max(percent, key=lambda k: percent[k])
    percent[largest] = round(percent[largest] + 100 - sum(percent.values()), 2)
    return pl.DataFrame(
        [{"vuosi": y, "kunta": k, "osuus": v} for y in years for k, v in percent.items()],
        schema={"vuosi": pl.Int32, "kunta": pl.String, "osuus": pl.Float64}, orient="row",
    )  # fmt: skip
