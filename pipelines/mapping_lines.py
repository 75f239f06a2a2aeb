"""Where a key of a TOML file is written: the line numbers that ``tomllib`` does not give.

Each line is parsed on its own: a table header (``[tilajaksot.codes.tila]``) sets the
current table, a key line (``"01" = "tyoton"``, a dotted key, an inline table) adds the
paths of its keys below it. A line that is not TOML on its own (the inside of a multi-line
value) is skipped: its keys then have no line, and a message names only the key.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

Path = tuple[str, ...]
_AT_LINE = re.compile(r"\(at line (\d+)")


def _header_path(parsed: dict[str, Any]) -> Path:
    """The path of a table header parsed alone: ``{"a": {"b": {}}}`` -> ``("a", "b")``."""
    path: list[str] = []
    node: Any = parsed
    while isinstance(node, dict) and len(node) == 1:
        key, node = next(iter(node.items()))
        path.append(key)
    return tuple(path)


def _leaf_paths(parsed: dict[str, Any], prefix: Path = ()) -> list[Path]:
    out: list[Path] = []
    for key, value in parsed.items():
        out.append((*prefix, key))
        if isinstance(value, dict):
            out.extend(_leaf_paths(value, (*prefix, key)))
    return out


def key_lines(text: str) -> dict[Path, int]:
    """Every key path of ``text`` with the (1-based) line it is first written on."""
    lines: dict[Path, int] = {}
    table: Path = ()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            parsed = tomllib.loads(stripped)
        except tomllib.TOMLDecodeError:
            continue
        if stripped.startswith("["):
            table = _header_path(parsed)
            for depth in range(1, len(table) + 1):
                lines.setdefault(table[:depth], number)
        else:
            for path in _leaf_paths(parsed):
                lines.setdefault((*table, *path), number)
    return lines


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path``, else of its nearest written parent (None: not found)."""
    for depth in range(len(path), 0, -1):
        if path[:depth] in lines:
            return lines[path[:depth]]
    return None


def decode_error_line(error: tomllib.TOMLDecodeError) -> int | None:
    """The line a ``TOMLDecodeError`` points at (its message says ``(at line N, …)``)."""
    found = _AT_LINE.search(str(error))
    return int(found.group(1)) if found else None
