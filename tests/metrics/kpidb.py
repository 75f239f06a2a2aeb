"""A tiny DuckDB of the contract's tables for hand-made metric fixtures.

Tables are created from common.data_contract (``Export.ddl``) and the reference tables of
docs/database.md from common.reference, exactly as a load leaves them; an export left out of
``exports`` has no table, as when a folder lacks it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import polars as pl

from common import reference
from common.data_contract import EXPORTS, EXPORTS_BY_NAME
from metrics.engine import kpi_table

ALL_EXPORTS = tuple(e.name for e in EXPORTS)


def d(text: str) -> dt.date:
    """'3.3.2025' -> date(2025, 3, 3): Finnish dates read like the cases they describe."""
    day, month, year = (int(p) for p in text.split("."))
    return dt.date(year, month, day)


class KpiDb:
    """An in-memory database with the contract's tables and the reference tables."""

    def __init__(self, exports: Iterable[str] = ALL_EXPORTS, as_of: dt.date | None = None) -> None:
        self.con = duckdb.connect()
        self._ids = itertools.count(1)
        for name in exports:
            self.con.execute(EXPORTS_BY_NAME[name].ddl())
        self.con.execute(
            "CREATE TABLE ref_kunnat (kunta VARCHAR, koodi VARCHAR, palvelualue VARCHAR)"
        )
        for m in reference.municipalities():
            self.con.execute(
                "INSERT INTO ref_kunnat VALUES (?, ?, ?)", [m.kunta, m.koodi, m.palvelualue]
            )
        self.con.execute(
            "CREATE TABLE ref_palvelupisteet "
            "(kunta VARCHAR, palvelupiste VARCHAR, osoite VARCHAR, htv_yhteensa DOUBLE)"
        )
        for p in reference.service_points():
            self.con.execute(
                "INSERT INTO ref_palvelupisteet VALUES (?, ?, ?, ?)",
                [p.kunta, p.palvelupiste, p.osoite, p.htv_yhteensa],
            )
        self.con.execute(
            "CREATE TABLE ref_henkilosto (vuosi INTEGER, kunta VARCHAR, ryhma VARCHAR, "
            "tehtava VARCHAR, htv DOUBLE, asiakaspalvelu BOOLEAN)"
        )
        for year in reference.staffing_years():
            for s in reference.staffing(year):
                self.con.execute(
                    "INSERT INTO ref_henkilosto VALUES (?, ?, ?, ?, ?, ?)",
                    [year, s.kunta, s.ryhma, s.tehtava, s.htv, s.is_customer_service],
                )
        if as_of is not None:
            self.con.execute(
                "CREATE TABLE meta_load AS SELECT ?::DATE AS as_of, now() AS loaded_at, "
                "'fixture' AS source, 0.0 AS duration_s",
                [as_of],
            )

    def add(self, table: str, **row: Any) -> None:
        """Inserts one row; omitted columns are null; a missing event/contact id is generated."""
        export = EXPORTS_BY_NAME[table]
        first = export.columns[0]
        if first.unique and first.name not in row and first.name.endswith("_id"):
            row[first.name] = f"{table}-{next(self._ids)}"
        unknown = set(row) - {c.name for c in export.columns}
        assert not unknown, f"{table}: unknown columns {unknown}"
        names = list(row)
        cols = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in names)
        self.con.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', list(row.values()))

    def client(self, asiakas_id: str, kunta: str) -> None:
        self.add("asiakkaat", asiakas_id=asiakas_id, kunta=kunta)

    def event(self, asiakas_id: str, tyyppi: str, pvm: dt.date, **more: Any) -> None:
        self.add("tapahtumat", asiakas_id=asiakas_id, tyyppi=tyyppi, pvm=pvm, **more)

    def kpi(
        self,
        metric_id: str,
        start: dt.date,
        end: dt.date,
        *,
        as_of: dt.date | None = None,
        levels: Sequence[str] = ("koko_alue", "palvelualue", "kunta"),
    ) -> dict[str, dict[str, Any]]:
        """The metric's KPI rows by area name."""
        table = kpi_table(self.con, start, end, as_of=as_of, levels=levels, metric_ids=[metric_id])
        return {row["area"]: row for row in table.iter_rows(named=True)}

    def table(self, start: dt.date, end: dt.date, **kw: Any) -> pl.DataFrame:
        return kpi_table(self.con, start, end, **kw)
