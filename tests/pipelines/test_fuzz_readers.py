"""Fuzzing the readers: any bytes in a CSV export give the clear report or load, never a crash.

Hypothesis builds CSV files from the contract's own header with random encodings,
delimiters, quotes, cut-off lines, NUL and random bytes and very long fields. Anything
but a ``ValidationReport`` (from ``validate_folder``) or a ``PipelineError`` (from
``load_folder``) fails the test. Derandomized, so CI sees the same examples every run.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines import PipelineError, ValidationReport, load_folder, validate_folder
from tests.pipelines.fixtures import GOOD, write_folder

AS_OF = date(2026, 10, 31)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TARGETS = ("asiakkaat", "tapahtumat")
CELL = st.one_of(
    st.sampled_from(["A1", "A2", "T1", "Joensuu", "Heinävesi", "2025-01-14", "14.3.2025",
                     "kyllä", "ei", "1990", "", " ", "=1+1", "010190-123A"]),
    st.text(max_size=12),
    st.text(min_size=2000, max_size=3000, alphabet="aäö;\"x\n"),
    st.just("\x00"),
)  # fmt: skip


@st.composite
def csv_bytes(draw: st.DrawFn, export: str) -> bytes:
    """A CSV file shaped like the export, broken in random ways."""
    header = GOOD[export].splitlines()[0].split(";")
    if draw(st.booleans()):
        header = draw(st.permutations(header))[: draw(st.integers(1, len(header)))]
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    quote = draw(st.sampled_from(["", '"', "'"]))
    body = draw(st.lists(st.lists(CELL, min_size=0, max_size=len(header) + 2), max_size=6))
    rows = [header, *body]
    lines = [delimiter.join(f"{quote}{c}{quote}" for c in row) for row in rows]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # cut off anywhere
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=40)) + data[at:]
    return data


def _fresh(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.rmtree(folder, ignore_errors=True)
    return folder


@FUZZ
@given(export=st.sampled_from(TARGETS), data=st.data())
def test_fuzzed_csv_gives_a_report_never_a_crash(
    tmp_path: Path, export: str, data: st.DataObject
) -> None:
    content = data.draw(csv_bytes(export))
    folder = write_folder(_fresh(tmp_path, "fuzz"), **{export: content})
    report = validate_folder(folder, as_of=AS_OF)  # any other exception fails the test
    assert isinstance(report, ValidationReport)
    for issue in report.errors + report.warnings:
        assert issue.file and issue.message_fi and issue.message_en
        assert issue.message_fi != issue.message_en


@settings(FUZZ, max_examples=25)
@given(content=csv_bytes("tapahtumat"))
def test_fuzzed_csv_loads_or_raises_the_report_and_keeps_the_old_database(
    tmp_path: Path, content: bytes
) -> None:
    db = tmp_path / "db" / "kpi.duckdb"
    if not db.exists():
        load_folder(write_folder(tmp_path / "good"), db, as_of=AS_OF)
    before = db.read_bytes()
    folder = write_folder(_fresh(tmp_path, "fuzz"), tapahtumat=content)
    try:
        load_folder(folder, db, as_of=AS_OF)
    except PipelineError as exc:
        assert exc.report.errors and "FI:" in str(exc) and "EN:" in str(exc)
        assert db.read_bytes() == before
    assert list(db.parent.glob("kpi.duckdb.tmp-*")) == []
    if db.read_bytes() != before:  # it loaded: put the good data back for the next example
        load_folder(write_folder(tmp_path / "good"), db, as_of=AS_OF)
