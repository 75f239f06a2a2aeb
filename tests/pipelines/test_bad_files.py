# ruff: noqa: E501  (the table of cases reads best one case per line)
"""Every kind of bad input of docs/spec/DATA_CONTRACT.md, as a real file: refused with a bilingual
message naming file, Excel row and column, and the database left byte for byte as it was."""

from __future__ import annotations

import io
import os
import re
from datetime import date
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from pipelines import PipelineError, load_folder
from pipelines.validation_report import Issue
from tests.pipelines import xlsx_by_hand as by_hand
from tests.pipelines.cost_fixtures import GOOD_COSTS
from tests.pipelines.cost_fixtures import replaced as _cost
from tests.pipelines.cost_fixtures import with_costs as _with_costs
from tests.pipelines.fixtures import GOOD, sha256, write_folder
from tests.pipelines.parquet_by_type import REFUSED, events_with

AS_OF = date(2026, 10, 31)


def _replace(export: str, old: str, new: str) -> str:
    assert old in GOOD[export], old
    return GOOD[export].replace(old, new, 1)


def _xlsx(rows: list[list[object]]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def _csv_rows(export: str) -> list[list[object]]:
    return [list(line.split(";")) for line in GOOD[export].strip().splitlines()]


def _parquet(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


def _with_note(export: str, row: int, note: str) -> list[list[object]]:
    """The export's rows with an extra column ``huom``, ``note`` on Excel row ``row``."""
    rows = [[*r, ""] for r in _csv_rows(export)]
    rows[0][-1], rows[row - 1][-1] = "huom", note
    return rows


_MANY_CLIENTS = GOOD["asiakkaat"] + "".join(f"B{i};Joensuu;1990;ei\n" for i in range(5000))
_NUL_AT = 4500  # a line far beyond the first 64 KiB a reader sniffs
_NUL_CLIENTS = "\n".join(
    line.replace("Joensuu", "Joen\x00suu") if n == _NUL_AT else line
    for n, line in enumerate(_MANY_CLIENTS.split("\n"), start=1)
)
_MIXED_ENCODING = GOOD["asiakkaat"].encode("utf-8") + "A4;Rääkkylä;1970;ei\n".encode("cp1252")
_GROUPS = "ryhma;kaynnistynyt;kokouksia\nhankinnat;2025-02-03;4\nelinvoima;2025-03-01;2\n"
HETU = "131052-308T"
# The same henkilötunnus in the disguises a copy and paste gives it.
DISGUISED = {
    "hetu_in_text": f"Matti {HETU}",
    "hetu_after_abbreviation": f"hlö {HETU}",
    "hetu_en_dash": "131052\u2013308T",
    "hetu_minus_sign": "131052\u2212308T",
    "hetu_no_break_space": f"hlö\u00a0{HETU}\u00a0",
    "hetu_zero_width_space": "1310\u200b52-308T",
    "hetu_full_width": "\uff11\uff13\uff11\uff10\uff15\uff12-\uff13\uff10\uff18\uff34",
    "hetu_lower_case": "131052-308t",
}


def _hetu_cases() -> list[
    tuple[str, dict[str, str | bytes | None], tuple[str, int | None, str | None, str]]
]:
    cases: list[
        tuple[str, dict[str, str | bytes | None], tuple[str, int | None, str | None, str]]
    ] = []
    for name, text in DISGUISED.items():
        groups = _GROUPS.replace("elinvoima", text)
        cases.append(
            (f"csv_{name}", {"tyoryhmat": groups}, ("tyoryhmat.csv", 3, "ryhma", "henkilotunnus"))
        )
    rows = _with_note("tapahtumat", 4, DISGUISED["hetu_minus_sign"])
    cases.append(
        (
            "xlsx_hetu_in_text",
            {"tapahtumat": None, "tapahtumat.xlsx": _xlsx(rows)},
            ("tapahtumat.xlsx", 4, "huom", "henkilotunnus"),
        )
    )
    rows = _with_note("tapahtumat", 5, DISGUISED["hetu_full_width"])
    frame = pl.DataFrame(rows[1:], schema=[str(c) for c in rows[0]], orient="row")
    cases.append(
        (
            "parquet_hetu_in_text",
            {"tapahtumat": None, "tapahtumat.parquet": _parquet(frame)},
            ("tapahtumat.parquet", 5, "huom", "henkilotunnus"),
        )
    )
    return cases


_GROUP_TITLES = ["ryhma", "kaynnistynyt", "kokouksia"]


def _far_cell(ref: str, number: int, dimension: str | None = None) -> bytes:
    """A workbook of a header and one cell at ``ref`` (row ``number``): never given to
    fastexcel in this process (it would try to allocate the whole range)."""
    return by_hand.workbook(
        [by_hand.header_row(_GROUP_TITLES), by_hand.row(number, by_hand.cell(ref, "x"))], dimension
    )


_XLSX_TOO_LARGE = ("tyoryhmat.xlsx", None, None, "xlsx_too_large")
XLSX_BOMBS: list[
    tuple[str, dict[str, str | bytes | None], tuple[str, int | None, str | None, str]]
] = [
    (
        "xlsx_cell_at_xfd1048576",
        {"tyoryhmat.xlsx": _far_cell("XFD1048576", 1048576, "A1:XFD1048576")},
        _XLSX_TOO_LARGE,
    ),
    (
        "xlsx_dimension_lies",
        {"tyoryhmat.xlsx": _far_cell("XFD1048576", 1048576, "A1:C2")},
        _XLSX_TOO_LARGE,
    ),
    ("xlsx_no_dimension", {"tyoryhmat.xlsx": _far_cell("XFD1048576", 1048576)}, _XLSX_TOO_LARGE),
    ("xlsx_too_many_rows", {"tyoryhmat.xlsx": _far_cell("A6000000", 6000000)}, _XLSX_TOO_LARGE),
    (
        "xlsx_range_larger_than_the_file_holds",
        {"tyoryhmat.xlsx": _far_cell("H4000000", 4000000)},
        _XLSX_TOO_LARGE,
    ),
    (
        "xlsx_cells_without_references",
        {"tyoryhmat.xlsx": by_hand.workbook([by_hand.row(None, *[by_hand.cell(None, "a")] * 300)])},
        _XLSX_TOO_LARGE,
    ),
]


PARQUET_TYPES: list[tuple[str, dict[str, str | bytes | None], tuple[str, int | None, str | None, str]]] = [
    (f"parquet_{name}_column", {"tapahtumat": None, "tapahtumat.parquet": events_with(name, column)},
     ("tapahtumat.parquet", None, name, "parquet_type"))
    for name, column in REFUSED.items()
]  # fmt: skip


_BAD_XLSX = _csv_rows("tapahtumat")
_BAD_XLSX[3][3] = "31.2.2025"  # Excel row 4
_GOOD_PARQUET = pl.read_csv(io.StringIO(GOOD["tapahtumat"]), separator=";", infer_schema=False)

# A valid lausunnot export (optional, so not in GOOD): the cases below break it one way each.
_STATEMENTS = """lausunto_id;asiakas_id;vireille;annettu
L1;A1;2025-02-01;2025-02-14
L2;A2;2025-03-10;2025-03-20
L3;A3;2026-10-01;
"""

# id, files changed, expected (file, Excel row, column, rule)
CASES: list[tuple[str, dict[str, str | bytes | None], tuple[str, int | None, str | None, str]]] = [
    ("wrong_delimiter", {"asiakkaat": GOOD["asiakkaat"].replace(";", "|")},
     ("asiakkaat.csv", 1, "asiakas_id", "missing_column")),
    ("impossible_date", {"tapahtumat": _replace("tapahtumat", "2025-02-01", "31.2.2025")},
     ("tapahtumat.csv", 3, "pvm", "bad_date")),
    ("html_saved_as_csv", {"tapahtumat": "<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr>"
                           "</table></body></html>\n"},
     ("tapahtumat.csv", None, None, "not_a_table")),
    ("ragged_row", {"asiakkaat": _replace("asiakkaat", "A3;Lieksa;;", "A3;Lieksa;;;;x")},
     ("asiakkaat.csv", 4, None, "ragged_row")),
    ("empty_file", {"tyopaikat": ""}, ("tyopaikat.csv", None, None, "empty_file")),
    ("binary_file", {"koulutukset": bytes(range(256)) * 8}, ("koulutukset.csv", None, None, "not_a_table")),
    ("xlsx_renamed_csv", {"koulutukset": b"PK\x03\x04" + b"\x00" * 100},
     ("koulutukset.csv", None, None, "not_a_table")),
    ("duplicate_id", {"tapahtumat": _replace("tapahtumat", "T2;", "T1;")},
     ("tapahtumat.csv", 3, "tapahtuma_id", "duplicate")),
    ("end_before_start", {"tyonhakujaksot": _replace("tyonhakujaksot", "2025-06-30\n", "2025-01-01\n")},
     ("tyonhakujaksot.csv", 2, "loppupvm", "end_before_start")),
    ("overlapping_periods", {"tilajaksot": _replace("tilajaksot", "2025-06-29", "2025-07-15")},
     ("tilajaksot.csv", 3, "alkupvm", "overlap")),
    ("unknown_client", {"tapahtumat": _replace("tapahtumat", "T3;A2", "T3;A9")},
     ("tapahtumat.csv", 4, "asiakas_id", "unknown_reference")),
    ("unknown_caseworker", {"yrityskontaktit": _replace("yrityskontaktit", ";V2", ";V7")},
     ("yrityskontaktit.csv", 2, "virkailija_id", "unknown_reference")),
    ("unknown_municipality", {"asiakkaat": _replace("asiakkaat", "Lieksa", "Tampere")},
     ("asiakkaat.csv", 4, "kunta", "bad_municipality")),
    ("unknown_code", {"tapahtumat": _replace("tapahtumat", "puhelin", "faksi")},
     ("tapahtumat.csv", 5, "kanava", "bad_code")),
    ("date_after_extraction", {"tapahtumat": _replace("tapahtumat", "2026-10-30", "2026-11-15")},
     ("tapahtumat.csv", 5, "pvm", "after_extraction")),
    ("end_after_extraction", {"palvelujaksot": _replace("palvelujaksot", "2025-12-31", "2026-12-31")},
     ("palvelujaksot.csv", 3, "loppupvm", "after_extraction")),
    ("henkilotunnus_column", {"asiakkaat": GOOD["asiakkaat"].replace("maahanmuuttaja\n", "maahanmuuttaja;tunnus\n")
                              .replace(";ei\n", ";ei;131052-308T\n")},
     ("asiakkaat.csv", 2, "tunnus", "henkilotunnus")),
    ("missing_required_column", {"tyopaikat": GOOD["tyopaikat"].replace("julkaistu;", "")
                                 .replace("2025-02-01;", "").replace("2025-04-01;", "")},
     ("tyopaikat.csv", 1, "julkaistu", "missing_column")),
    ("null_in_required_field", {"asiakkaat": _replace("asiakkaat", "A2;Heinävesi", "A2;")},
     ("asiakkaat.csv", 3, "kunta", "required")),
    ("bad_whole_number", {"asiakkaat": _replace("asiakkaat", "1990", "19,5")},
     ("asiakkaat.csv", 2, "syntymavuosi", "bad_int")),
    ("bad_boolean", {"koulutukset": _replace("koulutukset", ";1\n", ";ehkä\n")},
     ("koulutukset.csv", 2, "suoritettu", "bad_bool")),
    ("channel_missing_for_meeting", {"tapahtumat": _replace("tapahtumat", "kasvokkain;", ";")},
     ("tapahtumat.csv", 2, "kanava", "required_when")),
    ("caseworker_missing_for_job_offer", {"tapahtumat": _replace("tapahtumat", ";;V1;;\n", ";;;;\n")},
     ("tapahtumat.csv", 3, "virkailija_id", "required_when")),
    ("export_twice", {"asiakkaat.xlsx": _xlsx(_csv_rows("asiakkaat"))},
     ("asiakkaat.xlsx", None, None, "duplicate_export")),
    ("column_twice", {"asiakkaat": _replace("asiakkaat", "syntymavuosi", "client_id")},
     ("asiakkaat.csv", 1, "client_id", "duplicate_column")),
    ("xlsx_impossible_date", {"tapahtumat": None, "tapahtumat.xlsx": _xlsx(_BAD_XLSX)},
     ("tapahtumat.xlsx", 4, "pvm", "bad_date")),
    ("parquet_unknown_code", {"tapahtumat": None, "tapahtumat.parquet": _parquet(
        _GOOD_PARQUET.with_columns(pl.col("tyyppi").replace("esittely", "x").replace("tyotarjous", "lounas")))},
     ("tapahtumat.parquet", 3, "tyyppi", "bad_code")),
    ("broken_parquet", {"tapahtumat": None, "tapahtumat.parquet": b"PAR1 not really"},
     ("tapahtumat.parquet", None, None, "not_a_table")),
    ("empty_folder_of_exports", dict.fromkeys(GOOD, None) | {"muistio.txt": b"hello"},
     ("", None, None, "no_exports")),
    # Excel for Mac's "CSV (Macintosh)": CR-only line ends (and a mix); the date on row 3 is bad
    ("cr_only_line_endings", {"tapahtumat": _replace("tapahtumat", "2025-02-01", "31.2.2025").replace("\n", "\r")},
     ("tapahtumat.csv", 3, "pvm", "bad_date")),
    ("mixed_line_endings", {"tapahtumat": _replace("tapahtumat", "2025-02-01", "31.2.2025").replace("\n", "\r", 2).replace("\n", "\r\n", 1)},
     ("tapahtumat.csv", 3, "pvm", "bad_date")),
    ("cr_only_clients", {"asiakkaat": _replace("asiakkaat", "1990", "19,5").replace("\n", "\r")},
     ("asiakkaat.csv", 2, "syntymavuosi", "bad_int")),
    ("mixed_utf8_and_windows_1252", {"asiakkaat": _MIXED_ENCODING},
     ("asiakkaat.csv", 5, None, "mixed_encoding")),
    ("untitled_column_with_data", {"asiakkaat": _replace("asiakkaat", "syntymavuosi", "")},
     ("asiakkaat.csv", 2, "C", "untitled_column")),
    ("short_row", {"asiakkaat": _replace("asiakkaat", "A2;Heinävesi;1999;kyllä", "A2;Heinävesi;1999")},
     ("asiakkaat.csv", 3, None, "short_row")),
    ("short_row_crlf_quoted", {"asiakkaat": _replace("asiakkaat", "A1;Joensuu", 'A1;"Joensuu"').replace("A3;Lieksa;;", "A3;Lieksa").replace("\n", "\r\n")},
     ("asiakkaat.csv", 4, None, "short_row")),
    ("negative_count", {"tyoryhmat": _GROUPS.replace(";2\n", ";-13\n")},
     ("tyoryhmat.csv", 3, "kokouksia", "negative_count")),
    ("negative_positions", {"tyopaikat": _replace("tyopaikat", "taytetty;2", "taytetty;-1")},
     ("tyopaikat.csv", 2, "paikkoja", "negative_count")),
    ("birth_year_in_the_future", {"asiakkaat": _replace("asiakkaat", "1999", "3000")},
     ("asiakkaat.csv", 3, "syntymavuosi", "birth_year_out_of_range")),
    ("birth_year_before_1900", {"asiakkaat": _replace("asiakkaat", "1990", "1899")},
     ("asiakkaat.csv", 2, "syntymavuosi", "birth_year_out_of_range")),
    ("nul_byte_beyond_the_sniffed_head", {"asiakkaat": _NUL_CLIENTS},
     ("asiakkaat.csv", _NUL_AT, None, "nul_byte")),
    ("every_file_header_only", {n: t.splitlines()[0] + "\n" for n, t in GOOD.items()},
     ("asiakkaat", None, None, "would_be_empty")),
    ("one_export_left_out", {"tyopaikat": None}, ("tyopaikat", None, None, "would_be_empty")),
    # lausunnot (added 2026-12): issued before pending, either date after the extraction date
    ("statement_issued_before_pending", {"lausunnot": _STATEMENTS.replace("L2;A2;2025-03-10;2025-03-20", "L2;A2;2025-03-10;2025-03-09")},
     ("lausunnot.csv", 3, "annettu", "end_before_start")),
    ("statement_pending_after_extraction", {"lausunnot": _STATEMENTS.replace("L3;A3;2026-10-01", "L3;A3;2026-11-01")},
     ("lausunnot.csv", 4, "vireille", "after_extraction")),
    ("statement_issued_after_extraction", {"lausunnot": _STATEMENTS.replace("2025-03-20", "2026-11-02")},
     ("lausunnot.csv", 3, "annettu", "after_extraction")),
    ("statement_unknown_client", {"lausunnot": _STATEMENTS.replace("L1;A1", "L1;A7")},
     ("lausunnot.csv", 2, "asiakas_id", "unknown_reference")),
    ("statement_id_twice", {"lausunnot": _STATEMENTS.replace("L3;", "L1;")},
     ("lausunnot.csv", 4, "lausunto_id", "duplicate")),
    # The cost exports (added 2026-12)
    ("cost_shares_sum_to_99_5", _with_costs(kustannusjako=_cost("kustannusjako", "Nurmes;5", "Nurmes;4,5")),
     ("kustannusjako.csv", 2, "osuus", "cost_shares")),
    ("cost_shares_missing_a_municipality", _with_costs(kustannusjako=_cost("kustannusjako", "2025;Nurmes;5\n", "")),
     ("kustannusjako.csv", 2, "osuus", "cost_shares")),
    ("unknown_cost_type", _with_costs(kustannukset=_cost("kustannukset", ";ict;", ";kahvi;")),
     ("kustannukset.csv", 6, "kustannuslaji", "bad_code")),
    ("amount_with_three_decimals", _with_costs(kustannukset=_cost("kustannukset", "12000.50", "12000.505")),
     ("kustannukset.csv", 4, "summa", "bad_amount")),
    ("amount_with_both_separators", _with_costs(kustannukset=_cost("kustannukset", "850,00", "1.850,00")),
     ("kustannukset.csv", 3, "summa", "bad_amount")),
    ("hetu_in_selite", _with_costs(kustannukset=_cost("kustannukset", "oikaisu", f"oikaisu {HETU}")),
     ("kustannukset.csv", 5, "selite", "henkilotunnus")),
    ("person_related_cost_without_client", _with_costs(kustannukset=_cost("kustannukset", "Joensuu;A1;;D1;oikaisu", "Joensuu;;;D1;oikaisu")),
     ("kustannukset.csv", 5, "asiakas_id", "required_when")),
    ("commitment_without_client", _with_costs(sitoumukset=_cost("sitoumukset", "Joensuu;A1;2026", "Joensuu;;2026")),
     ("sitoumukset.csv", 3, "asiakas_id", "required_when")),
    ("duplicate_budget_row", _with_costs(talousarvio=GOOD_COSTS["talousarvio"] + "2025;palkkatuki;1000\n"),
     ("talousarvio.csv", 5, "kustannuslaji", "duplicate")),
    ("duplicate_decision_year", _with_costs(sitoumukset=_cost("sitoumukset", "A1;2026", "A1;2025")),
     ("sitoumukset.csv", 3, "vuosi", "duplicate")),
    ("cost_for_unknown_client", _with_costs(kustannukset=_cost("kustannukset", "Joensuu;A1;;D1;\n", "Joensuu;A9;;D1;\n")),
     ("kustannukset.csv", 3, "asiakas_id", "unknown_reference")),
    ("cost_after_extraction", _with_costs(kustannukset=_cost("kustannukset", "2025-04-01", "2026-11-02")),
     ("kustannukset.csv", 6, "pvm", "after_extraction")),
    ("negative_cost_share", _with_costs(kustannusjako=_cost("kustannusjako", "Nurmes;5", "Nurmes;-5")),
     ("kustannusjako.csv", 14, "osuus", "negative_share")),
    *_hetu_cases(),
    *XLSX_BOMBS,
    *PARQUET_TYPES,
]  # fmt: skip


@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    good = write_folder(tmp_path_factory.mktemp("good"))
    db = tmp_path_factory.mktemp("db") / "kpi.duckdb"
    load_folder(good, db, as_of=AS_OF)
    return db


_ID_COLUMN = re.compile(r"(?:^|_)id$")


def _ids(files: dict[str, str | bytes | None]) -> set[str]:
    """Every value of an identifying column (``*_id``) in the folder's CSV files."""
    texts: dict[str, str | bytes | None] = {f"{k}.csv": v for k, v in GOOD.items()}
    texts.update({k if "." in k else f"{k}.csv": v for k, v in files.items()})
    ids: set[str] = set()
    for content in texts.values():
        if content is None:
            continue
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        lines = [re.split(r"[;,|\t]", line) for line in text.splitlines()]
        if not lines:
            continue
        wanted = [i for i, title in enumerate(lines[0]) if _ID_COLUMN.search(title.strip().lower())]
        ids.update(row[i].strip() for row in lines[1:] for i in wanted if i < len(row))
    return {i for i in ids if i}


def _quoted(text: str, value: str) -> bool:
    return re.search(rf"(?<![0-9A-Za-z]){re.escape(value)}(?![0-9A-Za-z])", text) is not None


def _match(issue: Issue, file: str, row: int | None, column: str | None, rule: str) -> bool:
    return (
        issue.rule == rule
        and (issue.file == file or (not file and issue.row is None))
        and issue.row == row
        and issue.column == column
    )


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_file_is_refused_and_database_unchanged(
    tmp_path: Path,
    loaded_db: Path,
    files: dict[str, str | bytes | None],
    expected: tuple[str, int | None, str | None, str],
) -> None:
    folder = write_folder(tmp_path / "exports", **files)
    before = sha256(loaded_db)
    with pytest.raises(PipelineError) as caught:
        load_folder(folder, loaded_db, as_of=AS_OF)
    assert sha256(loaded_db) == before
    assert list(loaded_db.parent.glob("*.tmp-*")) == []
    report = caught.value.report
    file, row, column, rule = expected
    assert any(_match(i, file, row, column, rule) for i in report.errors), report.render()
    issue = next(i for i in report.errors if _match(i, file, row, column, rule))
    assert issue.message_fi and issue.message_en and issue.message_fi != issue.message_en
    text = str(caught.value)
    assert issue.location() in text
    if row is not None:
        assert f"rivi/row {row}" in text
    assert "131052-308T" not in text  # a henkilötunnus is never printed
    messages = [text, *(f"{i.location()} {i.message_fi} {i.message_en}" for i in report.warnings)]
    for value in [*_ids(files), *DISGUISED.values()]:
        assert not any(_quoted(m, value) for m in messages), f"{value!r} in a message: {text}"


@pytest.mark.parametrize("kind", ["fifo", "broken_link"])
def test_a_special_file_named_like_an_export_is_refused_unopened(
    tmp_path: Path, loaded_db: Path, kind: str
) -> None:
    """A FIFO (reading it would block forever) or a link to nowhere named koulutukset.csv was
    skipped and the shipped defaults used; now it is an error and nothing is opened."""
    folder = write_folder(tmp_path / "exports", koulutukset=None)
    special = folder / "koulutukset.csv"
    if kind == "fifo":
        os.mkfifo(special)
    else:
        special.symlink_to(tmp_path / "nowhere.csv")
    before = sha256(loaded_db)
    with pytest.raises(PipelineError) as caught:
        load_folder(folder, loaded_db, as_of=AS_OF)
    assert sha256(loaded_db) == before
    issue = caught.value.report.errors[0]
    assert (issue.file, issue.rule) == ("koulutukset.csv", "not_regular_file")


def test_lausunnot_loads_and_its_dates_count_for_the_default_as_of(tmp_path: Path) -> None:
    """An issued statement later than every other date sets the default as-of date."""
    latest = _STATEMENTS.replace("L3;A3;2026-10-01;", "L3;A3;2026-10-01;2026-11-03")
    folder = write_folder(tmp_path / "exports", lausunnot=latest)
    summary = load_folder(folder, tmp_path / "kpi.duckdb")
    assert summary.as_of == date(2026, 11, 3)
    pending = _STATEMENTS.replace("L3;A3;2026-10-01", "L3;A3;2026-11-05")
    folder = write_folder(tmp_path / "exports2", lausunnot=pending)
    assert load_folder(folder, tmp_path / "kpi2.duckdb").as_of == date(2026, 11, 5)
