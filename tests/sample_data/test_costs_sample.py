"""The sample's money: a ledger for the sample's own clients and courses, payments that
belong to their decisions, an example percentage table marked as one, and a budget of the
same order as the ledger."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl

from common.data_contract import PERSON_COST_ITEMS
from sample_data.generator import NOTE_FILE
from tests.sample_data.conftest import LAST

Tables = dict[str, pl.DataFrame]


def test_person_related_costs_belong_to_known_clients(tables: Tables) -> None:
    ledger = tables["kustannukset"]
    person = ledger.filter(pl.col("kustannuslaji").is_in(PERSON_COST_ITEMS))
    assert person.height > 0 and person["asiakas_id"].null_count() == 0
    assert set(person["asiakas_id"]) <= set(tables["asiakkaat"]["asiakas_id"])
    assert ledger["pvm"].max() <= LAST  # type: ignore[operator]


def test_purchased_training_is_for_the_courses_of_koulutukset(tables: Tables) -> None:
    bought = tables["kustannukset"].filter(pl.col("kustannuslaji") == "ostopalvelut")
    assert bought.height > 0
    assert set(bought["koulutus_id"]) <= set(tables["koulutukset"]["koulutus_id"])


def test_payments_name_decisions_of_the_same_client(tables: Tables) -> None:
    paid = tables["kustannukset"].filter(pl.col("paatos_id").is_not_null())
    decisions = tables["sitoumukset"].select("paatos_id", "asiakas_id").unique()
    joined = paid.join(decisions, on="paatos_id", how="left", suffix="_d")
    assert joined["asiakas_id_d"].null_count() == 0
    assert (joined["asiakas_id"] == joined["asiakas_id_d"]).all()
    assert tables["sitoumukset"].select("paatos_id", "vuosi").is_unique().all()


def test_the_percentages_are_an_example_adding_up_to_100(small: Path, tables: Tables) -> None:
    shares = tables["kustannusjako"]
    for (year,), group in shares.group_by("vuosi"):
        total = sum(Decimal(v) for v in group["osuus"])
        assert group.height == 13 and total == 100, year
    note = (small / NOTE_FILE).read_text(encoding="utf-8")
    assert "ESIMERKKI" in note and "EXAMPLE" in note


def test_the_budget_is_of_the_order_of_the_ledger(tables: Tables) -> None:
    spent = tables["kustannukset"].filter(pl.col("pvm").dt.year() == 2025)
    budget = tables["talousarvio"].filter(pl.col("vuosi") == "2025")
    spent_total = sum(Decimal(v) for v in spent["summa"])
    budget_total = sum(Decimal(v) for v in budget["summa"])
    assert 0.9 < budget_total / spent_total < 1.2
    assert budget.select("kustannuslaji").is_unique().all()
