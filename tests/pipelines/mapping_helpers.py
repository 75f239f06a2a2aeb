"""The hand-made folder whose exports load only through their mapping.toml, and helpers to
copy and change it."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.pipelines.fixtures import write_folder

MAPPED_SOURCE = Path(__file__).parent / "data" / "mapped_source"
MAPPED_EXPORTS = ("asiakkaat", "virkailijat", "tilajaksot", "tapahtumat")
MAPPING = (MAPPED_SOURCE / "mapping.toml").read_text("utf-8")


def mapped_copy(dest: Path, mapping: str | bytes | None = MAPPING, **files: str) -> Path:
    """The mapped folder copied to ``dest`` with mapping.toml replaced (None: removed) and
    some exports' CSV replaced (by export name)."""
    shutil.copytree(MAPPED_SOURCE, dest)
    target = dest / "mapping.toml"
    if mapping is None:
        target.unlink()
    elif isinstance(mapping, bytes):
        target.write_bytes(mapping)
    else:
        target.write_text(mapping, "utf-8")
    for name, text in files.items():
        (dest / f"{name}.csv").write_text(text, "utf-8")
    return dest


def contract_copy(dest: Path) -> Path:
    """The same data as the mapped folder, in the contract's own headers and codes."""
    others = ("tyonhakujaksot", "palvelujaksot", "tyopaikat", "yrityskontaktit", "koulutukset")
    return write_folder(dest, **dict.fromkeys(others))


def table_rows(db: Path, export: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f'SELECT * FROM "{export}" ORDER BY ALL').fetchall()
