"""Which encoding a CSV that is not valid UTF-8 is in, and where a mixed file goes wrong.

A file is decoded as Windows-1252 only when it holds no UTF-8 at all: a file whose lines
were pasted together from a UTF-8 and a Windows-1252 export holds both, and decoding either
way would turn one half into mojibake (``HeinÃ¤vesi``) that loads without an error.
"""

from __future__ import annotations

import re

# A well-formed multi-byte UTF-8 character (Windows-1252 text almost never has one: it
# would need a capital letter such as Ä followed by a symbol such as « or NBSP).
_UTF8_CHARACTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def first_non_utf8(data: bytes) -> int | None:
    """The byte offset of the first byte that is not valid UTF-8; None for valid UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def holds_utf8(data: bytes) -> bool:
    """True when the bytes hold at least one multi-byte UTF-8 character."""
    return _UTF8_CHARACTER.search(data) is not None
