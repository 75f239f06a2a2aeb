"""Line numbers of TOML keys, which tomllib does not give."""

from __future__ import annotations

import tomllib

import pytest

from pipelines.mapping_lines import decode_error_line, key_lines, line_of

TEXT = """\
# a comment
[tilajaksot.columns]
"Tilan alkupvm" = "alkupvm"   # a trailing comment

[tilajaksot.codes.tila]
"01" = "tyoton"
asiakkaat.columns."Kotikunta" = "kunta"
virkailijat = { columns = { "Alkaen" = "alkupvm" } }
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("tilajaksot",), 2),
        (("tilajaksot", "columns"), 2),
        (("tilajaksot", "columns", "Tilan alkupvm"), 3),
        (("tilajaksot", "codes", "tila"), 5),
        (("tilajaksot", "codes", "tila", "01"), 6),
        (("tilajaksot", "codes", "tila", "asiakkaat", "columns", "Kotikunta"), 7),
        (("tilajaksot", "codes", "tila", "virkailijat", "columns", "Alkaen"), 8),
    ],
)
def test_every_key_has_its_line(path: tuple[str, ...], line: int) -> None:
    assert key_lines(TEXT)[path] == line


def test_a_key_not_written_on_a_line_falls_back_to_its_parent() -> None:
    lines = key_lines(TEXT)
    assert line_of(lines, ("tilajaksot", "codes", "tila", "99")) == 5
    assert line_of(lines, ("tyopaikat", "columns")) is None


def test_lines_that_are_not_toml_alone_are_skipped() -> None:
    text = '[a]\nb = """\nc = 1\n"""\nd = 2\n'
    lines = key_lines(text)
    assert lines[("a", "d")] == 5 and ("a", "b") not in lines


def test_the_line_of_a_decode_error() -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads('[a]\nb = "x"\nc = y\n')
    assert decode_error_line(caught.value) == 3
