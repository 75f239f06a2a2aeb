"""``python -m metrics costs`` as docs/spec/CLI.md writes it: the columns of each grouping, the
``yhteensa`` rows, euros with two decimals (a decimal comma in the Finnish dialect), XLSX, a
formula-like id made inert, and the exit codes 0, 1 and 2."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from metrics.__main__ import main
from pipelines import load_folder
from tests.pipelines.cost_fixtures import GOOD_COSTS, replaced
from tests.pipelines.fixtures import write_folder

COLUMNS = {
    "item": "year,as_of,kustannuslaji,aiheuttamisperusteinen,toteuma,sitoumus,talousarvio,vapaa,"
    "kaytetty_osuus,kulunut_osuus,ennuste,status",
    "kunta": "year,as_of,kunta,aiheuttamisperusteiset,jako_osuus,jaettu_osuus,kunnan_osuus",
    "kunta-item": "year,as_of,kunta,kustannuslaji,aiheuttamisperusteinen,toteuma,kunnan_osuus",
    "month": "year,as_of,kuukausi,kustannuslaji,toteuma,kertyma,talousarvion_vauhti",
    "course": "year,as_of,koulutus_id,laji,kustannus,osallistujat,suorittaneet,"
    "tyottomyys_paattynyt,kesken,eur_per_osallistuja,eur_per_tulos",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ledger = replaced("kustannukset", ";;C1;;koulutus", ";;=C1;;koulutus")
    folder = write_folder(
        tmp_path_factory.mktemp("exports"), **{**GOOD_COSTS, "kustannukset": ledger}
    )
    path = tmp_path_factory.mktemp("db") / "kpi.duckdb"
    load_folder(folder, path, as_of=date(2026, 10, 31))
    return path


def _read(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize("by", list(COLUMNS))
def test_each_grouping_has_the_columns_of_the_spec(db: Path, tmp_path: Path, by: str) -> None:
    out = tmp_path / "costs.csv"
    argv = ["costs", "--year", "2025", "--db", str(db), "--by", by, "--out", str(out)]
    assert main(argv) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == COLUMNS[by]


def test_items_end_with_the_area_total_in_euros_with_two_decimals(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "items.csv"
    assert main(["costs", "--year", "2025", "--db", str(db), "--out", str(out)]) == 0
    rows = _read(out)
    assert rows[-1]["kustannuslaji"] == "yhteensa"
    staff = next(r for r in rows if r["kustannuslaji"] == "henkilosto")
    assert (staff["toteuma"], staff["talousarvio"]) == ("1234.56", "100000.00")
    assert staff["kulunut_osuus"] == "1.0"  # 2025 is over at 31.10.2026
    assert rows[-1]["toteuma"] == "15040.06"  # 1234.56 + 850 + 12000.50 - 45 + 1000


def test_the_finnish_dialect_and_the_bills(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kunnat.csv"
    argv = ["costs", "--year", "2025", "--db", str(db), "--by", "kunta", "--dialect", "fi",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _read(out, ";")
    assert [r["kunta"] for r in rows][-1] == "yhteensa" and len(rows) == 14
    joensuu = next(r for r in rows if r["kunta"] == "Joensuu")
    assert joensuu["aiheuttamisperusteiset"] == "12805,50"  # 850 - 45 + 12000,50
    assert joensuu["jako_osuus"] == "0,525"
    total = sum(int(r["kunnan_osuus"].replace(",", "")) for r in rows[:-1])
    assert total == int(rows[-1]["kunnan_osuus"].replace(",", "")) == 1504006


def test_xlsx_and_a_formula_like_course_id(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "courses.xlsx"
    argv = ["costs", "--year", "2025", "--db", str(db), "--by", "course", "--format", "xlsx",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    row = [c.value for c in sheet[2]]
    assert row[2] == "=C1" and sheet.cell(2, 3).quotePrefix  # stays text, never a formula
    assert row[4] == pytest.approx(12000.5) and sheet.cell(2, 5).number_format == "#,##0.00"


def test_exit_codes(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.csv")
    early = ["costs", "--year", "2027", "--db", str(db), "--out", out]
    assert main(early) == 1  # the year has not begun at 31.10.2026
    assert "2027" in capsys.readouterr().err
    assert main(["costs", "--year", "2025", "--db", str(tmp_path / "none.duckdb"),
                 "--out", out]) == 1  # fmt: skip
    with pytest.raises(SystemExit) as usage:
        main(["costs", "--year", "2025", "--by", "week", "--out", out])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as usage:
        main(["costs", "--year", "2025", "--format", "xlsx", "--dialect", "fi", "--out", out])
    assert usage.value.code == 2
