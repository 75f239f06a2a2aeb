"""Short rows (pipelines.csv_fields): the byte-count shortcut, counting a slice of lines at a
time with the right line numbers, and the csv module for a quoted cell spanning lines."""

from __future__ import annotations

import pytest

from pipelines.csv_fields import _by_csv_module, _surely_full, short_rows

FULL = b"id;kunta;vuosi\nA1;Joensuu;1990\nA2;;\nA3;Lieksa;2001\n"


def test_a_file_without_short_rows_is_settled_by_counting_bytes() -> None:
    assert _surely_full(FULL, ";", 3)
    assert short_rows(FULL, ";", 3) == (0, [])
    assert not _surely_full(FULL.replace(b"A2;;", b"A2;"), ";", 3)
    assert not _surely_full(b'id;kunta;vuosi\n"A1";Joensuu;1990\n', ";", 3)  # quotes: count
    assert _surely_full(FULL.rstrip(b"\n"), ";", 3)  # no LF after the last line


@pytest.mark.parametrize("slice_bytes", [1, 7, 20, 1 << 24])
def test_short_rows_are_found_and_numbered_in_any_slicing(slice_bytes: int) -> None:
    lines = [b"id;kunta;vuosi"] + [b"A%d;Joensuu;1990" % i for i in range(2, 40)]
    lines[5] = b"A5;Joensuu"  # Excel row 6
    lines[17] = b"A17"  # row 18
    lines[30] = b'"A30";"Outo;kumpu"'  # row 31: the quoted delimiter is no field
    lines[33] = b""  # a blank line is not a row
    text = b"\r\n".join(lines) + b"\r\n"
    assert short_rows(text, ";", 3, slice_bytes) == (3, [(6, 2), (18, 1), (31, 2)])


def test_the_examples_stop_at_the_limit_but_every_row_is_counted() -> None:
    text = b"a;b\n" + b"x\n" * 50 + b"x;y\n"
    count, examples = short_rows(text, ";", 2, slice_bytes=16)
    assert count == 50
    assert examples == [(line, 1) for line in range(2, 2 + len(examples))]
    assert 0 < len(examples) < 50


@pytest.mark.parametrize("slice_bytes", [5, 1 << 24])
def test_a_quoted_cell_spanning_lines_is_counted_by_the_csv_module(slice_bytes: int) -> None:
    text = b'id;huom;vuosi\nA1;"two\nlines";1990\nA2;x\nA3;y;2001\n'
    expected = _by_csv_module(text.decode(), ";", 3)
    assert expected == (1, [(4, 2)])
    assert short_rows(text, ";", 3, slice_bytes) == expected
