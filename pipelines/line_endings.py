"""Line endings and other byte-level facts of a CSV text that polars does not handle itself.

polars splits rows on LF (a CRLF's CR is dropped), but a file saved by Excel for Mac as
"CSV (Macintosh)" ends its lines with a lone CR: polars would read it as one header row of
every cell. ``to_lf`` turns CR and CRLF (and any mix of them) into LF first.
"""

from __future__ import annotations


def has_lone_cr(data: bytes) -> bool:
    """True when some CR is not followed by LF (CR-only or mixed line endings)."""
    return data.count(b"\r") != data.count(b"\r\n")


def to_lf(data: bytes) -> bytes:
    """The text with every line ending (LF, CRLF, CR) as LF; unchanged when it has no lone CR.

    A CR inside a quoted cell becomes LF too: a line break within the cell either way."""
    if not has_lone_cr(data):
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line number of a byte offset in LF-ended text."""
    return data.count(b"\n", 0, offset) + 1
