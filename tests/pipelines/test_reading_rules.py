"""The contract's reading rules, each with a tiny file that must load, and what it loads as."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import xlsxwriter

from pipelines import load_folder, validate_folder
from pipelines.csv_bytes import detect_delimiter
from tests.pipelines.fixtures import GOOD, write_folder

AS_OF = date(2026, 10, 31)


def _load(tmp_path: Path, **files: str | bytes | None) -> duckdb.DuckDBPyConnection:
    folder = write_folder(tmp_path / "exports", **files)
    db = tmp_path / "kpi.duckdb"
    load_folder(folder, db, as_of=AS_OF)
    return duckdb.connect(str(db), read_only=True)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def test_windows_1252_with_bom_less_finnish_letters_is_read(tmp_path: Path) -> None:
    con = _load(tmp_path, asiakkaat=GOOD["asiakkaat"].encode("cp1252"))
    assert _rows(con, "SELECT kunta FROM asiakkaat WHERE asiakas_id = 'A2'") == [("Heinävesi",)]
    log = _rows(con, "SELECT encoding, delimiter FROM load_log WHERE export = 'asiakkaat'")
    assert log == [("windows-1252", ";")]


def test_utf8_bom_comma_and_crlf_are_read(tmp_path: Path) -> None:
    text = GOOD["asiakkaat"].replace(";", ",").replace("\n", "\r\n")
    con = _load(tmp_path, asiakkaat=b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert _rows(con, "SELECT count(*) FROM asiakkaat") == [(3,)]
    log = _rows(con, "SELECT encoding, delimiter FROM load_log WHERE export = 'asiakkaat'")
    assert log == [("utf-8-sig", ",")]


def test_tab_delimiter_is_detected() -> None:
    assert detect_delimiter("a\tb\tc") == "\t"
    assert detect_delimiter("a;b,c;d") == ";"
    assert detect_delimiter("asiakas_id") == ","


def test_excel_90_is_heinavesi_and_codes_fold(tmp_path: Path) -> None:
    text = (
        "asiakas_id;kunta;syntymavuosi;maahanmuuttaja\n"
        "A1;167;1990.0;K\nA2;90;;Kyllä\nA3; lieksa ;;x\n"
    )
    con = _load(tmp_path, asiakkaat=text)
    rows = _rows(con, "SELECT * FROM asiakkaat ORDER BY asiakas_id")
    assert rows == [
        ("A1", "Joensuu", 1990, True),
        ("A2", "Heinävesi", None, True),
        ("A3", "Lieksa", None, True),
    ]


def test_english_headers_and_code_aliases(tmp_path: Path) -> None:
    text = (
        "Event ID,Client-ID,TYPE,date,channel,caseworker_id,provider_municipality,service point\n"
        "T1,A1,Initial_Interview,14.1.2025,Face-to-face,V1,,JOENSUU\n"
        "T2,A1,job_offer,2025-02-01 13:45:00,,V1,,\n"
    )
    con = _load(tmp_path, tapahtumat=text)
    rows = _rows(con, "SELECT tyyppi, pvm, kanava, palvelupiste FROM tapahtumat ORDER BY 1")
    assert rows == [
        ("alkuhaastattelu", date(2025, 1, 14), "kasvokkain", "Joensuu"),
        ("tyotarjous", date(2025, 2, 1), None, None),
    ]


BOOLEANS = [
    ("1", True), ("0", False), ("true", True), ("FALSE", False), ("kyllä", True),
    ("ei", False), ("k", True), ("e", False), ("yes", True), ("No", False),
    ("TOSI", True), ("epätosi", False),
]  # fmt: skip


def test_boolean_spellings(tmp_path: Path) -> None:
    header = "asiakas_id;koulutus_id;laji;alkupvm;loppupvm;suoritettu\n"
    rows = "".join(
        f"A1;C{i};vos;1.2.2025;31.5.2025;{cell}\n" for i, (cell, _) in enumerate(BOOLEANS)
    )
    con = _load(tmp_path, koulutukset=header + rows)
    loaded = {r[0]: r[1] for r in _rows(con, "SELECT koulutus_id, suoritettu FROM koulutukset")}
    assert [loaded[f"C{i}"] for i in range(len(BOOLEANS))] == [b for _, b in BOOLEANS]


def test_x_and_empty_means_true_and_false(tmp_path: Path) -> None:
    text = "kunta;toiminta_alkanut;nuorten_yhteispalvelu\nJoensuu;2025-01-01;x\nLieksa;;\n"
    con = _load(tmp_path, palvelupisteet=text)
    rows = _rows(con, "SELECT kunta, toiminta_alkanut, nuorten_yhteispalvelu FROM palvelupisteet")
    assert sorted(rows) == [("Joensuu", date(2025, 1, 1), True), ("Lieksa", None, False)]


def test_planned_training_end_may_be_in_the_future(tmp_path: Path) -> None:
    con = _load(tmp_path)  # GOOD koulutukset ends 2027-05-31
    assert _rows(con, "SELECT max(loppupvm) FROM koulutukset") == [(date(2027, 5, 31),)]


def test_xlsx_with_date_cells_and_numbers(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    day = book.add_format({"num_format": "d.m.yyyy"})
    sheet.write_row(
        0,
        0,
        ["tyopaikka_id", "tyonantaja_id", "kunta", "julkaistu", "sulkeutunut", "tulos", "paikkoja"],
    )
    sheet.write_row(1, 0, [101, "Y1", 90])
    sheet.write_datetime(1, 3, __import__("datetime").datetime(2025, 3, 14), day)
    sheet.write(1, 6, 2)
    book.close()
    con = _load(tmp_path, tyopaikat=None, **{"tyopaikat.xlsx": buffer.getvalue()})
    rows = _rows(con, "SELECT * FROM tyopaikat")
    assert rows == [("101", "Y1", "Heinävesi", date(2025, 3, 14), None, None, 2)]


def test_parquet_with_typed_columns(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {"ryhma": ["hankinnat"], "kaynnistynyt": [date(2025, 2, 3)], "kokouksia": [4]}
    )
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    con = _load(tmp_path, **{"tyoryhmat.parquet": buffer.getvalue()})
    assert _rows(con, "SELECT * FROM tyoryhmat") == [("hankinnat", date(2025, 2, 3), 4)]


def test_absent_export_has_no_table_and_defaults_are_loaded(tmp_path: Path) -> None:
    con = _load(tmp_path, koulutukset=None)
    tables = {r[0] for r in _rows(con, "SELECT table_name FROM information_schema.tables")}
    assert "koulutukset" not in tables
    assert _rows(con, "SELECT count(*) FROM tyoryhmat") == [(6,)]
    assert _rows(con, "SELECT count(*) FROM palvelupisteet") == [(13,)]
    assert {"ref_kunnat", "ref_palvelupisteet", "ref_henkilosto", "meta_load"} <= tables


def test_warnings_unknown_column_unknown_file_and_old_rows(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path,
        asiakkaat=GOOD["asiakkaat"]
        .replace("\n", ";\n")
        .replace("maahanmuuttaja;\n", "maahanmuuttaja;huom\n"),
        **{"muistiinpanot.csv": "a;b\n1;2\n"},
    )
    report = validate_folder(folder, as_of=AS_OF)
    assert report.ok, report.render()
    rules = {(w.file, w.rule) for w in report.warnings}
    assert ("asiakkaat.csv", "unknown_columns") in rules
    assert ("muistiinpanot.csv", "unknown_file") in rules
    old = next(w for w in report.warnings if w.rule == "outside_years")
    assert (old.file, old.row, old.column) == ("tyonhakujaksot.csv", 5, "loppupvm")


def test_default_as_of_is_latest_event_or_start_date(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "exports")
    summary = load_folder(folder, tmp_path / "kpi.duckdb")
    assert summary.as_of == date(2026, 10, 30)  # the latest tapahtumat.pvm of GOOD
    con = duckdb.connect(str(tmp_path / "kpi.duckdb"), read_only=True)
    assert _rows(con, "SELECT as_of FROM meta_load") == [(date(2026, 10, 30),)]


def test_unsorted_unique_ids_are_not_duplicates(tmp_path: Path) -> None:
    text = "asiakas_id;kunta\nA3;Joensuu\nA1;Joensuu\nA2;Joensuu\n"
    assert validate_folder(write_folder(tmp_path, asiakkaat=text), as_of=AS_OF).ok


def test_every_problem_is_collected_not_just_the_first(tmp_path: Path) -> None:
    rows = "".join(f"E{i};A1;tyotarjous;31.2.2025;;V1;;\n" for i in range(100))
    text = "tapahtuma_id;asiakas_id;tyyppi;pvm;kanava;virkailija_id;tuottaja_kunta;palvelupiste\n"
    report = validate_folder(write_folder(tmp_path, tapahtumat=text + rows), as_of=AS_OF)
    assert report.error_count == 100
    assert "… ja 80 muuta" in report.render()
