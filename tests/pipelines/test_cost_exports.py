"""The four cost exports load: amounts in every accepted form, stored exactly as
DECIMAL(18,2); an Excel number a hair off a cent is rounded; a course unknown in koulutukset
is a warning; the ledger's dates count for the default as-of date."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from common.duckdb_files import open_read_only
from pipelines import PipelineError, load_folder, validate_folder
from tests.pipelines.cost_fixtures import GOOD_COSTS, replaced
from tests.pipelines.fixtures import write_folder

AS_OF = date(2026, 10, 31)


def _load(tmp_path: Path, **files: str | bytes | None) -> Path:
    folder = write_folder(tmp_path / "exports", **(GOOD_COSTS | files))
    db = tmp_path / "kpi.duckdb"
    load_folder(folder, db, as_of=AS_OF)
    return db


def test_amounts_in_every_accepted_form_are_stored_exactly(tmp_path: Path) -> None:
    db = _load(tmp_path)
    con = open_read_only(db)
    rows = dict(con.execute("SELECT kirjaus_id, summa FROM kustannukset").fetchall())
    kind = con.execute("SELECT typeof(summa) FROM kustannukset LIMIT 1").fetchall()[0]
    shares = con.execute("SELECT sum(osuus) FROM kustannusjako").fetchall()[0]
    assert kind == ("DECIMAL(18,2)",)
    assert rows == {
        "K1": Decimal("1234.56"), "K2": Decimal("850.00"), "K3": Decimal("12000.50"),
        "K4": Decimal("-45.00"), "K5": Decimal("1000.00"),
    }  # fmt: skip
    assert shares == (Decimal("100"),)


@pytest.mark.parametrize(
    "text", ["1 234,56", "1\u00a0234,56", "1\u202f234,56", "1234,56", "1234.56"]
)
def test_a_thousands_separator_may_be_any_space(tmp_path: Path, text: str) -> None:
    db = _load(tmp_path, kustannukset=replaced("kustannukset", '"1 234,56"', f'"{text}"'))
    value = open_read_only(db).execute("SELECT summa FROM kustannukset WHERE kirjaus_id = 'K1'")
    assert value.fetchall()[0] == (Decimal("1234.56"),)


def _workbook(rows: list[list[object]]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def _budget_xlsx(amount: float) -> bytes:
    return _workbook([["vuosi", "kustannuslaji", "summa"], [2025, "henkilosto", amount]])


def test_an_excel_number_within_a_millionth_of_a_cent_is_rounded(tmp_path: Path) -> None:
    db = _load(tmp_path, talousarvio=None, **{"talousarvio.xlsx": _budget_xlsx(0.1 + 0.2)})
    value = open_read_only(db).execute("SELECT summa FROM talousarvio").fetchall()[0]
    assert value == (Decimal("0.30"),)


def test_an_excel_number_with_a_third_decimal_is_refused(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "exports",
        **(GOOD_COSTS | {"talousarvio": None, "talousarvio.xlsx": _budget_xlsx(1000.005)}),
    )
    report = validate_folder(folder, AS_OF)
    assert [(i.file, i.row, i.column, i.rule) for i in report.errors] == [
        ("talousarvio.xlsx", 2, "summa", "bad_amount")
    ]


def test_a_course_unknown_in_koulutukset_is_a_warning(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "exports",
        **(GOOD_COSTS | {"kustannukset": replaced("kustannukset", "C1", "C9")}),
    )
    report = validate_folder(folder, AS_OF)
    assert report.ok
    warned = [(i.file, i.row, i.column) for i in report.warnings if i.rule.startswith("unknown")]
    assert warned == [("kustannukset.csv", 4, "koulutus_id")]


def test_the_ledger_dates_count_for_the_default_as_of(tmp_path: Path) -> None:
    ledger = replaced("kustannukset", "2025-04-01", "2026-10-31")
    folder = write_folder(tmp_path / "exports", **(GOOD_COSTS | {"kustannukset": ledger}))
    summary = load_folder(folder, tmp_path / "kpi.duckdb")
    assert summary.as_of == date(2026, 10, 31)  # the latest event of GOOD is 30.10.2026


def test_cost_exports_are_optional(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "exports"), db, as_of=AS_OF)
    tables = {r[0] for r in open_read_only(db).execute("SHOW TABLES").fetchall()}
    assert "kustannukset" not in tables and "asiakkaat" in tables


def test_a_bad_percentage_table_names_the_year_and_the_sum(tmp_path: Path) -> None:
    shares = replaced("kustannusjako", "Nurmes;5", "Nurmes;4,5")
    with pytest.raises(PipelineError) as caught:
        _load(tmp_path, kustannusjako=shares)
    issue = caught.value.report.errors[0]
    assert "2025" in issue.message_fi and "99,5" in issue.message_fi
    assert "2025" in issue.message_en and "99.5" in issue.message_en
