"""Every rule of docs/spec/DATA_CONTRACT.md holds in a generated folder (without the pipelines)."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from common.data_contract import EXPORTS, JOB_OFFER_TYPES, MEETING_TYPES
from common.reference import municipalities
from tests.sample_data.conftest import FIRST, LAST

Tables = dict[str, pl.DataFrame]
HETU = re.compile(r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]")


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.name)
def test_every_export_has_exactly_the_contract_columns(small: Path, export: object) -> None:
    header = (small / f"{export.name}.csv").read_text(encoding="utf-8").splitlines()[0]  # type: ignore[attr-defined]
    assert header.split(",") == [c.name for c in export.columns]  # type: ignore[attr-defined]


def test_codes_are_canonical_and_required_fields_given(tables: Tables) -> None:
    names = {m.kunta for m in municipalities()}
    for export in EXPORTS:
        frame = tables[export.name]
        assert frame.height > 0, export.name
        for column in export.columns:
            values = frame[column.name]
            if column.required:
                assert values.null_count() == 0, (export.name, column.name)
            present = set(values.drop_nulls().unique().to_list())
            if column.kind == "code":
                assert present <= {c.fi for c in column.codes}, (export.name, column.name)
            if column.kind == "municipality":
                assert present <= names, (export.name, column.name)
            if column.unique:
                assert values.n_unique() == frame.height, (export.name, column.name)


def test_no_date_after_the_extraction_date(tables: Tables) -> None:
    for export in EXPORTS:
        for column in export.columns:
            if column.kind != "date" or (export.name, column.name) == ("koulutukset", "loppupvm"):
                continue
            late = tables[export.name].filter(pl.col(column.name) > LAST)
            assert late.height == 0, (export.name, column.name, late.head())
    # Planned ends of trainings may be in the future.
    assert tables["koulutukset"].filter(pl.col("loppupvm") > LAST).height > 0


def test_events_and_contacts_fall_in_the_range(tables: Tables) -> None:
    for name in ("tapahtumat", "yrityskontaktit"):
        assert tables[name].filter(pl.col("pvm") < FIRST).height == 0, name
    assert tables["tyopaikat"].filter(pl.col("julkaistu") < FIRST).height == 0


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("tyonhakujaksot", "alkupvm", "loppupvm"),
        ("tilajaksot", "alkupvm", "loppupvm"),
        ("palvelujaksot", "alkupvm", "loppupvm"),
        ("virkailijat", "alkupvm", "loppupvm"),
        ("koulutukset", "alkupvm", "loppupvm"),
        ("tyopaikat", "julkaistu", "sulkeutunut"),
    ],
)
def test_no_end_before_start(tables: Tables, name: str, start: str, end: str) -> None:
    frame = tables[name].filter(pl.col(start).is_not_null() & pl.col(end).is_not_null())
    assert frame.filter(pl.col(end) < pl.col(start)).height == 0


def _overlaps(frame: pl.DataFrame) -> int:
    ordered = frame.sort("asiakas_id", "alkupvm").with_columns(
        pl.col("loppupvm").shift(1).over("asiakas_id").alias("prev_end"),
        pl.col("alkupvm").shift(1).over("asiakas_id").alias("prev_start"),
    )
    open_before = pl.col("prev_start").is_not_null() & pl.col("prev_end").is_null()
    return ordered.filter(open_before | (pl.col("alkupvm") <= pl.col("prev_end"))).height


@pytest.mark.parametrize("name", ["tyonhakujaksot", "tilajaksot"])
def test_no_overlapping_periods_or_spells(tables: Tables, name: str) -> None:
    assert _overlaps(tables[name]) == 0


def test_spells_lie_inside_job_search_periods_and_cover_them(tables: Tables) -> None:
    periods = tables["tyonhakujaksot"].with_row_index("period")
    spells = tables["tilajaksot"].join_where(
        periods,
        pl.col("asiakas_id") == pl.col("asiakas_id_right"),
        pl.col("alkupvm") >= pl.col("alkupvm_right"),
        pl.col("alkupvm") <= pl.col("loppupvm_right").fill_null(LAST),
    )
    assert spells.height == tables["tilajaksot"].height  # every spell starts inside a period
    far = pl.date(2100, 1, 1)
    inside = spells.filter(
        pl.col("loppupvm").fill_null(far) <= pl.col("loppupvm_right").fill_null(far)
    )
    assert inside.height == spells.height
    covered = spells.group_by("period").agg(
        pl.col("alkupvm").min(), pl.col("loppupvm").fill_null(far).max()
    )
    whole = covered.join(periods.with_columns(pl.col("loppupvm").fill_null(far)), on="period")
    assert whole.filter(pl.col("alkupvm") != pl.col("alkupvm_right")).height == 0
    # A spell that ended on the extraction day itself may leave the open period's next spell unseen.
    ends_today = (pl.col("loppupvm") == LAST) & (pl.col("loppupvm_right") == far)
    assert whole.filter((pl.col("loppupvm") != pl.col("loppupvm_right")) & ~ends_today).height == 0


def test_references_are_valid(tables: Tables) -> None:
    clients = set(tables["asiakkaat"]["asiakas_id"])
    for name in ("tyonhakujaksot", "tilajaksot", "palvelujaksot", "tapahtumat", "koulutukset"):
        assert set(tables[name]["asiakas_id"]) <= clients, name
    workers = set(tables["virkailijat"]["virkailija_id"])
    for name in ("tapahtumat", "yrityskontaktit"):
        assert set(tables[name]["virkailija_id"].drop_nulls()) <= workers, name
    # Every client has a job search that touches the range.
    assert set(tables["tyonhakujaksot"]["asiakas_id"]) == clients


def test_meetings_have_channels_and_offers_have_caseworkers(tables: Tables) -> None:
    events = tables["tapahtumat"]
    meetings = events.filter(pl.col("tyyppi").is_in(MEETING_TYPES))
    assert meetings["kanava"].null_count() == 0
    offers = events.filter(pl.col("tyyppi").is_in(JOB_OFFER_TYPES))
    assert offers.height > 0 and offers["virkailija_id"].null_count() == 0
    # A service point is named for face-to-face meetings only; providers for skills assessments.
    f2f = meetings.filter(pl.col("kanava") == "kasvokkain")
    assert f2f["palvelupiste"].null_count() == 0
    assert events.filter(pl.col("kanava") != "kasvokkain")["palvelupiste"].null_count() == (
        events.filter(pl.col("kanava") != "kasvokkain").height
    )
    assessments = events.filter(pl.col("tyyppi") == "osaamiskartoitus")
    assert assessments.height > 0 and assessments["tuottaja_kunta"].null_count() == 0
    assert events.filter(pl.col("tyyppi") != "osaamiskartoitus")["tuottaja_kunta"].null_count() == (
        events.filter(pl.col("tyyppi") != "osaamiskartoitus").height
    )


def test_no_value_looks_like_a_henkilotunnus(small: Path) -> None:
    for path in small.glob("*.csv"):
        assert not HETU.search(path.read_text(encoding="utf-8")), path.name


def test_open_spells_and_periods_are_null_not_future(tables: Tables) -> None:
    for name in ("tyonhakujaksot", "tilajaksot", "palvelujaksot"):
        assert tables[name]["loppupvm"].null_count() > 0, name
    vacancies = tables["tyopaikat"]
    still_open = vacancies.filter(pl.col("sulkeutunut").is_null())
    assert still_open.height > 0 and still_open["tulos"].null_count() == still_open.height
    closed = vacancies.filter(pl.col("sulkeutunut").is_not_null())
    assert closed["tulos"].null_count() == 0
