"""Bounded memory: clients are generated and written chunk by chunk, never all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from common.data_contract import EXPORTS
from sample_data import generator
from sample_data.generator import Options, generate


def test_clients_are_generated_in_chunks_of_bounded_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    original = generator.make_clients

    def spy(first_number: int, n: int, *args: object, **kwargs: object) -> object:
        seen.append(n)
        return original(first_number, n, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator, "make_clients", spy)
    options = Options(out=tmp_path, clients=400, seed=1, last=dt.date(2025, 12, 31), chunk_size=70)
    summary = generate(options)
    assert seen == [70] * 5 + [50]
    assert summary.chunks == 6 and summary.largest_chunk == 70


def test_chunked_output_is_one_consistent_folder(tmp_path: Path) -> None:
    options = Options(out=tmp_path, clients=400, seed=1, last=dt.date(2025, 12, 31), chunk_size=70)
    summary = generate(options)
    for export in EXPORTS:
        frame = pl.read_csv(tmp_path / f"{export.name}.csv", infer_schema=False)
        assert frame.columns == [c.name for c in export.columns]  # one header, at the top
        assert frame.height == summary.rows[export.name]
        for column in export.columns:
            if column.unique:  # ids run on across chunks
                assert frame[column.name].n_unique() == frame.height, (export.name, column.name)
    clients = pl.read_csv(tmp_path / "asiakkaat.csv", infer_schema=False)
    assert clients.height == 400
    events = pl.read_csv(tmp_path / "tapahtumat.csv", infer_schema=False)
    assert set(events["asiakas_id"]) <= set(clients["asiakas_id"])
