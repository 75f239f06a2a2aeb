"""The Finances page's tables on screen: euros and shares in the viewer's format, item and
kind names in the language, ``<5`` exactly where a cell is flagged hidden, and the bills
matrix with a column per item and the bill last."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl

from ui.finance_screen import cells_wide, kind_name, on_screen, periods_wide

D = Decimal


def test_euros_shares_and_hidden_cells() -> None:
    frame = pl.DataFrame(
        {
            "kustannuslaji": ["palkkatuki", "yhteensa"],
            "toteuma": [D("-1234.50"), D("1000000.00")],
            "kaytetty_osuus": [0.8125, None],
            "status": ["risk", None],
            "toteuma_suppressed": [True, False],
        },
        schema_overrides={"toteuma": pl.Decimal(18, 2)},
    )
    fi = on_screen(frame, ("kustannuslaji", "toteuma", "kaytetty_osuus", "status"), "fi")
    assert fi.row(0) == ("Palkkatuki", "<5", "81,3\u00a0%", "▲ Riskissä (enintään 5 % yli)")
    assert fi.row(1) == ("Yhteensä", "1\u202f000\u202f000,00\u00a0€", "–", "–")
    en = on_screen(frame, ("kustannuslaji", "toteuma"), "en")
    assert en.columns == ["Cost item", "Actual"] and en.row(1) == ("Total", "€1,000,000.00")


def test_kind_names_follow_the_contract() -> None:
    assert kind_name("ammatillinen", "en") == "vocational"
    assert kind_name("vos", "en") == "state funded degree"
    assert kind_name(None, "fi") == "–"


def test_the_bills_matrix_and_the_periods() -> None:
    cells = pl.DataFrame(
        {
            "kunta": ["Joensuu", "Joensuu", "Lieksa", "Lieksa"],
            "kustannuslaji": ["palkkatuki", "henkilosto"] * 2,
            "kunnan_osuus": [D("10.00"), D("5.00"), D("1.00"), D("2.00")],
            "kunnan_osuus_suppressed": [True, False, False, False],
        }
    )
    bills = pl.DataFrame({"kunta": ["Joensuu", "Lieksa"], "kunnan_osuus": [D("15.00"), D("3.00")]})
    wide = cells_wide(cells, bills, "en")
    assert wide.columns == ["Municipality", "Pay subsidy", "Staff", "Bill"]
    assert wide.row(0) == ("Joensuu", "<5", "€5.00", "€15.00")
    periods = pl.DataFrame(
        {"year": [2025] * 2, "as_of": [dt.date(2025, 6, 30)] * 2, "kausi": [1, 2],
         "kunta": ["Joensuu"] * 2, "kunnan_osuus": [D("1.00"), D("2.00")]}
    )  # fmt: skip
    assert periods_wide(periods, "quarter", "fi").columns == ["Kunta", "Q1/2025", "Q2/2025"]
