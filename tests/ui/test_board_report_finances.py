"""The board report's finances page: budget use, the bills and cost per result as the board
sees them (a cell behind one client as <5, every bill shown), nothing without cost data."""

from __future__ import annotations

import datetime as dt

from tests.metrics.test_costs import _ledger
from ui.board_report_finances import finance_section
from ui.finance_data import FinanceData, build_finance_data


def test_the_finances_page_shows_the_bills_and_hides_small_cells() -> None:
    data = build_finance_data(_ledger().con, 2025, dt.date(2025, 6, 30))
    assert isinstance(data, FinanceData)
    page = finance_section(data, 2025, "fi")
    assert page.startswith('<section class="goal"><h2>Talous 2025</h2>')
    assert "&lt;5" in page  # Joensuu's pay subsidy: one client
    bills = data.tables["kunta"]
    assert bills["kunnan_osuus"].null_count() == 0
    assert "Palkkatuki" in page and "Kunnan osuus" in page


def test_no_cost_data_no_page() -> None:
    assert finance_section(None, 2025, "fi") == ""
    assert finance_section("Vuosi 2027 ei ole alkanut", 2027, "en") == ""
