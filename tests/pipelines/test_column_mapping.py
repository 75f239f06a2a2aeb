"""mapping.toml refused as a whole: every error of the file itself, named with its line and
key, before any export is read; and the database left exactly as it was."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

import pipelines.folder
from pipelines import PipelineError, load_folder, validate_folder
from pipelines.column_mapping import find_mapping_file, parse_mapping
from pipelines.validation_report import Issue
from tests.pipelines.fixtures import sha256, write_folder
from tests.pipelines.mapping_helpers import MAPPING, mapped_copy

AS_OF = date(2026, 10, 31)
ROOT = Path(__file__).resolve().parents[2]

# (id, mapping.toml's text (from the folder's own by replacing old with new), rule, line)
BAD_BEFORE_READING = [
    (
        "not_toml",
        ('"Tilan alkupvm" = "alkupvm"', '"Tilan alkupvm" = alkupvm'),
        "mapping_not_toml",
        26,
    ),
    (
        "unknown_export",
        ("[tilajaksot.columns]", "[tilajakso.columns]"),
        "mapping_unknown_export",
        23,
    ),
    (
        "unknown_column",
        ('= "alkupvm"\n"Tilan loppupvm"', '= "aloituspvm"\n"Tilan loppupvm"'),
        "mapping_unknown_column",
        26,
    ),
    ("unknown_code", ('"02" = "lomautettu"', '"02" = "lomautettuna"'), "mapping_unknown_code", 31),
    ("unknown_boolean", ('"2" = "ei"', '"2" = "Helsinki"'), "mapping_unknown_code", 9),
    (
        "unknown_municipality",
        ("# The test", '[asiakkaat.codes.kunta]\n"999" = "Helsinki"\n# The test'),
        "mapping_unknown_code",
        2,
    ),
    ("empty_in_required", ('"HAP" = "henkiloasiakkaat"', '"HAP" = ""'), "mapping_unknown_code", 20),
    (
        "two_sources",
        ('"Tilan loppupvm" = "loppupvm"', '"Tilan loppupvm" = "start_date"'),
        "mapping_two_sources",
        27,
    ),
    (
        "header_twice",
        ('"Tilan loppupvm" = "loppupvm"', '"TILAN  alkupvm" = "loppupvm"'),
        "mapping_header_twice",
        27,
    ),
    (
        "codes_of_column_without_codes",
        ("[tilajaksot.codes.tila]", "[tilajaksot.codes.alkupvm]"),
        "mapping_no_codes",
        29,
    ),
    (
        "codes_of_unknown_column",
        ("[tilajaksot.codes.tila]", "[tilajaksot.codes.tilanne]"),
        "mapping_unknown_column",
        29,
    ),
    (
        "unknown_key",
        ("[tilajaksot.codes.tila]", "[tilajaksot.koodit.tila]"),
        "mapping_unknown_key",
        29,
    ),
    (
        "not_text",
        ('"Asiakasnumero" = "asiakas_id"\n"Työ', '"Asiakasnumero" = 1\n"Työ'),
        "mapping_not_text",
        24,
    ),
    (
        "export_not_a_table",
        ("# The test", 'palvelujaksot = "asiakas_id"\n# The test'),
        "mapping_not_a_table",
        1,
    ),
    (
        "export_twice",
        ("[tapahtumat.columns]", "[Tilajaksot.codes.tila]\n[tapahtumat.columns]"),
        "mapping_export_twice",
        36,
    ),
]


def _never(path: Path) -> None:
    raise AssertionError(f"{path.name} was read")


def _mapping(old: str, new: str) -> str:
    assert old in MAPPING
    return MAPPING.replace(old, new, 1)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    target = tmp_path / "db" / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "good"), target, as_of=AS_OF)
    return target


def _refusal(folder: Path, db: Path) -> list[Issue]:
    before = sha256(db)
    with pytest.raises(PipelineError) as caught:
        load_folder(folder, db, as_of=AS_OF)
    assert sha256(db) == before
    return caught.value.report.errors


@pytest.mark.parametrize(("change", "rule", "line"), [c[1:] for c in BAD_BEFORE_READING],
                         ids=[c[0] for c in BAD_BEFORE_READING])  # fmt: skip
def test_a_bad_mapping_is_refused_before_any_file_is_read(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch,
    change: tuple[str, str], rule: str, line: int,
) -> None:  # fmt: skip
    folder = mapped_copy(tmp_path / "in", _mapping(*change))
    monkeypatch.setattr(pipelines.folder, "read_file", _never)
    errors = _refusal(folder, db)
    assert [(e.file, e.rule, e.row) for e in errors] == [("mapping.toml", rule, line)]
    assert errors[0].message_fi != errors[0].message_en


def test_the_message_names_the_key(tmp_path: Path, db: Path) -> None:
    folder = mapped_copy(tmp_path / "in", _mapping('"02" = "lomautettu"', '"02" = "lomautettuna"'))
    (error,) = _refusal(folder, db)
    assert 'Avain tilajaksot.codes.tila."02"' in error.message_fi
    assert 'Key tilajaksot.codes.tila."02"' in error.message_en
    assert "'lomautettuna'" in error.message_en and "tyoton, lomautettu" in error.message_en


def test_mapping_not_utf8_is_refused(tmp_path: Path, db: Path) -> None:
    folder = mapped_copy(tmp_path / "in", MAPPING.encode("cp1252"))
    assert [e.rule for e in _refusal(folder, db)] == ["mapping_not_utf8"]


def test_a_henkilotunnus_as_a_code_is_refused_without_showing_it(tmp_path: Path, db: Path) -> None:
    folder = mapped_copy(tmp_path / "in", _mapping('"09" = "muu"', '"131052-308T" = "muu"'))
    (error,) = _refusal(folder, db)
    assert error.rule == "mapping_henkilotunnus"
    assert "308T" not in error.render()


def _spells_as(suffix: str, folder: Path) -> None:
    """tilajaksot of the mapped folder saved as XLSX or Parquet instead of CSV."""
    frame = pl.read_csv(folder / "tilajaksot.csv", separator=";", infer_schema=False)
    (folder / "tilajaksot.csv").unlink()
    if suffix == "xlsx":
        frame.write_excel(folder / "tilajaksot.xlsx")
    else:
        frame.write_parquet(folder / "tilajaksot.parquet")


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_source_header_a_csv_or_parquet_file_lacks_is_found_before_reading(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    folder = mapped_copy(tmp_path / "in", _mapping('"Tilan alkupvm"', '"Tilan alkupäivä"'))
    if suffix != "csv":
        _spells_as(suffix, folder)
    monkeypatch.setattr(pipelines.folder, "read_file", _never)
    (error,) = _refusal(folder, db)
    assert (error.file, error.row, error.rule) == ("mapping.toml", 26, "mapping_header_missing")
    assert f"tilajaksot.{suffix}" in error.message_fi and "'Tilan alkupäivä'" in error.message_en


def test_a_source_header_an_xlsx_file_lacks_is_found_when_it_is_read(
    tmp_path: Path, db: Path
) -> None:
    folder = mapped_copy(tmp_path / "in", _mapping('"Tilan alkupvm"', '"Tilan alkupäivä"'))
    _spells_as("xlsx", folder)
    errors = _refusal(folder, db)
    assert [(e.file, e.row, e.rule) for e in errors if e.file == "mapping.toml"] == [
        ("mapping.toml", 26, "mapping_header_missing")
    ]
    assert ("tilajaksot.xlsx", "missing_column", "alkupvm") in {
        (e.file, e.rule, e.column) for e in errors
    }


def test_a_mapping_that_makes_the_data_invalid_names_the_source_column(
    tmp_path: Path, db: Path
) -> None:
    swapped = _mapping('"Tilan alkupvm" = "alkupvm"\n"Tilan loppupvm" = "loppupvm"',
                       '"Tilan alkupvm" = "loppupvm"\n"Tilan loppupvm" = "alkupvm"')  # fmt: skip
    errors = _refusal(mapped_copy(tmp_path / "in", swapped), db)
    assert ("tilajaksot.csv", 2, "'Tilan alkupvm' (loppupvm)", "end_before_start") in {
        (e.file, e.row, e.column, e.rule) for e in errors
    }
    assert any("sarake/column 'Tilan alkupvm' (loppupvm)" in e.location() for e in errors)


def test_an_unmapped_code_passes_to_validation_unchanged(tmp_path: Path, db: Path) -> None:
    spells = (mapped_copy(tmp_path / "src") / "tilajaksot.csv").read_text("utf-8")
    folder = mapped_copy(tmp_path / "in", tilajaksot=spells.replace("A2;02;", "A2;07;"))
    (error,) = _refusal(folder, db)
    assert (error.file, error.row, error.column, error.value, error.rule) == (
        "tilajaksot.csv",
        4,
        "'Työmarkkinatila' (tila)",
        "07",
        "bad_code",
    )


def test_a_section_for_an_export_not_in_the_folder_is_a_warning(tmp_path: Path) -> None:
    vacancies = '\n[tyopaikat.columns]\n"Ilmoitusnumero" = "tyopaikka_id"\n'
    report = validate_folder(mapped_copy(tmp_path / "in", MAPPING + vacancies), AS_OF)
    assert report.ok, report.render()
    absent = [w for w in report.warnings if w.rule == "mapping_export_absent"]
    assert [(w.file, w.row) for w in absent] == [("mapping.toml", 58)]
    assert "tyopaikat" in absent[0].message_fi
    assert "unknown_file" not in {w.rule for w in report.warnings}  # mapping.toml is no export


def test_a_bom_is_stripped_and_the_name_may_be_in_any_case(tmp_path: Path) -> None:
    folder = mapped_copy(tmp_path / "in", None)
    (folder / "Mapping.TOML").write_bytes(b"\xef\xbb\xbf" + MAPPING.encode("utf-8"))
    assert find_mapping_file(folder) == folder / "Mapping.TOML"
    assert validate_folder(folder, AS_OF).ok


def test_the_shipped_example_is_a_valid_mapping() -> None:
    mappings, report = parse_mapping((ROOT / "docs" / "mapping.example.toml").read_bytes())
    assert report.ok, report.render()
    assert {"asiakkaat", "tilajaksot", "tapahtumat"} <= set(mappings)
    assert mappings["tilajaksot"].columns["tilan_alkupvm"].column == "alkupvm"


def test_codes_accept_an_alias_and_an_empty_value_in_an_optional_column() -> None:
    text = (
        '[asiakkaat.codes.immigrant]\n"9" = ""\n"1" = "yes"\n'
        '[tapahtumat.codes.type]\n"1" = "job_offer"\n'
    )
    mappings, report = parse_mapping(text.encode())
    assert report.ok, report.render()
    assert mappings["asiakkaat"].codes == {"maahanmuuttaja": {"9": None, "1": "yes"}}
    assert mappings["tapahtumat"].codes == {"tyyppi": {"1": "job_offer"}}


def test_the_cli_picks_up_the_folders_mapping(tmp_path: Path, db: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pipelines", *args],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    checked = cli("validate", str(mapped_copy(tmp_path / "in")), "--as-of", "2026-10-31")
    assert checked.returncode == 0, checked.stderr
    before = sha256(db)
    bad = mapped_copy(tmp_path / "bad", _mapping('"Tilan alkupvm"', '"Tilan alkupäivä"'))
    refused = cli("load", str(bad), "--db", str(db), "--as-of", "2026-10-31")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "mapping.toml, rivi/row 26" in refused.stderr
    assert "'Tilan alkupäivä'" in refused.stderr
    assert sha256(db) == before


def test_the_shipped_example_loads_the_mapped_test_folder(tmp_path: Path) -> None:
    example = (ROOT / "docs" / "mapping.example.toml").read_text("utf-8")
    report = validate_folder(mapped_copy(tmp_path / "in", example), AS_OF)
    assert report.ok, report.render()
    absent = {
        w.message_en.split()[4].rstrip(",")
        for w in report.warnings
        if w.rule == "mapping_export_absent"
    }
    assert absent == {"tyonhakujaksot", "palvelujaksot", "tyopaikat", "koulutukset"}
