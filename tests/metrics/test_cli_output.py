"""metrics.cli_output: the output options export, due and costs share, their checks, and the
written file with its one-line summary."""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl
import pytest

from metrics.cli_output import (
    add_output_arguments,
    check_output_arguments,
    positive_threshold,
    write_and_report,
)


def _parser(formats: tuple[str, ...] = ("csv", "xlsx")) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="test")
    add_output_arguments(parser, formats)
    return parser


@pytest.mark.parametrize("text", ["0", "-3", "viisi", "2.5", ""])
def test_a_threshold_is_a_positive_whole_number(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="positive integer"):
        positive_threshold(text)


def test_a_good_threshold() -> None:
    assert positive_threshold("5") == 5


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "xlsx", "--dialect", "fi", "--out", "x.xlsx"], "--dialect applies to"),
        (["--format", "xlsx", "--out", "-"], "--out - writes CSV only"),
    ],
)
def test_bad_combinations_are_bad_usage(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = _parser()
    args = parser.parse_args(argv)
    with pytest.raises(SystemExit) as stop:
        check_output_arguments(args, parser)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_the_formats_are_the_commands_own() -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["--format", "parquet", "--out", "x"])
    assert _parser(("csv", "parquet")).parse_args(["--format", "parquet", "--out", "x"]).fmt == (
        "parquet"
    )


def test_writes_the_file_and_says_what_went_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.csv"
    args = _parser().parse_args(["--dialect", "fi", "--out", str(out)])
    check_output_arguments(args, _parser())
    table = pl.DataFrame({"a": [1.5, None], "b": ["x", "y"]})
    assert write_and_report(table, args, began=0.0) == 0
    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"1,5" in text  # Finnish Excel's CSV
    err = capsys.readouterr().err
    assert f"2 riviä / rows, {len(text)} tavua / bytes -> {out}" in err
