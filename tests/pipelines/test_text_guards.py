"""What the CSV reader and the text guards accept: every line ending, codes hidden in text
found (and random numbers not), unknown titles that look like data never quoted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines import load_folder, validate_folder
from pipelines.header import looks_like_a_name
from pipelines.hetu import hetu_columns, holds_hetu
from pipelines.line_endings import to_lf
from tests.pipelines.fixtures import GOOD, write_folder

AS_OF = date(2026, 10, 31)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r", "mixed"], ids=["lf", "crlf", "cr", "mixed"])
def test_every_line_ending_loads_the_same_rows(tmp_path: Path, ending: str) -> None:
    def ended(text: str) -> str:
        if ending != "mixed":
            return text.replace("\n", ending)
        lines = text.split("\n")
        ends = ["\r", "\r\n", "\n"]
        return "".join(line + ends[i % 3] for i, line in enumerate(lines[:-1]))

    folder = write_folder(
        tmp_path / "exports",
        asiakkaat=ended(GOOD["asiakkaat"]),
        tapahtumat=ended(GOOD["tapahtumat"]),
    )
    db = tmp_path / "kpi.duckdb"
    summary = load_folder(folder, db, as_of=AS_OF)
    assert summary.rows["asiakkaat"] == 3 and summary.rows["tapahtumat"] == 4
    assert not [w for w in summary.warnings if w.rule == "unknown_columns"]
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT * FROM asiakkaat ORDER BY asiakas_id").fetchall()
    assert rows == [("A1", "Joensuu", 1990, False), ("A2", "Heinävesi", 1999, True),
                    ("A3", "Lieksa", None, None)]  # fmt: skip
    con.close()


def test_to_lf_keeps_lf_and_crlf_text_as_it_is() -> None:
    assert to_lf(b"a\nb\r\n") == b"a\nb\r\n"
    assert to_lf(b"a\rb\r\nc\r") == b"a\nb\nc\n"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("131052-308T", True),
        ("Ryhmän vetäjä Matti (131052-308T)", True),
        ("010594Y9021 ja muuta", True),  # the new century signs (2023)
        ("131052 - 308T", True),
        ("131052-308U", False),  # wrong check character: a random code-like text
        ("1131052-308T", False),  # a longer number
        ("131052-3081234", False),
        ("321299A1234", False),  # no such day
        ("123456789", False),
        ("puhelin 040 123 4567", False),
        ("2025-03-14 00:00:00", False),
        ("", False),
    ],
)
def test_a_code_is_found_inside_text_and_checked(text: str, found: bool) -> None:
    assert pl.select(holds_hetu(pl.lit(text))).item() is found


def test_random_numbers_of_the_codes_shape_rarely_trigger_the_guard() -> None:
    """Of 3 100 code-shaped texts with every check character, exactly the valid ones are hits:
    one in 31 (the check character is what tells a code from a number)."""
    cells = [f"0101{y:02d}-{n:03d}{c}" for y in range(100) for n in range(1)
             for c in "0123456789ABCDEFHJKLMNPRSTUVWXY"]  # fmt: skip
    frame = pl.DataFrame({"_row": range(len(cells)), "t": cells})
    assert hetu_columns(frame, ["t"])["t"][0] == 100


def test_unknown_titles_that_look_like_data_are_counted_not_shown(tmp_path: Path) -> None:
    header = "asiakas_id;kunta;syntymavuosi;maahanmuuttaja;huom;ASX9999;2025-03-14;" + "x" * 50
    text = (
        GOOD["asiakkaat"]
        .replace("\n", ";;;;\n")
        .replace("asiakas_id;kunta;syntymavuosi;maahanmuuttaja;;;;\n", header + "\n")
    )
    report = validate_folder(write_folder(tmp_path, asiakkaat=text), as_of=AS_OF)
    assert report.ok, report.render()
    warning = next(w for w in report.warnings if w.rule == "unknown_columns")
    assert "huom" in warning.message_fi and "3 saraketta" in warning.message_fi
    assert "3 column(s) whose titles look like data" in warning.message_en
    for secret in ("ASX9999", "2025-03-14", "x" * 50):
        assert secret not in report.render()


@pytest.mark.parametrize(
    ("title", "shown"),
    [("huom", True), ("Lisätieto", True), ("tyontekija nimi", True), ("A1", False),
     ("ASX9001", False), ("14.3.2025", False), ("x" * 41, False), ("", False)],
)  # fmt: skip
def test_a_title_is_shown_only_when_it_looks_like_a_name(title: str, shown: bool) -> None:
    assert looks_like_a_name(title) is shown
