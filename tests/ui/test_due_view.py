"""The weekly list on screen: the tables by rule and by area, ``<5`` where the rule hides a
count, and the overview's card with its link for the roles that may open the page."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from access.gate import Access
from access.roles import Role
from metrics.deadlines_due import due_counts
from metrics.deadlines_due_privacy import suppress_due
from tests.metrics.kpidb import KpiDb, d
from ui import due_view
from ui.view import AreaChoice, View

A = d("22.12.2025")  # Monday; the 5th working day after it is 2.1.2026


@pytest.fixture(scope="module")
def shown() -> pl.DataFrame:
    """Integration plans: Joensuu 6 overdue, Lieksa 2 due (hidden as <5 with a partner)."""
    db = KpiDb()
    for i, (kunta, deadline) in enumerate(
        [("Joensuu", d("1.12.2025"))] * 6 + [("Lieksa", d("30.12.2025"))] * 2
    ):
        db.client(f"C{i}", kunta)
        start = deadline - dt.timedelta(days=29)
        db.add("palvelujaksot", asiakas_id=f"C{i}", palvelu="kotoutuminen", alkupvm=start)
    return suppress_due(due_counts(db.con, as_of=A), threshold=5)


def test_the_table_by_rule_names_the_rules_and_hides_small_counts(shown: pl.DataFrame) -> None:
    table = due_view.rule_frame(shown, "koko_alue", "Pohjois-Karjala", 5, "fi")
    assert table.columns == ["Määräaika", "Myöhässä", "Erääntyy 5 työpäivän kuluessa"]
    rows = {r["Määräaika"]: r for r in table.iter_rows(named=True)}
    plan = rows["Kotoutumissuunnitelmat alle 30 vuorokaudessa"]
    assert (plan["Myöhässä"], plan["Erääntyy 5 työpäivän kuluessa"]) == ("6", "<5")
    assert rows["Kaikki määräajat"]["Myöhässä"] == "6"
    english = due_view.rule_frame(shown, "koko_alue", "Pohjois-Karjala", 5, "en")
    assert english.columns == ["Deadline rule", "Overdue", "Due within 5 working days"]
    assert english["Deadline rule"].to_list()[-1] == "All deadline rules"


def test_the_table_by_area_lists_the_areas_under_the_chosen_one(shown: pl.DataFrame) -> None:
    whole = due_view.area_frame(shown, "koko_alue", "Pohjois-Karjala", 5, "fi")
    assert whole.height == 4 + 13
    lieksa = whole.filter(pl.col("Alue") == "Lieksa").row(0, named=True)
    assert lieksa["Erääntyy 5 työpäivän kuluessa"] == "<5"
    service = due_view.sub_areas("palvelualue", "Pielisen Karjala")
    assert [a for _, a in service] == ["Juuka", "Lieksa", "Nurmes"]
    assert due_view.sub_areas("kunta", "Lieksa") == []


def _ctx(lang: str, area: AreaChoice) -> Any:
    return SimpleNamespace(
        lang=lang,
        view=View(lang=lang, area=area),  # type: ignore[arg-type]
        db=SimpleNamespace(path="x", identity="y"),
        info=SimpleNamespace(as_of=A),
    )


@pytest.mark.parametrize(
    ("role", "linked"), [(Role.ANALYYTIKKO, True), (Role.JOHTO, True), (Role.LAUTAKUNTA, False)]
)
def test_the_card_shows_the_areas_totals_and_links_only_where_the_page_may_be_opened(
    shown: pl.DataFrame, monkeypatch: pytest.MonkeyPatch, role: Role, linked: bool
) -> None:
    access = Access(mode="oidc", user="u@example.fi", name=None, role=role, signed_in=True)
    monkeypatch.setattr(due_view, "current_access", lambda: access)
    monkeypatch.setattr(due_view, "due_on_screen", lambda *a: shown)
    html = due_view.card_html(_ctx("fi", AreaChoice("palvelualue", "Pielisen Karjala")))
    assert "Määräajat tällä viikolla" in html
    assert ">0</span> myöhässä" in html and "&lt;5</span> erääntyy 2.1.2026 mennessä" in html
    assert ("palveluprosessi?" in html) == linked
    if linked:  # the section selector is bound to the URL by its label
        assert (
            "breakdown_palveluprosessi=M%C3%A4%C3%A4r%C3%A4ajat+l%C3%A4hip%C3%A4ivin%C3%A4" in html
        )
        assert "taso=palvelualue" in html
    english = due_view.card_html(_ctx("en", AreaChoice("koko_alue", "Pohjois-Karjala")))
    assert "Deadlines this week" in english and ">6</span> overdue" in english
