"""Writes a folder of every export, streaming clients in chunks so memory stays bounded.

``--clients N`` is the number of clients with a job search on in a year: half of them (the
stock) are already searching when the range starts, and new clients enter at ``N / 2`` per
365 days. The run writes ``round(N / 2 + N / 2 * days / 365)`` clients for a range of
``days`` days, exactly N for one year; the stock stays near N / 2, so about N distinct
clients are job seekers in each later year too. Staff, employers, vacancies and employer
contacts scale with ``N / 20 000`` (the area's real size).

Each chunk of clients draws from its own random stream (seed, chunk number), so the output
is the same for the same arguments, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np
import polars as pl

from common.data_contract import EXPORTS
from sample_data import frames
from sample_data.costs import EXAMPLE_NOTE, CostBook, example_shares
from sample_data.day_numbers import day_number
from sample_data.employers import contact_frame, contacts, make_employers, vacancies, vacancy_frame
from sample_data.events import EventBuilder
from sample_data.periods import make_periods
from sample_data.population import STOCK_SHARE, asiakkaat_frame, make_clients
from sample_data.profiles import REAL_SIZE, geography
from sample_data.registers import palvelupisteet_frame, tyoryhmat_frame
from sample_data.staff import build_staff, virkailijat_frame
from sample_data.statements import lausunnot_frame

CHUNK_SIZE = 20_000
# The note that marks the sample's percentages and budget as examples; a load skips it.
NOTE_FILE = "LUEMINUT.md"


@dataclass(frozen=True)
class Options:
    out: Path
    clients: int = REAL_SIZE
    seed: int = 1
    first: dt.date = dt.date(2025, 1, 1)
    last: dt.date = dt.date(2026, 10, 31)
    chunk_size: int = CHUNK_SIZE

    @property
    def stock_clients(self) -> int:
        return round(STOCK_SHARE * self.clients)

    @property
    def total_clients(self) -> int:
        days = (self.last - self.first).days + 1
        return max(1, round(self.stock_clients + (self.clients - self.stock_clients) * days / 365))


@dataclass
class Summary:
    rows: dict[str, int] = field(default_factory=dict)
    chunks: int = 0
    largest_chunk: int = 0


class CsvWriter:
    """One open CSV file per export; the header goes out with the first chunk."""

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.handles: dict[str, IO[bytes]] = {}
        self.summary = Summary()
        for export in EXPORTS:
            self.handles[export.name] = (out / f"{export.name}.csv").open("wb")
            self.summary.rows[export.name] = 0
        self.columns = {e.name: [c.name for c in e.columns] for e in EXPORTS}

    def write(self, name: str, df: pl.DataFrame) -> None:
        if list(df.columns) != self.columns[name]:
            raise RuntimeError(f"{name}: columns {df.columns} differ from the contract")
        first = self.summary.rows[name] == 0 and self.handles[name].tell() == 0
        df.write_csv(self.handles[name], include_header=first)
        self.summary.rows[name] += df.height

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()


def generate(options: Options) -> Summary:
    first, last = day_number(options.first), day_number(options.last)
    if last < first:
        raise ValueError("--to is before --from")
    scale = options.clients / REAL_SIZE
    geo = geography(options.first.year)
    shared = np.random.default_rng([options.seed, 0])
    staff = build_staff(geo, options.first.year, scale, first, last, shared)
    employers = make_employers(geo, scale, shared)
    total = options.total_clients
    stock_share = min(1.0, options.stock_clients / total)
    writer = CsvWriter(options.out)
    book = CostBook(options.first, options.last, scale, options.seed)
    try:
        writer.write("virkailijat", virkailijat_frame(staff, geo))
        writer.write("tyoryhmat", tyoryhmat_frame(options.last))
        writer.write("palvelupisteet", palvelupisteet_frame(geo, options.first, options.last))
        for chunk, begin in enumerate(range(0, total, options.chunk_size)):
            n = min(options.chunk_size, total - begin)
            rng = np.random.default_rng([options.seed, 1, chunk])
            clients = make_clients(begin + 1, n, stock_share, geo, first, rng)
            periods = make_periods(clients, geo, first, last, rng)
            events = EventBuilder(periods, geo, staff, first, last, rng).build()
            share = n / total
            rows = writer.summary.rows
            people = asiakkaat_frame(clients, geo, rng)
            writer.write("asiakkaat", people)
            writer.write("tyonhakujaksot", frames.tyonhakujaksot(periods, first, last))
            spells = frames.tilajaksot(periods, first, last)
            writer.write("tilajaksot", spells)
            writer.write("palvelujaksot", frames.palvelujaksot(periods, first, last))
            trainings = frames.koulutukset(periods, last, scale, rng)
            writer.write("koulutukset", trainings)
            writer.write(
                "tapahtumat", frames.tapahtumat(events, periods, geo.names, rows["tapahtumat"] + 1)
            )
            vac = vacancies(share, scale, employers, geo, first, last, rng)
            writer.write("tyopaikat", vacancy_frame(vac, rows["tyopaikat"] + 1))
            con = contacts(share, scale, employers, staff, geo, first, last, rng)
            writer.write("yrityskontaktit", contact_frame(con, rows["yrityskontaktit"] + 1))
            statements = np.random.default_rng([options.seed, 2, chunk])
            writer.write(
                "lausunnot",
                lausunnot_frame(periods, geo, first, last, rows["lausunnot"] + 1, statements),
            )
            ledger, decisions = book.chunk(
                chunk, people, spells, trainings, rows["kustannukset"] + 1
            )
            writer.write("kustannukset", ledger)
            writer.write("sitoumukset", decisions)
            writer.summary.chunks += 1
            writer.summary.largest_chunk = max(writer.summary.largest_chunk, n)
        writer.write("kustannukset", book.shared(writer.summary.rows["kustannukset"] + 1))
        writer.write("talousarvio", book.budget())
        years = list(range(options.first.year, options.last.year + 1))
        writer.write(
            "kustannusjako", example_shares(dict(zip(geo.names, geo.weights, strict=True)), years)
        )
        (options.out / NOTE_FILE).write_text(EXAMPLE_NOTE, encoding="utf-8")
    finally:
        writer.close()
    return writer.summary
