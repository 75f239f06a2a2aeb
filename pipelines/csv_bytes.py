"""Byte-level facts about a CSV file: its delimiter, whether it is binary or an HTML page,
whether any field is padded with spaces, and where a row is longer than the header.
"""

from __future__ import annotations

import csv
import io

DELIMITERS = (";", ",", "\t")


def detect_delimiter(header_line: str) -> str:
    """The most frequent of ``;``, ``,`` and tab in the header line (``;`` wins a tie)."""
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def looks_binary(head: bytes) -> bool:
    return b"\x00" in head or head.startswith(b"PK\x03\x04")


def looks_html(head: bytes) -> bool:
    start = head.lstrip().lower()
    return start.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<table"))


def maybe_padded(text: bytes, delimiter: str) -> bool:
    """False when no field can start or end with a space, tab or no-break space, because
    the file holds none of them at all (a memchr-fast scan per character); True = maybe."""
    blanks = [b" ", b"\xa0"] + ([] if delimiter == "\t" else [b"\t"])
    return any(blank in text for blank in blanks)


def first_ragged_row(text: bytes, delimiter: str) -> tuple[int, int, int] | None:
    """(Excel row, its fields, the header's fields) of the first row longer than the
    header; only called after polars refused the file, to say where."""
    lines = io.StringIO(text.decode("utf-8", errors="replace"), newline="")
    rows = csv.reader(lines, delimiter=delimiter)
    header = next(rows, [])
    for number, row in enumerate(rows, start=2):
        if len(row) > len(header):
            return number, len(row), len(header)
    return None
