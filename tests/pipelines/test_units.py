"""Unit rules: henkilötunnus check character, value masking, conversions, the report."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from common.data_contract import EXPORTS_BY_NAME
from pipelines import values
from pipelines.csv_bytes import maybe_padded
from pipelines.hetu import hetu_columns, is_valid_hetu
from pipelines.validation_report import HIDDEN, Issue, PipelineError, ValidationReport, safe_value


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("131052-308T", True),  # the Digital and Population Data Services Agency's example
        ("131052-308U", False),  # wrong check character
        ("010594Y9021", True),  # century sign Y (1900s, new signs from 2023)
        ("010594Y9033", False),
        ("311299A123Z", False),
        ("321299A1234", False),  # no such day
        (" 131052-308t ", True),  # spaces, lower case
        ("E0000000001", False),
    ],
)
def test_henkilotunnus_check_character(text: str, valid: bool) -> None:
    assert pl.select(is_valid_hetu(pl.lit(text))).item() is valid


def test_hetu_columns_reports_count_and_first_row_only() -> None:
    frame = pl.DataFrame(
        {
            "_row": [2, 3, 4],
            "a": ["x", "131052-308T", "131052-308T"],
            "b": ["131052-308U", None, "1"],
        }
    )
    assert hetu_columns(frame, ["a", "b"]) == {"a": (2, 3)}


def test_safe_value_hides_identity_codes_and_cuts_long_text() -> None:
    assert safe_value("131052-308T") == HIDDEN
    assert safe_value("x 131052-308U y") == HIDDEN  # shape alone is enough to hide
    assert safe_value("a" * 100) == "a" * 59 + "…"
    assert safe_value(None) is None


def test_dates_accept_the_contract_forms_only() -> None:
    cells = ["2025-03-14", "14.3.2025", "14.03.2025", "2025-03-14 10:22", "2025-03-14T10:22:00",
             "31.2.2025", "14/3/2025", "2025-03-14x"]  # fmt: skip
    frame = pl.DataFrame({"c": cells})
    parsed = frame.select(values.to_date(pl.col("c"))).to_series().to_list()
    assert parsed == [date(2025, 3, 14)] * 5 + [None, None, None]


def test_whole_numbers() -> None:
    frame = pl.DataFrame({"c": ["1985", "1985.0", "1985,0", "19,5", "x"]})
    assert frame.select(values.to_int(pl.col("c"))).to_series().to_list() == [
        1985,
        1985,
        1985,
        None,
        None,
    ]


def test_codes_fold_and_accept_english() -> None:
    column = EXPORTS_BY_NAME["tapahtumat"].column("kanava")
    mapping = values.code_mapping(column, ["Kasvokkain", "FACE-TO-FACE", "Phone", "fax"])
    assert mapping == {"Kasvokkain": "kasvokkain", "FACE-TO-FACE": "kasvokkain", "Phone": "puhelin"}


def test_municipalities_by_name_and_code() -> None:
    mapping = values.municipality_mapping(["90", "090", "90.0", "RÄÄKKYLÄ", "707", "Tampere", "91"])
    assert mapping == {"90": "Heinävesi", "090": "Heinävesi", "90.0": "Heinävesi",
                       "RÄÄKKYLÄ": "Rääkkylä", "707": "Rääkkylä"}  # fmt: skip


def test_report_counts_everything_and_lists_examples() -> None:
    report = ValidationReport()
    examples = [Issue("f.csv", r, "pvm", "x", "fi", "en", "bad_date") for r in range(2, 22)]
    report.add_many(examples, total=500)
    assert report.error_count == 500 and not report.ok
    text = str(PipelineError(report))
    assert "500 virhettä" in text and "480 more of the same" in text
    assert text.index("rivi/row 2,") < text.index("rivi/row 21,")


@pytest.mark.parametrize(
    ("text", "padded"),
    [
        (b"a;b\n1;2\n", False),
        (b"a;b\nx-y;2\n", False),
        (b"a;b\n1 ;2\n", True),
        (b"a;b\n1; 2\n", True),
        (b"a;b\n1;2 \r\n", True),
        (b"a;b\n 1;2\n", True),
        (b'a;b\n" 1";2\n', True),
        (b"a;b\n1;2\xc2\xa0\n", True),
        (b"a,b\n1,\t2\n", True),
    ],
)
def test_padding_scan_finds_every_padded_field(text: bytes, padded: bool) -> None:
    delimiter = ";" if b";" in text else ","
    assert maybe_padded(text, delimiter) is padded
