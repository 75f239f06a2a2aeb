"""The header read without reading the file: where it says something, it is what the reader
gives; where it cannot be sure, it says nothing (None) and the reader decides."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest

from pipelines.header_peek import peek_header
from pipelines.reading import read_file

TITLES = ("Asiakasnumero", "Tilan alkupvm", "Työmarkkinatila")

# (file name, content): the peek equals the reader's header.
SURE: list[tuple[str, bytes]] = [
    ("utf8.csv", "Asiakasnumero;Tilan alkupvm;Työmarkkinatila\nA1;1.1.2025;01\n".encode()),
    ("bom.csv", "\ufeffAsiakasnumero;Tilan alkupvm;Työmarkkinatila\r\nA1;1.1.2025;01\r\n".encode()),
    ("cp1252.csv", "Asiakasnumero;Tilan alkupvm;Työmarkkinatila\n".encode("cp1252")),
    ("comma_quoted.csv", b'"Asiakasnumero","Tilan alkupvm","Ty\xc3\xb6markkinatila"\nA1,x,01\n'),
    ("cr.csv", "Asiakasnumero\tTilan alkupvm\tTyömarkkinatila\rA1\tx\t01\r".encode()),
    ("no_rows.csv", "Asiakasnumero;Tilan alkupvm;Työmarkkinatila".encode()),
]  # fmt: skip

UNSURE: list[tuple[str, bytes]] = [
    ("quote_across_lines.csv", b'"Asiakas\nnumero";x\nA1;1\n'),
    ("html.csv", b"<!DOCTYPE html><html><body>Asiakasnumero</body></html>\n"),
    ("binary.csv", b"\x00\x01\x02PK\x03\x04" * 10),
    ("empty.csv", b""),
    ("long_header.csv", b"A" * 70_000 + b"\n1\n"),
    ("broken.parquet", b"PAR1 not really"),
]


@pytest.mark.parametrize(("name", "content"), SURE, ids=[n for n, _ in SURE])
def test_a_csv_header_is_what_the_reader_gives(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert peek_header(path) == TITLES == read_file(path).header


def test_a_space_before_a_quote_is_read_as_the_reader_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b'"Asiakasnumero", "Tilan alkupvm"\nA1,x\n')
    assert peek_header(path) == ("Asiakasnumero", '"Tilan alkupvm"') == read_file(path).header


def test_a_parquet_header_is_its_schema(tmp_path: Path) -> None:
    path = tmp_path / "tilajaksot.parquet"
    buffer = io.BytesIO()
    pl.DataFrame({t: ["x"] for t in TITLES}).write_parquet(buffer)
    path.write_bytes(buffer.getvalue())
    assert peek_header(path) == TITLES == read_file(path).header


@pytest.mark.parametrize(("name", "content"), UNSURE, ids=[n for n, _ in UNSURE])
def test_unsure_is_none(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert peek_header(path) is None


def test_xlsx_is_never_peeked(tmp_path: Path) -> None:
    path = tmp_path / "tilajaksot.xlsx"
    pl.DataFrame({t: ["x"] for t in TITLES}).write_excel(path)
    assert peek_header(path) is None
    assert read_file(path).header == TITLES
