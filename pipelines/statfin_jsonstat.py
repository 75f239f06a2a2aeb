"""JSON-stat 2.0 (what PxWeb returns for ``"format": "json-stat2"``) -> the tidy frame.

A dataset has ``id`` (the dimensions in order), ``size`` (categories per dimension),
``dimension[id].category.index`` (code -> position, or a list of codes) and ``value``: a
flat array in row-major order (the last dimension varies fastest) or an object of
position -> value. Anything else is malformed and raises ``PipelineError``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from common.settings import Settings
from pipelines.statfin_codes import SCALE, area_of_code, indicator_codes, month_of_code
from pipelines.validation_report import PipelineError

TIDY_SCHEMA = {"kunta": pl.String, "month": pl.Date, "indicator": pl.String, "value": pl.Float64}


@dataclass(frozen=True)
class Statistics:
    frame: pl.DataFrame  # TIDY_SCHEMA, only the areas and indicators we follow
    updated: str | None  # when Statistics Finland last updated the table, if it says
    source: str


def malformed(source: str, what_fi: str, what_en: str) -> PipelineError:
    return PipelineError.single(
        source,
        f"Tilastokeskuksen vastaus ei ole kelvollista JSON-stat2:ta: {what_fi}. Tallennetut "
        "tilastot ovat ennallaan. Hae uudelleen tai lataa tiedosto taulukon sivulta.",
        f"Statistics Finland's answer is not valid JSON-stat2: {what_en}. The stored "
        "statistics are unchanged. Fetch again or download the file from the table's page.",
        "statfin_malformed",
    )


def _categories(dataset: dict[str, Any], dim: str, source: str) -> list[str]:
    """The codes of dimension ``dim`` in their positions."""
    try:
        index = dataset["dimension"][dim]["category"].get("index")
        if index is None:  # a single category may have a label only
            index = list(dataset["dimension"][dim]["category"]["label"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise malformed(source, f"ulottuvuus {dim} puuttuu", f"dimension {dim} is missing") from exc
    if isinstance(index, list):
        return [str(code) for code in index]
    if isinstance(index, dict) and sorted(index.values()) == list(range(len(index))):
        return [code for code, _ in sorted(index.items(), key=lambda kv: kv[1])]
    raise malformed(source, f"ulottuvuuden {dim} indeksi", f"the index of dimension {dim}")


def _values(dataset: dict[str, Any], total: int, source: str) -> list[float | None]:
    raw = dataset.get("value")
    if isinstance(raw, dict):
        try:
            sparse = {int(k): v for k, v in raw.items()}
        except ValueError as exc:
            raise malformed(source, "value-avaimet", "the keys of value") from exc
        raw = [sparse.get(i) for i in range(total)]
    if not isinstance(raw, list) or len(raw) != total:
        raise malformed(
            source, f"value-taulukossa ei ole {total} arvoa", f"value does not hold {total} values"
        )
    out: list[float | None] = []
    for v in raw:
        if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
            out.append(None if v is None or math.isnan(float(v)) else float(v))
        else:
            raise malformed(source, f"arvo {v!r} ei ole luku", f"value {v!r} is not a number")
    return out


def parse_jsonstat(text: str | bytes, source: str, settings: Settings) -> Statistics:
    """The dataset's cells for our areas and indicators; other areas and indicators dropped."""
    try:
        dataset = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise malformed(source, "ei JSONia", "not JSON") from exc
    if not isinstance(dataset, dict) or dataset.get("class") != "dataset":
        raise malformed(source, 'class ei ole "dataset"', 'class is not "dataset"')
    ids, sizes = dataset.get("id"), dataset.get("size")
    if not (isinstance(ids, list) and isinstance(sizes, list) and len(ids) == len(sizes)):
        raise malformed(source, "id ja size eivät täsmää", "id and size do not match")
    wanted = (
        settings.statfin_area_variable,
        settings.statfin_month_variable,
        settings.statfin_indicator_variable,
    )
    for dim in wanted:
        if dim not in ids:
            raise malformed(source, f"ulottuvuus {dim} puuttuu", f"dimension {dim} is missing")
    codes = [_categories(dataset, str(dim), source) for dim in ids]
    if [len(c) for c in codes] != sizes:
        raise malformed(source, "size ei vastaa luokkia", "size does not match the categories")
    extra = [str(d) for d, n in zip(ids, sizes, strict=True) if d not in wanted and n != 1]
    if extra:
        raise malformed(source, f"ylimääräinen ulottuvuus {extra}", f"extra dimension {extra}")
    total = math.prod(sizes)
    values = _values(dataset, total, source)
    return Statistics(_tidy(ids, codes, values, source, settings), _updated(dataset), source)


def _tidy(
    ids: list[Any],
    codes: list[list[str]],
    values: list[float | None],
    source: str,
    settings: Settings,
) -> pl.DataFrame:
    pos = {str(d): i for i, d in enumerate(ids)}
    strides = [math.prod(len(c) for c in codes[i + 1 :]) for i in range(len(codes))]
    a, m, k = (
        pos[settings.statfin_area_variable],
        pos[settings.statfin_month_variable],
        pos[settings.statfin_indicator_variable],
    )
    indicators = indicator_codes(settings)
    months: dict[str, date] = {}
    for code in codes[m]:
        parsed = month_of_code(code)
        if parsed is None:
            raise malformed(source, f"kuukausi {code!r}", f"month {code!r}")
        months[code] = date(parsed[0], parsed[1], 1)
    rows: list[tuple[str, date, str, float | None]] = []
    for i, area_code in enumerate(codes[a]):
        kunta = area_of_code(area_code, settings)
        if kunta is None:
            continue
        for j, month in enumerate(codes[m]):
            for n, indicator_code in enumerate(codes[k]):
                name = indicators.get(indicator_code)
                if name is None:
                    continue
                v = values[i * strides[a] + j * strides[m] + n * strides[k]]
                scaled = None if v is None else v * SCALE.get(name, 1.0)
                rows.append((kunta, months[month], name, scaled))
    return pl.DataFrame(rows, schema=TIDY_SCHEMA, orient="row")


def _updated(dataset: dict[str, Any]) -> str | None:
    updated = dataset.get("updated")
    return str(updated) if updated is not None else None
