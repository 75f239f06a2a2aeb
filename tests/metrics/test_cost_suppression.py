"""The board's municipality x item cells: a person-related cell behind 1–4 clients is hidden
with companions, so that neither the municipality's bill nor the item's total gives it back
(the exact audit of metrics.cell_suppression); cells behind 5 or more clients and the bills
stay shown."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from metrics.cell_suppression import Equation, determined_cells
from metrics.costs.cost_report import cost_report
from metrics.costs.cost_suppression import hidden_cells
from tests.metrics.test_costs import _cost, _db


def _report(pay_clients: int, start_up: bool = True) -> object:
    db = _db()
    for n in range(6):
        db.client(f"B{n}", "Joensuu")
    for n in range(pay_clients):
        _cost(db, "2025-03-31", "palkkatuki", "1000.00", kunta="Joensuu", asiakas_id=f"B{n}")
    _cost(db, "2025-03-31", "ostopalvelut", "5000.00", kunta="Joensuu")
    _cost(db, "2025-03-31", "ostopalvelut", "3000.00", kunta="Lieksa")
    if start_up:
        _cost(db, "2025-03-31", "starttiraha", "800.00", kunta="Lieksa", asiakas_id="A2")
    _cost(db, "2025-03-31", "henkilosto", "10000.00")
    return cost_report(db.con, 2025)


def test_a_cell_behind_few_clients_is_hidden_and_cannot_be_recovered() -> None:
    report = _report(pay_clients=2)
    bills = report.bills  # type: ignore[attr-defined]
    hidden = hidden_cells(bills)
    assert ("Joensuu", "palkkatuki") in hidden and ("Lieksa", "starttiraha") in hidden
    assert len(hidden) > 2  # companions
    items = [i for i in bills.items if bills.causation[i]]
    cells = [(k, i) for k in bills.kunnat for i in items]
    index = {c: n for n, c in enumerate(cells)}
    equations = [Equation(tuple(index[(k, i)] for i in items)) for k in bills.kunnat]
    equations += [Equation(tuple(index[(k, i)] for k in bills.kunnat)) for i in items]
    assert not determined_cells(equations, {index[c] for c in hidden})


def test_the_board_table_shows_small_cells_as_hidden_and_every_bill() -> None:
    report = _report(pay_clients=2)
    board = report.board_cells()  # type: ignore[attr-defined]
    row = board.filter((pl.col("kunta") == "Joensuu") & (pl.col("kustannuslaji") == "palkkatuki"))
    assert row["kunnan_osuus_suppressed"].item() and row["toteuma_suppressed"].item()
    bills = report.table("kunta")  # type: ignore[attr-defined]
    assert "kunnan_osuus_suppressed" not in bills.columns
    assert bills.filter(pl.col("kunta") == "Joensuu")["aiheuttamisperusteiset"].item() == Decimal(
        "7000.00"
    )


def test_five_clients_are_shown() -> None:
    assert hidden_cells(_report(pay_clients=5, start_up=False).bills) == set()  # type: ignore[attr-defined]
