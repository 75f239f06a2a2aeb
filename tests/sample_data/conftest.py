"""A small generated folder shared by the sample-data tests (generated once per session)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from common.data_contract import EXPORTS
from sample_data.generator import Options, generate

FIRST = dt.date(2025, 1, 1)
LAST = dt.date(2026, 10, 31)


def read(folder: Path, name: str) -> pl.DataFrame:
    """An export as strings, with its date columns parsed (empty = null)."""
    export = next(e for e in EXPORTS if e.name == name)
    frame = pl.read_csv(folder / f"{name}.csv", infer_schema=False)
    dates = [c.name for c in export.columns if c.kind == "date"]
    return frame.with_columns(pl.col(dates).str.to_date("%Y-%m-%d"))


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "small"
    generate(Options(out=out, clients=600, seed=3, first=FIRST, last=LAST))
    return out


@pytest.fixture(scope="session")
def tables(small: Path) -> dict[str, pl.DataFrame]:
    return {e.name: read(small, e.name) for e in EXPORTS}
