"""A folder that loads only through its mapping.toml: CSV, XLSX and Parquet alike, equal
to the same data in the contract's form; and the henkilötunnus guard on every column."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines import PipelineError, load_folder, validate_folder
from pipelines.column_mapping import parse_mapping
from pipelines.mapping_apply import apply_mapping, code_lookup
from pipelines.reading import read_file
from pipelines.validation_report import ValidationReport
from tests.pipelines.fixtures import sha256, write_folder
from tests.pipelines.mapping_helpers import (
    MAPPED_EXPORTS,
    MAPPING,
    contract_copy,
    mapped_copy,
    table_rows,
)

AS_OF = date(2026, 10, 31)
HEADER = ("Asiakasnumero", "Työmarkkinatila", "Tilan alkupvm", "Tilan loppupvm")
SPELLS = [  # tilajaksot as the source system has them: status codes as numbers
    ("A1", 1, date(2025, 1, 10), date(2025, 6, 29)),
    ("A1", 5, date(2025, 6, 30), None),
    ("A2", 2, date(2025, 2, 3), None),
]


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for client, status, start, end in SPELLS:
        sheet.append([client, status, datetime.combine(start, datetime.min.time()), end])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _parquet() -> bytes:
    columns = list(zip(*SPELLS, strict=True))
    table = pa.table(
        {
            HEADER[0]: pa.array(columns[0], pa.string()),
            HEADER[1]: pa.array(columns[1], pa.int64()),
            HEADER[2]: pa.array(columns[2], pa.date32()),
            HEADER[3]: pa.array(columns[3], pa.date32()),
        }
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def test_without_its_mapping_the_folder_is_refused(tmp_path: Path) -> None:
    report = validate_folder(mapped_copy(tmp_path / "in", None), AS_OF)
    missing = {e.file for e in report.errors if e.rule == "missing_column"}
    assert missing == {f"{n}.csv" for n in MAPPED_EXPORTS}
    assert {e.rule for e in report.errors} == {"missing_column", "bad_code"}  # HAP, TAP


def test_with_its_mapping_it_loads_the_same_data_as_the_contract_form(tmp_path: Path) -> None:
    mapped, plain = tmp_path / "mapped.duckdb", tmp_path / "plain.duckdb"
    summary = load_folder(mapped_copy(tmp_path / "in"), mapped, as_of=AS_OF)
    load_folder(contract_copy(tmp_path / "contract"), plain, as_of=AS_OF)
    assert set(summary.rows) >= set(MAPPED_EXPORTS)
    for export in MAPPED_EXPORTS:
        rows = table_rows(mapped, export)
        assert rows and rows == table_rows(plain, export), export


@pytest.mark.parametrize(("suffix", "content"), [("xlsx", _xlsx), ("parquet", _parquet)])
def test_xlsx_and_parquet_go_through_the_mapping_as_csv_does(
    tmp_path: Path, suffix: str, content: Callable[[], bytes]
) -> None:
    folder = mapped_copy(tmp_path / "in")
    (folder / "tilajaksot.csv").unlink()
    (folder / f"tilajaksot.{suffix}").write_bytes(content())
    load_folder(folder, tmp_path / "x.duckdb", as_of=AS_OF)
    load_folder(contract_copy(tmp_path / "contract"), tmp_path / "c.duckdb", as_of=AS_OF)
    expected = table_rows(tmp_path / "c.duckdb", "tilajaksot")
    assert table_rows(tmp_path / "x.duckdb", "tilajaksot") == expected


def test_a_henkilotunnus_in_an_unmapped_column_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "db" / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "good"), db, as_of=AS_OF)
    before = sha256(db)
    spells = (
        "Asiakasnumero;Työmarkkinatila;Tilan alkupvm;Tilan loppupvm;Lisätieto\n"
        "A1;01;10.01.2025;29.06.2025;\n"
        "A1;05;30.06.2025;;hlö 131052-308T soitti\n"
        "A2;02;03.02.2025;;\n"
    )
    with pytest.raises(PipelineError) as caught:
        load_folder(mapped_copy(tmp_path / "in", tilajaksot=spells), db, as_of=AS_OF)
    assert sha256(db) == before
    (error,) = caught.value.report.errors
    assert (error.file, error.row, error.column, error.rule) == (
        "tilajaksot.csv",
        3,
        "Lisätieto",
        "henkilotunnus",
    )
    assert "308T" not in str(caught.value)


def test_a_henkilotunnus_in_a_mapped_column_is_named_with_both_names(tmp_path: Path) -> None:
    clients = "Asiakasnumero;Kotikunta;Maahanmuuttajataustainen\n131052-308T;167;1\n"
    report = validate_folder(mapped_copy(tmp_path / "in", asiakkaat=clients), AS_OF)
    hetu = [e for e in report.errors if e.rule == "henkilotunnus"]
    assert [(e.file, e.column) for e in hetu] == [("asiakkaat.csv", "'Asiakasnumero' (asiakas_id)")]
    assert "308T" not in report.render()


def _raw(tmp_path: Path, text: str) -> ValidationReport:
    path = tmp_path / "tilajaksot.csv"
    path.write_text(text, "utf-8")
    mappings, report = parse_mapping(MAPPING.encode())
    assert report.ok
    apply_report = ValidationReport()
    raw = apply_mapping(read_file(path), mappings["tilajaksot"], apply_report)
    assert raw.header == ("asiakas_id", "tila", "alkupvm", "loppupvm", "Huom")
    assert raw.title(1) == "'TYÖMARKKINATILA' (tila)" and raw.title(4) == "Huom"
    assert raw.frame["c1"].to_list() == ["tyoton", "07", "tyoton", " tyollinen", None]
    return apply_report


def test_codes_are_matched_as_text_and_unmapped_codes_stay(tmp_path: Path) -> None:
    text = (
        "asiakasnumero;TYÖMARKKINATILA;Tilan  alkupvm;Tilan loppupvm;Huom\n"
        "A1;01;1.1.2025;;\nA1;07;1.1.2025;;\nA1; 1 ;1.1.2025;;\nA1; tyollinen;1.1.2025;;\n"
        "A1;;1.1.2025;;\n"
    )
    assert _raw(tmp_path, text).ok


def test_apply_reports_a_source_header_the_file_lacks(tmp_path: Path) -> None:
    path = tmp_path / "tilajaksot.csv"
    path.write_text("Asiakasnumero;tila\nA1;01\n", "utf-8")
    mappings, _report = parse_mapping(MAPPING.encode())
    report = ValidationReport()
    apply_mapping(read_file(path), mappings["tilajaksot"], report)
    assert [(e.file, e.row, e.rule) for e in report.errors] == [
        ("mapping.toml", line, "mapping_header_missing") for line in (25, 26, 27)
    ]
    assert "'Työmarkkinatila'" in report.errors[0].message_en


@pytest.mark.parametrize(
    ("codes", "lookup"),
    [
        ({"01": "tyoton"}, {"01": "tyoton", "1": "tyoton"}),
        ({"00": "muu"}, {"00": "muu", "0": "muu"}),
        ({"01": "tyoton", "1": "muu"}, {"01": "tyoton", "1": "muu"}),
        ({"10": "x", "A": None}, {"10": "x", "A": None}),
    ],
)
def test_code_lookup_adds_the_form_excel_leaves_of_a_zero_padded_code(
    codes: dict[str, str | None], lookup: dict[str, str | None]
) -> None:
    assert code_lookup(codes) == lookup
