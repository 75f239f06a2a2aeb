"""Presentation mode's finances slide on the sample: the last slide, after the goals; its
budget tiles and each municipality's bill and share equal ``python -m metrics costs --by
item`` / ``--by kunta``; a municipality's deck highlights its own bill; without cost data
there is no such slide and the count is one less."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import polars as pl
import pytest

from metrics.__main__ import main
from metrics.registry import GOALS
from pipelines import load_folder
from tests.app.conftest import SAMPLE
from tests.app.test_smoke import start
from ui import presentation
from ui.finance_data import COST_TABLES
from ui.i18n import Lang, t

AS_OF_YEAR = "2026"  # the sample's as-of year: the slide's (and the Finances page's) year


def _cli(db: Path, by: str, out: Path) -> pl.DataFrame:
    assert (
        main(["costs", "--year", AS_OF_YEAR, "--db", str(db), "--by", by, "--out", str(out)]) == 0
    )
    return pl.read_csv(out, infer_schema_length=0)


def _number(text: str) -> float:
    """``678 608 €``, ``€678,608``, ``83,3 %`` or ``83.3%`` as a number."""
    clean = re.sub(r"[€%\s\u00a0\u202f]", "", text)
    clean = clean.replace(",", ".") if re.search(r",\d{1,2}$", clean) else clean.replace(",", "")
    return float(clean.replace("−", "-"))


def _tiles(at: object) -> dict[str, str]:
    blocks = [b.value for b in at.html if 'class="fin-tiles"' in b.value]  # type: ignore[attr-defined]
    assert len(blocks) == 1
    found = re.findall(r'<p class="label">(.*?)</p><div class="big">(.*?)</div>', blocks[0])
    return {html.unescape(k): html.unescape(v) for k, v in found}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_finances_slide_equals_the_costs_export(
    kpi_env: Path, tmp_path: Path, lang: Lang
) -> None:
    at = start(lang, esitys="1", dia=str(presentation.FINANCE_SLIDE))
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == f"{t('nav_finances', lang)} {AS_OF_YEAR}"
    assert f"{presentation.FINANCE_SLIDE + 1} / {presentation.slide_count(True)}" in [
        m.value.strip("*") for m in at.markdown
    ]
    total = (
        _cli(kpi_env, "item", tmp_path / "item.csv")
        .filter(pl.col("kustannuslaji") == "yhteensa")
        .row(0, named=True)
    )
    tiles = _tiles(at)
    assert _number(tiles[t("fin_spent", lang)]) == pytest.approx(float(total["toteuma"]), abs=0.5)
    assert _number(tiles[t("fin_projection", lang)]) == pytest.approx(
        float(total["ennuste"]), abs=0.5
    )
    elapsed = _number(tiles[t("fc_kulunut_osuus", lang)]) / 100
    assert elapsed == pytest.approx(float(total["kulunut_osuus"]), abs=0.0005)
    assert tiles[t("fc_status", lang)] == t(f"fin_status_{total['status']}", lang)

    kunnat = _cli(kpi_env, "kunta", tmp_path / "kunta.csv")
    bills = kunnat.filter(pl.col("kunta") != "yhteensa")
    whole = float(kunnat.filter(pl.col("kunta") == "yhteensa")["kunnan_osuus"].item())
    (chart,) = at.get("plotly_chart")
    bar = json.loads(chart.proto.spec)["data"][0]
    assert bar["y"] == bills["kunta"].to_list()
    for kunta, bill, label in zip(bar["y"], bar["x"], bar["text"], strict=True):
        exported = float(bills.filter(pl.col("kunta") == kunta)["kunnan_osuus"].item())
        assert bill == pytest.approx(exported, abs=0.005), kunta
        euros, share = label.split(" · ")
        assert _number(euros) == pytest.approx(exported, abs=0.5), kunta
        assert _number(share) / 100 == pytest.approx(exported / whole, abs=0.0005), kunta


def test_a_municipality_deck_highlights_its_bill_and_says_the_budget_is_the_areas(
    kpi_env: Path,
) -> None:
    kunta = "Rääkkylä"
    at = start("fi", esitys="1", dia=str(presentation.FINANCE_SLIDE), taso="kunta", alue=kunta)
    assert not at.exception, [e.value for e in at.exception]
    assert t("slide_fin_whole_area", "fi") in [c.value for c in at.caption]
    (chart,) = at.get("plotly_chart")
    bar = json.loads(chart.proto.spec)["data"][0]
    colours = dict(zip(bar["y"], bar["marker"]["color"], strict=True))
    assert len(set(colours.values())) == 2
    assert [k for k, c in colours.items() if list(colours.values()).count(c) == 1] == [kunta]


def test_the_slide_after_the_last_goal_is_the_finances(kpi_env: Path) -> None:
    at = start("fi", esitys="1", dia=str(presentation.FINANCE_SLIDE - 1))
    at.button(key="slide_next").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == f"{t('nav_finances', 'fi')} {AS_OF_YEAR}"
    assert at.button(key="slide_next").disabled  # the last slide


def test_without_cost_data_there_is_no_finances_slide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "no_costs"
    folder.mkdir()
    for source in SAMPLE.glob("*.csv"):
        if source.stem not in COST_TABLES:
            shutil.copy(source, folder / source.name)
    db = tmp_path / "kpi.duckdb"
    load_folder(folder, db)
    monkeypatch.setenv("KPI_DB", str(db))
    at = start("fi", esitys="1", dia=str(presentation.FINANCE_SLIDE))
    assert not at.exception, [e.value for e in at.exception]
    last = presentation.GOAL_SLIDES[-1]
    assert at.title[0].value == GOALS[last].title_fi  # the last slide is the last goal's
    count = presentation.slide_count(False)
    assert count == presentation.FINANCE_SLIDE
    assert f"{count} / {count}" in [m.value.strip("*") for m in at.markdown]
    assert not at.get("plotly_chart")
