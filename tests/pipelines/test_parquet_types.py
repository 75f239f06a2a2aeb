"""Every Parquet column type either loads as text or is refused with its name and type."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from pipelines import load_folder
from pipelines.header import looks_like_a_name
from pipelines.reading import read_file
from tests.pipelines.fixtures import write_folder
from tests.pipelines.parquet_by_type import READ_AS_TEXT, ROWS, events_with, typed_clients

AS_OF = date(2026, 10, 31)


@pytest.mark.parametrize(("name", "column"), READ_AS_TEXT.items(), ids=list(READ_AS_TEXT))
def test_a_scalar_type_is_read_as_text_and_the_file_loads(
    tmp_path: Path, name: str, column: pa.Array
) -> None:
    folder = write_folder(
        tmp_path / "x", tapahtumat=None, **{"tapahtumat.parquet": events_with(name, column)}
    )
    raw = read_file(folder / "tapahtumat.parquet")
    assert raw.header[-1] == name and raw.frame.height == ROWS
    assert all(str(t) == "String" for t in raw.frame.dtypes)
    summary = load_folder(folder, tmp_path / "k.duckdb", as_of=AS_OF)
    assert summary.rows["tapahtumat"] == ROWS
    warning = next(w for w in summary.warnings if w.rule == "unknown_columns")
    assert (name in warning.message_en) is looks_like_a_name(name)  # float16: digits, not shown


def test_timestamp_with_a_time_zone_is_its_wall_clock_time(tmp_path: Path) -> None:
    path = tmp_path / "tapahtumat.parquet"
    path.write_bytes(events_with("x", READ_AS_TEXT["timestamp_tz"]))  # 12:00 UTC
    assert read_file(path).frame["c8"].to_list() == ["2025-01-01 14:00:00.000"] * ROWS


def test_typed_clients_load_with_their_values(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "x", asiakkaat=None, **{"asiakkaat.parquet": typed_clients()})
    db = tmp_path / "k.duckdb"
    load_folder(folder, db, as_of=AS_OF)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT * FROM asiakkaat ORDER BY asiakas_id").fetchall()
    con.close()
    assert rows == [("A1", "Joensuu", 1990, False), ("A2", "Heinävesi", 1999, True),
                    ("A3", "Lieksa", None, None)]  # fmt: skip
