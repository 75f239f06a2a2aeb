"""The cost year on hand-made ledgers (docs/spec/METRICS.md, "Costs"): actuals with negative
corrections, commitments (a decision partly paid, one over-paid), budget use and status, each
municipality's bill to the cent (a causation-based row without a municipality goes to the
pool), the year without percentages, and nothing before the year has begun."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from common.reference import municipalities
from metrics.costs.cost_report import CostsError, cost_report
from tests.metrics.kpidb import KpiDb

AS_OF = dt.date(2025, 6, 30)  # E = 30.6.2025: 181 of 365 days
COST_EXPORTS = ("asiakkaat", "kustannukset", "sitoumukset", "talousarvio", "kustannusjako")
# Example percentages adding up to 100: Joensuu 52.5, the others as listed.
SHARES = {
    "Joensuu": "52.5", "Heinävesi": "2.5", "Ilomantsi": "3", "Kontiolahti": "7.25",
    "Liperi": "5.75", "Outokumpu": "4", "Polvijärvi": "2.5", "Kitee": "5",
    "Rääkkylä": "1.5", "Tohmajärvi": "2.5", "Juuka": "2.5", "Lieksa": "6", "Nurmes": "5",
}  # fmt: skip


def e(text: str) -> Decimal:
    return Decimal(text)


def _db(shares: dict[str, str] | None = SHARES) -> KpiDb:
    db = KpiDb(exports=COST_EXPORTS, as_of=AS_OF)
    for client, kunta in (("A1", "Joensuu"), ("A2", "Lieksa"), ("A3", "Lieksa")):
        db.client(client, kunta)
    for kunta, osuus in (shares or {}).items():
        db.add("kustannusjako", vuosi=2025, kunta=kunta, osuus=e(osuus))
    return db


def _cost(db: KpiDb, pvm: str, item: str, summa: str, **more: object) -> None:
    db.add("kustannukset", pvm=dt.date.fromisoformat(pvm), kustannuslaji=item, summa=e(summa),
           **more)  # fmt: skip


def _ledger() -> KpiDb:
    db = _db()
    _cost(db, "2025-01-31", "henkilosto", "100000.00")
    _cost(db, "2025-02-28", "henkilosto", "-0.07")  # a correction
    _cost(db, "2025-03-01", "ict", "1000.01")
    _cost(db, "2025-02-14", "palkkatuki", "1700.00", kunta="Joensuu", asiakas_id="A1",
          paatos_id="D1")  # fmt: skip
    _cost(db, "2025-03-14", "palkkatuki", "-100.00", kunta="Joensuu", asiakas_id="A1",
          paatos_id="D1")  # fmt: skip
    _cost(db, "2025-04-14", "starttiraha", "900.00", kunta="Lieksa", asiakas_id="A2",
          paatos_id="D2")  # fmt: skip
    _cost(db, "2025-05-02", "ostopalvelut", "333.33")  # causation-based, no kunta: the pool
    _cost(db, "2025-07-01", "henkilosto", "5000.00")  # after E: not yet
    _cost(db, "2024-12-31", "henkilosto", "7000.00")  # the year before
    for decision, item, kunta, client, summa in (
        ("D1", "palkkatuki", "Joensuu", "A1", "5100.00"),  # 1600 paid: 3500 left
        ("D2", "starttiraha", "Lieksa", "A2", "600.00"),  # over-paid: 0, never below
    ):
        db.add("sitoumukset", paatos_id=decision, paatospvm=dt.date(2025, 1, 10),
               kustannuslaji=item, kunta=kunta, asiakas_id=client, vuosi=2025,
               summa=e(summa))  # fmt: skip
    db.add(
        "sitoumukset",
        paatos_id="D1",
        paatospvm=dt.date(2025, 1, 10),
        vuosi=2026,
        kustannuslaji="palkkatuki",
        kunta="Joensuu",
        asiakas_id="A1",
        summa=e("999"),
    )
    for item, summa in (("henkilosto", "210000"), ("palkkatuki", "5000"), ("ict", "1800")):
        db.add("talousarvio", vuosi=2025, kustannuslaji=item, summa=e(summa))
    return db


def _rows(frame: pl.DataFrame, key: str) -> dict[str, dict[str, Any]]:
    return {row[key]: row for row in frame.iter_rows(named=True)}


def test_actuals_commitments_and_budget_use_by_item() -> None:
    report = cost_report(_ledger().con, 2025)
    rows = _rows(report.table("item"), "kustannuslaji")
    staff = rows["henkilosto"]
    assert staff["toteuma"] == e("99999.93")  # the correction counts, 1.7. and 2024 do not
    assert staff["aiheuttamisperusteinen"] is False
    assert staff["kulunut_osuus"] == pytest.approx(181 / 365)
    assert staff["kaytetty_osuus"] == pytest.approx(99999.93 / 210000)
    assert staff["ennuste"] == (e("99999.93") * 365 / 181).quantize(e("0.01"))
    assert staff["status"] == "ok"  # projects to 201 657,32 <= 210 000
    pay = rows["palkkatuki"]
    assert (pay["toteuma"], pay["sitoumus"]) == (e("1600.00"), e("3500.00"))
    assert pay["vapaa"] == e("5000") - e("1600") - e("3500")
    assert pay["ennuste"] == e("5100.00")  # actual + commitments beats the pace (3226,52)
    assert pay["status"] == "risk"  # 5100 > 5000 by 2 %
    assert rows["starttiraha"]["sitoumus"] == e("0.00")  # over-paid: never below 0
    assert rows["starttiraha"]["status"] is None  # no budget row
    assert rows["ict"]["status"] == "off"  # 1000.01 at 181/365 projects to 2016.59 > 1890
    total = rows["yhteensa"]
    assert total["toteuma"] == e("99999.93") + e("1000.01") + e("1600") + e("900") + e("333.33")
    assert total["talousarvio"] == e("216800")
    assert total["sitoumus"] == e("3500.00")


def test_the_thirteen_bills_add_up_to_the_area_total_to_the_cent() -> None:
    report = cost_report(_ledger().con, 2025)
    by_kunta = _rows(report.table("kunta"), "kunta")
    total = by_kunta.pop("yhteensa")
    assert len(by_kunta) == 13
    assert sum(r["kunnan_osuus"] for r in by_kunta.values()) == total["kunnan_osuus"]
    assert (
        total["kunnan_osuus"] == _rows(report.table("item"), "kustannuslaji")["yhteensa"]["toteuma"]
    )
    joensuu = by_kunta["Joensuu"]
    assert joensuu["aiheuttamisperusteiset"] == e("1600.00")
    assert joensuu["jako_osuus"] == pytest.approx(0.525)
    assert by_kunta["Lieksa"]["aiheuttamisperusteiset"] == e("900.00")
    # the pool: shared items and the ostopalvelut row without a municipality
    assert total["jaettu_osuus"] == e("99999.93") + e("1000.01") + e("333.33")
    assert total["aiheuttamisperusteiset"] == e("2500.00")
    for row in by_kunta.values():
        assert row["kunnan_osuus"] == row["aiheuttamisperusteiset"] + row["jaettu_osuus"]


def test_a_bill_is_the_sum_of_its_municipality_item_cells() -> None:
    report = cost_report(_ledger().con, 2025)
    cells = report.table("kunta-item")
    bills = _rows(report.table("kunta"), "kunta")
    assert cells.height == 13 * 11
    for kunta, group in cells.group_by("kunta"):
        assert group["kunnan_osuus"].sum() == bills[str(kunta[0])]["kunnan_osuus"]
    shared = cells.filter(~pl.col("aiheuttamisperusteinen"))
    assert shared["toteuma"].null_count() == shared.height  # a pool item has no own actuals
    joensuu_pay = cells.filter((pl.col("kunta") == "Joensuu") & (pl.col("kustannuslaji") ==
                               "palkkatuki")).row(0, named=True)  # fmt: skip
    assert joensuu_pay["toteuma"] == joensuu_pay["kunnan_osuus"] == e("1600.00")
    # the 333.33 of ostopalvelut without a municipality shared by percentage, to the cent
    purchased = cells.filter(pl.col("kustannuslaji") == "ostopalvelut")
    assert purchased["kunnan_osuus"].sum() == e("333.33")
    assert purchased.filter(pl.col("kunta") == "Joensuu")["kunnan_osuus"].item() == e("175.00")


def test_a_year_without_percentages_shows_the_causation_based_part_only() -> None:
    report = cost_report(_db(shares=None).con, 2025)
    assert any("kustannusjako" in fi for fi, _en in report.warnings)
    by_kunta = report.table("kunta")
    assert by_kunta["kunnan_osuus"].null_count() == by_kunta.height
    assert by_kunta["aiheuttamisperusteiset"].null_count() == 0


def test_nothing_is_computed_before_the_year_has_begun() -> None:
    with pytest.raises(CostsError, match="2026"):
        cost_report(_ledger().con, 2026, as_of=dt.date(2025, 12, 31))


def test_months_run_to_the_as_of_date_with_the_budget_pace() -> None:
    months = cost_report(_ledger().con, 2025).table("month")
    staff = months.filter(pl.col("kustannuslaji") == "henkilosto").sort("kuukausi")
    assert staff["kuukausi"].to_list() == [1, 2, 3, 4, 5, 6]
    assert staff["kertyma"].to_list()[-1] == e("99999.93")
    assert staff["toteuma"].to_list()[:2] == [e("100000.00"), e("-0.07")]
    assert staff["talousarvion_vauhti"][0] == (e("210000") * 31 / 365).quantize(e("0.01"))
    total = months.filter(pl.col("kustannuslaji") == "yhteensa")
    assert total["kertyma"][-1] == _rows(cost_report(_ledger().con, 2025).table("item"),
                                         "kustannuslaji")["yhteensa"]["toteuma"]  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(
    amounts=st.lists(
        st.tuples(
            st.sampled_from(("henkilosto", "ict", "palkkatuki", "ostopalvelut")),
            st.sampled_from([None, *SHARES]),
            st.integers(min_value=-500_00, max_value=2_000_000_00),
        ),
        min_size=1, max_size=25,
    )
)  # fmt: skip
def test_bills_add_up_on_any_ledger(amounts: list[tuple[str, str | None, int]]) -> None:
    db = _db()
    for i, (item, kunta, cents) in enumerate(amounts):
        client = "A1" if item == "palkkatuki" else None
        _cost(db, "2025-03-01", item, str(Decimal(cents) / 100), kunta=kunta,
              asiakas_id=client, kirjaus_id=f"R{i}")  # fmt: skip
    report = cost_report(db.con, 2025)
    cells = report.table("kunta-item")
    bills = report.table("kunta")
    area = sum((Decimal(c) / 100 for _, _, c in amounts), Decimal(0))
    assert bills.filter(pl.col("kunta") == "yhteensa")["kunnan_osuus"].item() == area
    assert bills.filter(pl.col("kunta") != "yhteensa")["kunnan_osuus"].sum() == area
    assert cells["kunnan_osuus"].sum() == area
    assert {m.kunta for m in municipalities()} == set(cells["kunta"])
