"""Nothing personal in reports and logs: messages name file, row and column; they quote the
value of a date, code or number to fix, never an id of an identifying column (``*_id``)
and never anything shaped like a henkilötunnus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines import PipelineError, load_folder, validate_folder
from pipelines.validation_report import shows_value
from tests.pipelines.fixtures import GOOD, write_folder

AS_OF = date(2026, 10, 31)
# Distinctive ids, so that any of them in a message is found.
SECRET = {
    "A1": "ASX9001", "A2": "ASX9002", "A3": "ASX9003", "V1": "VRK7001", "V2": "VRK7002",
    "T1": "TPH5001", "T2": "TPH5002", "T3": "TPH5003", "T4": "TPH5004", "Y1": "YTN3001",
}  # fmt: skip
HETU = "131052-308T"


def _secret(text: str) -> str:
    for plain, secret in sorted(SECRET.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(f"{plain};", f"{secret};").replace(f";{plain}\n", f";{secret}\n")
    return text


def _folder(path: Path, **changes: str) -> Path:
    files = {name: _secret(text) for name, text in GOOD.items()}
    files.update(changes)
    return write_folder(path, **files)


def _assert_no_ids(text: str) -> None:
    for secret in (*SECRET.values(), "ASX404", "VRK404", HETU):
        assert secret not in text, f"{secret} in: {text}"


@pytest.mark.parametrize(
    "name", ["asiakas_id", "virkailija_id", "tyonantaja_id", "tapahtuma_id", "kontakti_id"]
)
def test_identifying_columns_are_never_quoted(name: str) -> None:
    assert not shows_value(name)
    assert shows_value("pvm") and shows_value("kunta") and shows_value("syntymavuosi")


def test_errors_name_row_and_column_but_never_an_id(tmp_path: Path) -> None:
    clients = _secret(GOOD["asiakkaat"]) + "ASX9001;Joensuu;1985;ei\n"  # duplicate client id
    events = _secret(GOOD["tapahtumat"]).replace("TPH5002;ASX9001", "TPH5001;ASX404")
    events = events.replace("2025-03-01;;;", "31.2.2025;;;").replace(";VRK7001;;\n", ";VRK404;;\n")
    periods = _secret(GOOD["tyonhakujaksot"]) + "ASX9001;2025-03-01;2025-04-01\n"  # overlap
    states = _secret(GOOD["tilajaksot"]) + f"{HETU};tyoton;2025-01-01;\n"
    folder = _folder(
        tmp_path / "bad", asiakkaat=clients, tapahtumat=events,
        tyonhakujaksot=periods, tilajaksot=states,
    )  # fmt: skip
    report = validate_folder(folder, as_of=AS_OF)
    rules = {i.rule for i in report.errors}
    assert {"duplicate", "unknown_reference", "overlap", "bad_date"} <= rules, rules
    text = report.render()
    _assert_no_ids(text)
    for issue in report.errors + report.warnings:
        _assert_no_ids(f"{issue.value} {issue.message_fi} {issue.message_en}")
    dup = next(i for i in report.errors if i.rule == "duplicate" and i.file == "asiakkaat.csv")
    assert (dup.row, dup.column, dup.value) == (5, "asiakas_id", None)
    overlap = next(i for i in report.errors if i.rule == "overlap")
    assert overlap.file == "tyonhakujaksot.csv" and overlap.value == "2025-03-01"
    assert "tapahtumat.csv, rivi/row 4, sarake/column pvm, arvo/value '31.2.2025'" in text
    headerless = "\n".join(_secret(GOOD["virkailijat"]).splitlines()[1:]) + "\n"
    report = validate_folder(_folder(tmp_path / "nohead", virkailijat=headerless), as_of=AS_OF)
    assert any(i.rule == "unknown_columns" for i in report.warnings)
    _assert_no_ids(report.render())
    with pytest.raises(PipelineError) as caught:
        load_folder(folder, tmp_path / "k.duckdb", as_of=AS_OF)
    _assert_no_ids(str(caught.value))


def test_load_log_and_warnings_hold_no_ids(tmp_path: Path) -> None:
    periods = _secret(GOOD["tyonhakujaksot"]) + "ASX9002;2023-01-01;2023-02-01\n"  # old: warned
    contacts = _secret(GOOD["yrityskontaktit"]).replace("virkailija_id", "virkailija_id;huom")
    contacts = contacts.replace(";VRK7002\n", ";VRK7002;x\n")
    folder = _folder(tmp_path / "ok", tyonhakujaksot=periods, yrityskontaktit=contacts)
    db = tmp_path / "k.duckdb"
    summary = load_folder(folder, db, as_of=AS_OF)
    assert summary.warnings  # the rows before the analysed years, the unknown column
    con = duckdb.connect(str(db), read_only=True)
    for table in ("load_log", "load_warnings"):
        rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
        assert rows
        _assert_no_ids(repr(rows))
    con.close()
