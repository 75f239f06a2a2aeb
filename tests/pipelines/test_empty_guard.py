"""A load that would empty an export holding rows is refused unless asked for (issue 12,
finding 7): header-only files, or an export left out of the folder, keep the old database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines import PipelineError, load_folder
from pipelines.__main__ import main
from pipelines.database import loaded_exports, open_readonly
from pipelines.empty_guard import EMPTY_EXPORT_RULE
from tests.pipelines.fixtures import GOOD, sha256, write_folder

AS_OF = date(2026, 10, 31)
HEADERS_ONLY = {name: text.splitlines()[0] + "\n" for name, text in GOOD.items()}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "good"), path, AS_OF)
    return path


def _rows(db: Path) -> dict[str, int]:
    con = open_readonly(db)
    try:
        return loaded_exports(con)
    finally:
        con.close()


@pytest.mark.parametrize(
    ("changes", "emptied"),
    [
        (HEADERS_ONLY, set(GOOD)),
        ({"koulutukset": HEADERS_ONLY["koulutukset"]}, {"koulutukset"}),
        ({"tyopaikat": None}, {"tyopaikat"}),
    ],
    ids=["every file header-only", "one file header-only", "one file left out"],
)
def test_emptying_is_refused_and_the_database_kept(
    db: Path, tmp_path: Path, changes: dict[str, str | None], emptied: set[str]
) -> None:
    before = sha256(db)
    with pytest.raises(PipelineError) as caught:
        load_folder(write_folder(tmp_path / "new", **changes), db, AS_OF)
    issues = caught.value.report.errors
    assert {i.file for i in issues} == emptied
    assert {i.rule for i in issues} == {EMPTY_EXPORT_RULE}
    assert all("--allow-empty" in i.message_fi and "--allow-empty" in i.message_en for i in issues)
    assert sha256(db) == before


def test_allow_empty_loads_it(db: Path, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "new", koulutukset=HEADERS_ONLY["koulutukset"])
    assert main(["load", str(folder), "--db", str(db), "--as-of", "2026-10-31"]) == 1
    assert _rows(db)["koulutukset"] == 2
    assert main(["load", str(folder), "--db", str(db), "--as-of", "2026-10-31",
                 "--allow-empty"]) == 0  # fmt: skip
    assert _rows(db)["koulutukset"] == 0


def test_a_first_load_and_an_export_already_empty_are_not_refused(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    folder = write_folder(tmp_path / "first", koulutukset=HEADERS_ONLY["koulutukset"])
    load_folder(folder, db, AS_OF)  # nothing to empty: there was no database
    load_folder(folder, db, AS_OF)  # koulutukset had no rows before either
    assert _rows(db)["koulutukset"] == 0
