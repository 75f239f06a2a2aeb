"""What the generated data says: clients per year, municipality weights, the area story."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import polars as pl
import pytest

from common.reference import municipalities, staffing
from sample_data.generator import Options, generate
from tests.sample_data.conftest import read

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


@pytest.fixture(scope="module")
def year_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("year")
    generate(Options(out=out, clients=4000, seed=5, first=YEAR[0], last=YEAR[1]))
    return out


def test_a_one_year_range_holds_exactly_n_clients(year_folder: Path) -> None:
    clients = read(year_folder, "asiakkaat")
    assert clients.height == 4000
    periods = read(year_folder, "tyonhakujaksot")
    active = periods.filter(
        (pl.col("alkupvm") <= YEAR[1])
        & (pl.col("loppupvm").is_null() | (pl.col("loppupvm") >= YEAR[0]))
    )
    assert active["asiakas_id"].n_unique() == 4000


def test_a_longer_range_is_pro_rated() -> None:
    options = Options(out=Path("unused"), clients=20_000, last=dt.date(2026, 10, 31))
    # Half of N already searching at the start, the other half entering per 365 days.
    assert options.total_clients == round(10_000 + 10_000 * 669 / 365)


def test_municipalities_weighted_as_customer_service_staffing(year_folder: Path) -> None:
    htv: dict[str, float] = {m.kunta: 0.0 for m in municipalities()}
    for line in staffing(2025):
        if line.is_customer_service:
            htv[line.kunta] += line.htv
    total = sum(htv.values())
    shares = read(year_folder, "asiakkaat")["kunta"].value_counts(normalize=True)
    found = dict(zip(shares["kunta"], shares["proportion"], strict=True))
    for name, person_years in htv.items():
        expected = person_years / total
        tolerance = 4 * math.sqrt(expected * (1 - expected) / 4000)  # four standard errors
        assert abs(found.get(name, 0.0) - expected) < tolerance, name


def _area_share(folder: Path, kind: str) -> dict[str, float]:
    areas = pl.DataFrame(
        {
            "kunta": [m.kunta for m in municipalities()],
            "alue": [m.palvelualue for m in municipalities()],
        }
    )
    events = read(folder, "tapahtumat").filter(pl.col("tyyppi") == kind)
    joined = events.join(read(folder, "asiakkaat"), on="asiakas_id").join(areas, on="kunta")
    shares = joined.group_by("alue").agg((pl.col("kanava") == "kasvokkain").mean().alias("share"))
    return dict(zip(shares["alue"], shares["share"], strict=True))


def test_face_to_face_differs_by_service_area(year_folder: Path) -> None:
    share = _area_share(year_folder, "alkuhaastattelu")
    # The story: Joensuu above the 75 % target, Pielisen Karjala clearly below it.
    assert share["Joensuu"] > 0.78
    assert share["Pielisen Karjala"] < 0.72
    assert share["Joensuu"] - share["Pielisen Karjala"] > 0.1


def test_the_2026_rule_change_is_visible(small: Path) -> None:
    events = read(small, "tapahtumat")
    supplementary = events.filter(pl.col("tyyppi") == "taydentava_tyonhakukeskustelu")
    interviews = events.filter(pl.col("tyyppi") == "alkuhaastattelu")
    ratio_2025 = supplementary.filter(pl.col("pvm").dt.year() == 2025).height / max(
        1, interviews.filter(pl.col("pvm").dt.year() == 2025).height
    )
    # The series ends with 2025 (its last windows reach into spring 2026); from May 2026 on
    # supplementary discussions are occasional.
    late_2026 = supplementary.filter(pl.col("pvm") >= dt.date(2026, 5, 1)).height
    interviews_late_2026 = interviews.filter(pl.col("pvm") >= dt.date(2026, 5, 1)).height
    assert ratio_2025 > 2.0
    assert late_2026 < 0.5 * interviews_late_2026


def test_every_contract_rate_has_material(tables: dict[str, pl.DataFrame]) -> None:
    events = tables["tapahtumat"]
    for kind in (
        "palvelutarpeen_arviointi",
        "kotoutumissuunnitelma",
        "osaamiskartoitus",
        "esittely",
    ):
        assert events.filter(pl.col("tyyppi") == kind).height > 0, kind
    services = set(tables["palvelujaksot"]["palvelu"])
    assert services == {"peruspalvelut", "tym", "kotoutuminen", "uraohjaus"}
    assert set(tables["tilajaksot"]["tila"]) == {
        "tyoton",
        "lomautettu",
        "tyollinen",
        "palveluissa",
        "muu",
    }
    assert set(tables["tyopaikat"]["tulos"].drop_nulls()) == {"taytetty", "ei_taytetty", "peruttu"}
    assert tables["tyoryhmat"].height == 6 and tables["palvelupisteet"].height == 13
    started = tables["tyoryhmat"]["kaynnistynyt"].null_count()
    assert 0 < started < 6  # some groups started, not all
    trainings = tables["koulutukset"]
    assert trainings["suoritettu"].n_unique() == 2


def test_some_caseworkers_make_no_job_offers(tables: dict[str, pl.DataFrame]) -> None:
    workers = tables["virkailijat"].filter(
        pl.col("yksikko").is_in(["henkiloasiakkaat", "tym", "kotouttaminen"])
    )
    offers = tables["tapahtumat"].filter(
        pl.col("tyyppi").is_in(["tyotarjous", "tyopaikkatiedote", "esittely"])
    )
    making = set(offers["virkailija_id"])
    share = sum(w in making for w in workers["virkailija_id"]) / workers.height
    assert 0.5 < share < 1.0


def test_statements_take_5_to_40_days_slower_in_pielisen_karjala(year_folder: Path) -> None:
    areas = pl.DataFrame(
        {"kunta": [m.kunta for m in municipalities()],
         "alue": [m.palvelualue for m in municipalities()]}
    )  # fmt: skip
    statements = read(year_folder, "lausunnot")
    issued = statements.filter(pl.col("annettu").is_not_null())
    days = (issued["annettu"] - issued["vireille"]).dt.total_days()
    assert days.is_between(5, 40).all()
    assert statements["annettu"].null_count() > 0  # a backlog at the extraction date
    joined = issued.with_columns(days.alias("days")).join(
        read(year_folder, "asiakkaat"), on="asiakas_id"
    )
    mean = dict(joined.join(areas, on="kunta").group_by("alue").agg(pl.col("days").mean()).rows())
    assert mean["Pielisen Karjala"] - mean["Joensuu"] > 5
    # about 2 200 a year at N = 20 000: a few hundred at N = 4 000
    assert 200 < statements.height < 1000


def test_some_searches_end_in_open_market_employment(year_folder: Path) -> None:
    spells = read(year_folder, "tilajaksot")
    searches = read(year_folder, "tyonhakujaksot").filter(pl.col("loppupvm").is_not_null())
    ended_employed = searches.join(
        spells.filter(pl.col("tila") == "tyollinen"),
        left_on=["asiakas_id", "loppupvm"], right_on=["asiakas_id", "loppupvm"],
    )  # fmt: skip
    share = ended_employed.height / searches.height
    assert 0.2 < share < 0.5
