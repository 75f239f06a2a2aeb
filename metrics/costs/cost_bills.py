"""Each municipality's bill (docs/spec/METRICS.md, "A municipality's bill"): its
causation-based actuals plus its share of the pool, per item, in integer cents.

The pool of an item: every row of a shared item, and the rows of a causation-based item with
no ``kunta`` (the project's choice, as the spec says). Each item's pool is shared with
``cent_allocation.allocate``, so a bill (the sum of its cells) and the 13 bills together add up
to the area's actual total to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from common.reference import municipalities
from metrics.costs.cent_allocation import allocate, to_cents
from metrics.costs.cost_data import CostInputs


@dataclass(frozen=True)
class Bills:
    items: tuple[str, ...]  # the year's items, in the contract's order
    causation: dict[str, bool]  # item -> causation-based
    own: dict[tuple[str, str], int]  # (kunta, item) -> cents billed by kunta (causation items)
    pool: dict[str, int]  # item -> cents of its pool
    shared: dict[tuple[str, str], int] | None  # (kunta, item) -> allocated cents; None: no %
    clients: dict[tuple[str, str], int] = field(default_factory=dict)  # distinct clients
    item_total: dict[str, int] = field(default_factory=dict)  # item -> the area's actuals

    @property
    def kunnat(self) -> tuple[str, ...]:
        return tuple(m.kunta for m in municipalities())

    def cell(self, kunta: str, item: str) -> int | None:
        """kunnan_osuus of one municipality x item, None when there are no percentages."""
        if self.shared is None:
            return None
        return self.own.get((kunta, item), 0) + self.shared.get((kunta, item), 0)

    def bill(self, kunta: str) -> int | None:
        if self.shared is None:
            return None
        return sum(self.cell(kunta, item) or 0 for item in self.items)

    def own_total(self, kunta: str) -> int:
        return sum(self.own.get((kunta, item), 0) for item in self.items)

    def shared_total(self, kunta: str) -> int | None:
        if self.shared is None:
            return None
        return sum(self.shared.get((kunta, item), 0) for item in self.items)


def compute_bills(inputs: CostInputs, items: tuple[str, ...], causation: dict[str, bool]) -> Bills:
    own: dict[tuple[str, str], int] = {}
    clients: dict[tuple[str, str], int] = {}
    pool: dict[str, int] = dict.fromkeys(items, 0)
    totals: dict[str, int] = dict.fromkeys(items, 0)
    for item, kunta, toteuma, asiakkaita in inputs.actuals.iter_rows():
        cents = to_cents(Decimal(toteuma))
        totals[item] = totals.get(item, 0) + cents
        if causation.get(item, False) and kunta is not None:
            own[(kunta, item)] = own.get((kunta, item), 0) + cents
            clients[(kunta, item)] = int(asiakkaita)
        else:
            pool[item] = pool.get(item, 0) + cents
    shared: dict[tuple[str, str], int] | None = None
    if inputs.shares:
        shared = {}
        for item in items:
            for kunta, cents in allocate(pool.get(item, 0), inputs.shares).items():
                shared[(kunta, item)] = cents
    return Bills(items, causation, own, pool, shared, clients, totals)
