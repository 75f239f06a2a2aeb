"""A download equals what ``python -m metrics export`` writes for the same choices."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
import pytest

from common.settings import PROJECT_ROOT
from metrics import disclosure, engine, registry
from ui import downloads
from ui.formatting import fmt_number

START, END = date(2026, 1, 1), date(2026, 10, 31)


def cli(db: Path, out: Path, *extra: str) -> bytes:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "metrics",
            "export",
            "--db",
            str(db),
            "--from",
            START.isoformat(),
            "--to",
            END.isoformat(),
            "--out",
            str(out),
            *extra,
        ],
        check=True,
        cwd=PROJECT_ROOT,
        capture_output=True,
    )
    return out.read_bytes()


def table(
    db: Path, levels: tuple[str, ...] = ("koko_alue", "palvelualue", "kunta")
) -> pl.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return engine.kpi_table(con, START, END, levels=levels)
    finally:
        con.close()


@pytest.mark.parametrize(("fmt", "args"), [("fi", ["--dialect", "fi"]), ("standard", [])])
def test_kpi_table_csv_equals_the_command(
    sample_db: Path, tmp_path: Path, fmt: str, args: list[str]
) -> None:
    assert downloads.file_bytes(table(sample_db), fmt) == cli(sample_db, tmp_path / "o.csv", *args)


@pytest.mark.parametrize("metric", ["vacancy_fill_time_days", "initial_contact_within_deadline"])
def test_suppressed_slice_equals_the_command_with_suppress(
    sample_db: Path, tmp_path: Path, metric: str
) -> None:
    """The screen's rule (metrics.disclosure: every level judged, month by month) is what
    ``--suppress 5`` writes, for a metric of people and one that is not."""
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        period = disclosure.disclose(con, START, END, metric_ids=[metric]).period
    finally:
        con.close()
    ours = downloads.file_bytes(period.filter(pl.col("level") == "kunta"), "standard")
    theirs = cli(
        sample_db, tmp_path / "o.csv", "--level", "kunta", "--metric", metric, "--suppress", "5"
    )
    assert ours == theirs
    if metric == "initial_contact_within_deadline":
        assert b"<5" in theirs


def test_xlsx_opens_with_the_same_rows(sample_db: Path) -> None:
    df = table(sample_db, ("koko_alue",))
    book = downloads.file_bytes(df, "xlsx")
    assert book[:2] == b"PK"
    back = pl.read_excel(book)
    assert back["metric_id"].to_list() == df["metric_id"].to_list()


def test_people_csv_holds_the_screens_rows_in_words_and_percentages(sample_db: Path) -> None:
    """The people's CSV of the screen's KPI table: one line per row, Finnish headers, the
    metric's name, shares as percentages with one decimal, ``<5`` where the machine file
    has it."""
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        screen = disclosure.disclose(con, START, END).period
    finally:
        con.close()
    machine = pl.read_csv(io.BytesIO(downloads.file_bytes(screen, "standard")), infer_schema=False)
    people = pl.read_csv(
        io.BytesIO(downloads.file_bytes(screen, "people_csv", "fi")),
        separator=";",
        infer_schema=False,
    )
    assert people.height == machine.height == screen.height
    assert people.columns[:3] == ["Mittari", "Taso", "Alue"]
    assert (people["Arvo"] == "<5").to_list() == (machine["value"] == "<5").to_list()
    share = screen.with_row_index().filter(
        (pl.col("metric_id") == "initial_interviews_face_to_face") & pl.col("value").is_not_null()
    )
    i, value = share["index"][0], share["value"][0]
    assert people["Arvo"][i] == fmt_number(value * 100, "fi", 1).replace("\u202f", "")
    assert people["Mittari"][i] == registry.get("initial_interviews_face_to_face").title_fi
    english = downloads.file_bytes(screen, "people_csv", "en").decode("utf-8-sig")
    assert english.startswith("Metric,Level,Area,")


def test_people_xlsx_has_number_formats(sample_db: Path) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(downloads.file_bytes(table(sample_db, ("koko_alue",)), "people_xlsx", "fi"))
    )
    ws = book.active
    assert ws is not None and ws.freeze_panes == "A2"
    headers = [c.value for c in ws[1]]
    value = headers.index("Arvo") + 1
    formats = {ws.cell(row=r, column=value).number_format for r in range(2, ws.max_row + 1)}
    assert {"0.0 %", "# ##0", "0.0"} <= formats
