"""The service plan's own figures (reference/*.csv), validated by pydantic when first used.

The files are the project's copy of the plan: the 13 municipalities and their service
areas, the service points with their budgeted person-years, and the person-years per
function. A new year's plan is a new ``henkilosto_YYYY.csv``, not a code change.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from common.settings import get_settings

AREA_NAME = "Pohjois-Karjala"
SERVICE_AREAS: tuple[str, ...] = ("Joensuu", "Joensuun seutu", "Keski-Karjala", "Pielisen Karjala")

# Functions counted as customer service for clients_per_customer_service_htv (docs/spec/METRICS.md).
CUSTOMER_SERVICE_FUNCTIONS: tuple[str, ...] = (
    "Henkilöasiakkaan palvelut",
    "Henkilöasiakkaan palvelut, jokerityö",
    "Henkilöasiakkaan palvelut, jokerityö (maakunnallinen)",
    "TYM",
    "Kotouttamispalvelut",
)


class ReferenceError(ValueError):
    """A reference file of the project is broken: names the file, row and column."""

    def __init__(self, file: str, row: int | None, column: str | None, message: str) -> None:
        self.file, self.row, self.column = file, row, column
        where = f"{file}" + (f", rivi/row {row}" if row else "") + (f", {column}" if column else "")
        super().__init__(f"{where}: {message}")


class Municipality(BaseModel):
    model_config = ConfigDict(frozen=True)
    kunta: str
    koodi: str = Field(pattern=r"^\d{3}$")
    palvelualue: str

    @field_validator("palvelualue")
    @classmethod
    def _known_area(cls, value: str) -> str:
        if value not in SERVICE_AREAS:
            raise ValueError(f"unknown service area {value!r}")
        return value


class ServicePoint(BaseModel):
    model_config = ConfigDict(frozen=True)
    kunta: str
    palvelupiste: str
    osoite: str
    htv_yhteensa: float = Field(ge=0)


class StaffLine(BaseModel):
    model_config = ConfigDict(frozen=True)
    kunta: str
    ryhma: str
    tehtava: str
    htv: float = Field(ge=0)

    @property
    def is_customer_service(self) -> bool:
        return self.tehtava in CUSTOMER_SERVICE_FUNCTIONS


def fold(text: str) -> str:
    """Case-, accent- and separator-insensitive form of a header or code (contract rules)."""
    text = text.strip().lower().replace("ä", "a").replace("ö", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[\s\-]+", "_", text)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise ReferenceError(path.name, None, None, "tiedosto puuttuu / file is missing")
    with path.open(encoding="utf-8", newline="") as handle:
        return [(i + 2, row) for i, row in enumerate(csv.DictReader(handle))]


M = TypeVar("M", bound=BaseModel)


def _parse(model: type[M], path: Path) -> tuple[M, ...]:
    out: list[M] = []
    for row_no, row in _rows(path):
        try:
            out.append(model.model_validate(row))
        except ValueError as exc:
            raise ReferenceError(path.name, row_no, None, str(exc)) from exc
    return tuple(out)


def reference_dir() -> Path:
    return get_settings().reference_dir


@lru_cache(maxsize=4)
def municipalities(directory: Path | None = None) -> tuple[Municipality, ...]:
    rows = _parse(Municipality, (directory or reference_dir()) / "kunnat.csv")
    if len({m.kunta for m in rows}) != len(rows) or len({m.koodi for m in rows}) != len(rows):
        raise ReferenceError(
            "kunnat.csv", None, None, "nimi tai koodi toistuu / duplicate name or code"
        )
    return rows


@lru_cache(maxsize=4)
def service_points(directory: Path | None = None) -> tuple[ServicePoint, ...]:
    rows = _parse(ServicePoint, (directory or reference_dir()) / "palvelupisteet.csv")
    known = {m.kunta for m in municipalities(directory)}
    for i, sp in enumerate(rows, start=2):
        if sp.kunta not in known:
            raise ReferenceError("palvelupisteet.csv", i, "kunta", f"unknown {sp.kunta!r}")
    return rows


def staffing_years(directory: Path | None = None) -> tuple[int, ...]:
    """Years for which a ``henkilosto_YYYY.csv`` exists, ascending."""
    found = (directory or reference_dir()).glob("henkilosto_*.csv")
    return tuple(sorted(int(p.stem.split("_")[1]) for p in found))


@lru_cache(maxsize=8)
def staffing(year: int, directory: Path | None = None) -> tuple[StaffLine, ...]:
    """Person-years per service point and function for ``year`` (latest earlier file if none)."""
    years = [y for y in staffing_years(directory) if y <= year] or list(staffing_years(directory))
    if not years:
        raise ReferenceError("henkilosto_YYYY.csv", None, None, "no staffing file")
    path = (directory or reference_dir()) / f"henkilosto_{max(years)}.csv"
    rows = _parse(StaffLine, path)
    known = {m.kunta for m in municipalities(directory)}
    for i, line in enumerate(rows, start=2):
        if line.kunta not in known:
            raise ReferenceError(path.name, i, "kunta", f"unknown {line.kunta!r}")
    return rows


def htv_by_service_point(year: int, directory: Path | None = None) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for line in staffing(year, directory):
        totals[line.kunta] += line.htv
    return {k: round(v, 3) for k, v in totals.items()}


class MunicipalityLookup:
    """Resolves a municipality cell (name, folded name, or 1–3 digit code) to its name."""

    def __init__(self, rows: tuple[Municipality, ...]) -> None:
        self._by_key: dict[str, str] = {}
        for m in rows:
            self._by_key[fold(m.kunta)] = m.kunta
            self._by_key[m.koodi] = m.kunta
            self._by_key[str(int(m.koodi))] = m.kunta  # Excel drops leading zeros: 90 -> 090

    def resolve(self, cell: str) -> str | None:
        key = fold(cell)
        if key.isdigit():
            key = key.zfill(3) if key.zfill(3) in self._by_key else str(int(key))
        return self._by_key.get(key)


@lru_cache(maxsize=1)
def municipality_lookup() -> MunicipalityLookup:
    return MunicipalityLookup(municipalities())


def validate_all(directory: Path | None = None) -> None:
    """Checks every reference file at start-up; raises ReferenceError on the first broken one."""
    municipalities(directory)
    points = service_points(directory)
    for year in staffing_years(directory):
        totals = htv_by_service_point(year, directory)
        for sp in points:
            if abs(totals.get(sp.kunta, 0.0) - sp.htv_yhteensa) > 1e-6:
                raise ReferenceError(
                    f"henkilosto_{year}.csv",
                    None,
                    "htv",
                    f"{sp.kunta}: {totals.get(sp.kunta, 0.0)} ≠ {sp.htv_yhteensa} "
                    "(palvelupisteet.csv)",
                )
    cost_items(directory)


class CostItem(BaseModel):
    """A row of ``kustannuslajit.csv``: an item in force from ``voimassa_alkaen`` to
    ``voimassa_asti`` (empty = still), causation-based or shared (docs/spec/METRICS.md)."""

    model_config = ConfigDict(frozen=True)
    kustannuslaji: str
    aiheuttamisperusteinen: bool
    voimassa_alkaen: date
    voimassa_asti: date | None = None

    @field_validator("voimassa_asti", mode="before")
    @classmethod
    def _empty_is_open(cls, value: object) -> object:
        return None if value == "" else value


@lru_cache(maxsize=4)
def cost_items(directory: Path | None = None) -> tuple[CostItem, ...]:
    """Every dated row of ``kustannuslajit.csv``; an item's periods may not overlap."""
    path = (directory or reference_dir()) / "kustannuslajit.csv"
    rows = _parse(CostItem, path)
    for i, item in enumerate(rows, start=2):
        if item.voimassa_asti is not None and item.voimassa_asti < item.voimassa_alkaen:
            raise ReferenceError(path.name, i, "voimassa_asti", "ennen alkua / before the start")
        for other in rows[: i - 2]:
            if other.kustannuslaji == item.kustannuslaji and _overlap(other, item):
                raise ReferenceError(path.name, i, "voimassa_alkaen", "päällekkäin / overlaps")
    return rows


def _overlap(a: CostItem, b: CostItem) -> bool:
    far = date.max
    return a.voimassa_alkaen <= (b.voimassa_asti or far) and b.voimassa_alkaen <= (
        a.voimassa_asti or far
    )


def cost_items_on(day: date, directory: Path | None = None) -> dict[str, bool]:
    """The items in force on ``day``: item -> causation-based."""
    return {
        c.kustannuslaji: c.aiheuttamisperusteinen
        for c in cost_items(directory)
        if c.voimassa_alkaen <= day and (c.voimassa_asti is None or day <= c.voimassa_asti)
    }
