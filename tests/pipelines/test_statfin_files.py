"""``statfin --file``: files saved from the table's PX-Web page, and how months are kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from common.settings import get_settings
from tests.pipelines.statfin_helpers import digest, loaded_db, run, stored, use_env, value
from tests.pipelines.statfin_server import DATA

SEP, OCT = date(2025, 9, 1), date(2025, 10, 1)
JSON_FILE = DATA / "statfin_12r5.json"
SEMICOLON = DATA / "statfin_12r5_semicolon_cp1252.csv"
COMMA = DATA / "statfin_12r5_comma_utf8.csv"


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _stored_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], file: Path, *args: str
) -> list[tuple[object, ...]]:
    db = loaded_db(tmp_path / file.stem)
    code, _out, err = run(capsys, "--db", str(db), "--file", str(file), *args)
    assert code == 0, err
    return stored(db)


def test_every_saved_format_stores_the_same_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert SEMICOLON.read_bytes().decode("cp1252").startswith('"Työnvälitystilaston')
    assert COMMA.read_bytes().startswith(b"\xef\xbb\xbf")
    from_json = _stored_from(tmp_path, capsys, JSON_FILE, "--from", "2025-09")
    assert len(from_json) == 112
    assert _stored_from(tmp_path, capsys, SEMICOLON, "--from", "2025-09") == from_json
    assert _stored_from(tmp_path, capsys, COMMA, "--from", "2025-09") == from_json


def test_a_semicolon_file_reads_finnish_decimals_and_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = loaded_db(tmp_path)
    assert run(capsys, "--db", str(db), "--file", str(SEMICOLON), "--from", "2025-09")[0] == 0
    assert value(db, "Rääkkylä", OCT, "unemployment_rate") == pytest.approx(0.151)
    assert value(db, "koko_maa", OCT, "unemployed_job_seekers") == 304668


def test_from_and_to_pick_months_and_later_fetches_keep_other_months(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = loaded_db(tmp_path)
    assert run(capsys, "--db", str(db), "--file", str(COMMA), "--from", "2025-10",
               "--to", "2025-10")[0] == 0  # fmt: skip
    assert {r[1] for r in stored(db)} == {OCT}
    revised = COMMA.read_text("utf-8-sig").replace('"Joensuu",5761', '"Joensuu",5700')
    assert revised != COMMA.read_text("utf-8-sig")
    (tmp_path / "revised.csv").write_text(revised, encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(db), "--file", str(tmp_path / "revised.csv"),
                          "--from", "2025-09", "--to", "2025-09")  # fmt: skip
    assert code == 0, err
    assert {r[1] for r in stored(db)} == {SEP, OCT}
    assert value(db, "Joensuu", SEP, "unemployed_job_seekers") == 5700
    assert value(db, "Joensuu", OCT, "unemployed_job_seekers") == 5912


def test_a_missing_cell_in_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = loaded_db(tmp_path)
    text = (
        SEMICOLON.read_bytes()
        .decode("cp1252")
        .replace('"Nurmes";"2025M10";448;', '"Nurmes";"2025M10";..;')
    )
    assert ".." in text
    (tmp_path / "gap.csv").write_bytes(text.encode("cp1252"))
    before = digest(db)
    code, _out, err = run(capsys, "--db", str(db), "--file", str(tmp_path / "gap.csv"),
                          "--from", "2025-09")  # fmt: skip
    assert code == 1
    assert "The answer lacks Nurmes, 2025M10, unemployed_job_seekers" in err
    assert digest(db) == before


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"just,some,text\n1,2,3\n", "no header row"),
        ('"Alue";"Kuukausi";"Työttömät työnhakijat (lkm.)"\n"Joensuu";"2025M09";abc\n'.encode(),
         "'abc' is not a number"),
        ('"Alue";"Työttömät työnhakijat (lkm.)"\n"Joensuu";5\n'.encode(), "without a month"),
    ],
)  # fmt: skip
def test_malformed_csv_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, says: str
) -> None:
    db = loaded_db(tmp_path)
    (tmp_path / "bad.csv").write_bytes(content)
    before = digest(db)
    code, _out, err = run(capsys, "--db", str(db), "--file", str(tmp_path / "bad.csv"))
    assert code == 1 and says in err
    assert digest(db) == before


def test_a_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = loaded_db(tmp_path)
    code, _out, err = run(capsys, "--db", str(db), "--file", str(tmp_path / "none.csv"))
    assert code == 1 and "The file cannot be read" in err


def test_codes_follow_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another code for the rate in the settings: the recorded file's TYOTOSUUS is no longer
    ours, so the rate is missing and nothing is stored."""
    use_env(monkeypatch, statfin_rate_code="TYOTASTE")
    db = loaded_db(tmp_path)
    code, _out, err = run(capsys, "--db", str(db), "--file", str(JSON_FILE), "--from", "2025-09")
    assert code == 1 and "unemployment_rate" in err
