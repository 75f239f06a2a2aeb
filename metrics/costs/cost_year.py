"""A cost year ``Y`` seen at the as-of date ``A``: ``E = min(31 Dec Y, A)``, the days elapsed
and the items in force with whether each is causation-based (reference/kustannuslajit.csv)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from common.data_contract import COST_ITEMS
from common.reference import cost_items

ITEM_ORDER: tuple[str, ...] = tuple(c.fi for c in COST_ITEMS)


@dataclass(frozen=True)
class CostYear:
    year: int
    as_of: dt.date

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    @property
    def end(self) -> dt.date:
        """E = min(31 Dec Y, A)."""
        return min(self.last_day, self.as_of)

    @property
    def started(self) -> bool:
        """Nothing is computed when A < 1 Jan Y."""
        return self.as_of >= self.start

    @property
    def days_in_year(self) -> int:
        return (self.last_day - self.start).days + 1

    @property
    def days_elapsed(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def elapsed_share(self) -> float:
        """kulunut_osuus = days(1 Jan Y..E) / days in Y."""
        return self.days_elapsed / self.days_in_year


def causation_items(year: int) -> dict[str, bool]:
    """Item -> causation-based, for the items in force in ``year``: the row in force on 1 Jan;
    an item that comes into force later in the year takes its first row of the year."""
    start, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    found: dict[str, tuple[dt.date, bool]] = {}
    for row in cost_items():
        until = row.voimassa_asti or dt.date.max
        if row.voimassa_alkaen > last or until < start:
            continue
        begins = max(row.voimassa_alkaen, start)
        if row.kustannuslaji not in found or begins < found[row.kustannuslaji][0]:
            found[row.kustannuslaji] = (begins, row.aiheuttamisperusteinen)
    return {item: found[item][1] for item in ITEM_ORDER if item in found}
