"""Parquet files written by pyarrow with a column of one Arrow type beside a good export."""

from __future__ import annotations

import datetime
import decimal
import io

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from tests.pipelines.fixtures import GOOD

_EVENTS = pl.read_csv(io.StringIO(GOOD["tapahtumat"]), separator=";", infer_schema=False)
ROWS = _EVENTS.height  # 4

# Types no cell can be: the file is refused, naming the column and its type.
REFUSED: dict[str, pa.Array] = {
    "list": pa.array([[1, 2], [3], [], None]),
    "struct": pa.array([{"a": 1}, {"a": 2}, None, {"a": 3}]),
    "fixed_size_array": pa.array([[1, 2], [3, 4], [5, 6], None], type=pa.list_(pa.int32(), 2)),
    "map": pa.array([[("k", 1)], [("j", 2)], [], None], type=pa.map_(pa.string(), pa.int64())),
    "nested": pa.array([[{"a": [1]}], [], None, [{"a": []}]]),
    "duration": pa.array([1, 2, 3, None], type=pa.duration("s")),
    "binary_not_text": pa.array([b"ab", b"\xff\xfe", None, b"x"]),
    "decimal256": pa.array([decimal.Decimal("1")] * 3 + [None], type=pa.decimal256(40, 2)),
}
# Types that are read as text (an unknown extra column: ignored with a warning, but read).
READ_AS_TEXT: dict[str, pa.Array] = {
    "time": pa.array([datetime.time(10, 22), None, datetime.time(0, 0), datetime.time(23, 59)]),
    "dictionary": pa.array(["a", "b", "a", None]).dictionary_encode(),
    "null": pa.array([None] * 4),
    "decimal": pa.array([decimal.Decimal("1.50"), None, decimal.Decimal("0"), None]),
    "binary_text": pa.array([b"ab", b"cd", None, b"\xc3\xa4"]),
    "float16": pa.array([1.0, 2.5, None, 0.0], type=pa.float16()),
    "timestamp_tz": pa.array(
        [datetime.datetime(2025, 1, 1, 12)] * 4, type=pa.timestamp("ms", tz="Europe/Helsinki")
    ),
    "uint64": pa.array([1, 2, 3, None], type=pa.uint64()),
    "large_string": pa.array(["x", "y", None, "z"], type=pa.large_string()),
    "fixed_binary": pa.array([b"ab", b"cd", b"ef", None], type=pa.binary(2)),
}


def events_with(name: str, column: pa.Array) -> bytes:
    """tapahtumat as Parquet (text columns) with one more column ``name``."""
    table = _EVENTS.to_arrow().append_column(name, column)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def typed_clients() -> bytes:
    """asiakkaat with its columns in natural Parquet types: a decimal birth year, a boolean,
    the municipality dictionary-encoded."""
    table = pa.table(
        {
            "asiakas_id": pa.array(["A1", "A2", "A3"], type=pa.large_string()),
            "kunta": pa.array(["Joensuu", "Heinävesi", "Lieksa"]).dictionary_encode(),
            "syntymavuosi": pa.array(
                [decimal.Decimal("1990.00"), decimal.Decimal("1999.00"), None],
                type=pa.decimal128(6, 2),
            ),
            "maahanmuuttaja": pa.array([False, True, None]),
        }
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()
