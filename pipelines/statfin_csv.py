"""A CSV file saved from the table's PX-Web page -> the tidy frame (docs/statistics.md).

PX-Web writes ``;``, ``,`` or tab, UTF-8 (with or without BOM) or Windows-1252, an optional
title line and blank line above the header, and labels rather than codes: ``Joensuu``,
``KOKO MAA``, ``Työttömät työnhakijat kuukauden lopussa (lkm.)``. Any pivot is read: the
header names the area column (``Alue``), optionally a month column (``Kuukausi``) and an
indicator column (``Tiedot``); every other column is a value whose header carries the month
code (``2025M11``) and/or the indicator label its column lacks. Missing values are ``..``.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import polars as pl

from common.reference import fold
from common.settings import Settings
from pipelines.csv_bytes import DELIMITERS
from pipelines.statfin_codes import SCALE, area_of_label, indicator_of_label, month_of_code
from pipelines.statfin_jsonstat import TIDY_SCHEMA, Statistics, malformed

_AREA = {"alue", "area", "region", "omrade"}
_MONTH = {"kuukausi", "month", "manad"}
_INDICATOR = {"tiedot", "information", "uppgifter", "data"}
_MISSING = {"", ".", "..", "...", "-", "–"}


def decode(raw: bytes) -> str:
    """UTF-8 (a BOM dropped) or, failing that, Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _header(rows: list[list[str]]) -> int | None:
    for i, row in enumerate(rows):
        if len(row) >= 2 and any(fold(cell) in _AREA for cell in row):
            return i
    return None


def _split(text: str) -> tuple[list[list[str]], int]:
    """The rows with the delimiter that gives the widest header, and the header's row."""
    best: tuple[list[list[str]], int] | None = None
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        at = _header(rows)
        if at is not None and (best is None or len(rows[at]) > len(best[0][best[1]])):
            best = (rows, at)
    if best is None:
        raise ValueError("no header")
    return best


def _number(cell: str) -> float | None:
    text = cell.strip().replace("\xa0", "").replace(" ", "")
    if text in _MISSING:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return float(text)


def parse_csv(raw: bytes, source: str, settings: Settings) -> Statistics:
    """The file's cells for our areas and indicators; other areas' rows are skipped."""
    try:
        rows, at = _split(decode(raw))
    except ValueError as exc:
        raise malformed(
            source, "otsikkoriviä (Alue, Kuukausi, …) ei löydy", "no header row (Alue, Month, …)"
        ) from exc
    header = [cell.strip() for cell in rows[at]]
    kinds = [fold(h) for h in header]
    area_col = next(i for i, k in enumerate(kinds) if k in _AREA)
    month_col = next((i for i, k in enumerate(kinds) if k in _MONTH), None)
    indicator_col = next((i for i, k in enumerate(kinds) if k in _INDICATOR), None)
    stubs = {area_col, month_col, indicator_col}
    columns: dict[int, tuple[tuple[int, int] | None, str | None]] = {}
    for i, name in enumerate(header):
        if i in stubs or not name:
            continue
        month, indicator = month_of_code(name), indicator_of_label(name, settings)
        if month is None and month_col is None:
            raise malformed(source, f"sarake {name!r} ilman kuukautta",
                            f"column {name!r} without a month")  # fmt: skip
        if indicator is not None or indicator_col is not None:
            columns[i] = (month, indicator)  # else an indicator we do not follow
    out: list[tuple[str, date, str, float | None]] = []
    for number, row in enumerate(rows[at + 1 :], start=at + 2):
        if len(row) <= area_col or not row[area_col].strip():
            continue  # blank lines and the notes PX-Web writes under the table
        kunta = area_of_label(row[area_col], settings)
        if kunta is None:
            continue
        for i, (month, indicator) in columns.items():
            if month_col is not None:
                month = month_of_code(row[month_col])
            if indicator_col is not None:
                indicator = indicator_of_label(row[indicator_col], settings)
                if indicator is None:
                    break  # a row of an indicator we do not follow
            if month is None or indicator is None or i >= len(row):
                raise malformed(source, f"rivi {number}", f"row {number}")
            try:
                value = _number(row[i])
            except ValueError as exc:
                raise malformed(
                    source, f"rivi {number}: {row[i]!r} ei ole luku",
                    f"row {number}: {row[i]!r} is not a number",
                ) from exc  # fmt: skip
            scaled = None if value is None else value * SCALE.get(indicator, 1.0)
            out.append((kunta, date(month[0], month[1], 1), indicator, scaled))
    return Statistics(pl.DataFrame(out, schema=TIDY_SCHEMA, orient="row"), None, source)
