"""The codes of Statistics Finland's table 12r5 as the dashboard names them (docs/statistics.md).

Areas: the 13 municipalities of reference/kunnat.csv as ``KU`` + their three-digit code
(``KU167`` Joensuu) and the whole country (``SSS``), stored under the municipality's name or
``koko_maa``. Indicators: the table's codes (settings) as four stable names. A downloaded CSV
has labels instead of codes; ``area_of_label`` and ``indicator_of_label`` read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from common.reference import fold, municipalities, municipality_lookup
from common.settings import Settings

COUNTRY = "koko_maa"
UNEMPLOYED = "unemployed_job_seekers"
RATE = "unemployment_rate"
VACANCIES = "open_vacancies"
LABOUR_FORCE = "labour_force"
INDICATORS: tuple[str, ...] = (UNEMPLOYED, RATE, VACANCIES, LABOUR_FORCE)
# The rate is published in per cent (10,4); stored as a fraction (0.104) like every share.
SCALE: dict[str, float] = {RATE: 0.01}

_COUNTRY_LABELS = {"koko maa", "whole country", "hela landet", "koko suomi", "finland"}
_MONTH = re.compile(r"(\d{4})\s*M\s*(\d{2})")
# How each indicator's label begins, folded (Finnish, English, Swedish): a downloaded CSV has
# labels. A prefix, not a word: "Alle 25-vuotiaat työttömät työnhakijat" is another indicator.
_LABEL_STARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (RATE, ("tyottomien tyonhakijoiden %", "tyottomyysaste", "proportion of unemployed",
            "unemployment rate", "andel arbetslosa")),
    (VACANCIES, ("avoimet tyopaikat", "vacancies", "open vacancies", "lediga arbetsplatser")),
    (LABOUR_FORCE, ("tyovoima", "labour force", "labor force", "arbetskraft")),
    (UNEMPLOYED, ("tyottomat tyonhakijat", "unemployed jobseekers", "unemployed job seekers",
                  "arbetslosa arbetssokande")),
)  # fmt: skip


@dataclass(frozen=True)
class Area:
    kunta: str  # the municipality's name, or COUNTRY
    code: str  # the table's code: KU167, SSS


def wanted_areas(settings: Settings) -> tuple[Area, ...]:
    """The 13 municipalities in the order of reference/kunnat.csv, then the whole country."""
    prefix = settings.statfin_municipality_prefix
    areas = [Area(m.kunta, f"{prefix}{m.koodi}") for m in municipalities()]
    return (*areas, Area(COUNTRY, settings.statfin_country_code))


def area_of_code(code: str, settings: Settings) -> str | None:
    """``KU167`` -> ``Joensuu``, ``SSS`` -> ``koko_maa``; None for an area we do not follow."""
    return {a.code: a.kunta for a in wanted_areas(settings)}.get(code.strip())


def area_of_label(label: str, settings: Settings) -> str | None:
    """A CSV's area cell (``Joensuu``, ``KU167 Joensuu``, ``167``, ``KOKO MAA``) -> kunta."""
    text = label.strip()
    if fold(text).replace("_", " ") in _COUNTRY_LABELS or text == settings.statfin_country_code:
        return COUNTRY
    first = text.split(" ", 1)[0]
    by_code = area_of_code(first, settings)
    if by_code is not None:
        return by_code
    prefix = settings.statfin_municipality_prefix
    bare = text[len(prefix) :] if text.upper().startswith(prefix.upper()) else text
    return municipality_lookup().resolve(bare)


def indicator_codes(settings: Settings) -> dict[str, str]:
    """The table's indicator code -> our indicator name."""
    return {
        settings.statfin_unemployed_code: UNEMPLOYED,
        settings.statfin_rate_code: RATE,
        settings.statfin_vacancies_code: VACANCIES,
        settings.statfin_labour_force_code: LABOUR_FORCE,
    }


def indicator_of_label(label: str, settings: Settings) -> str | None:
    """A CSV header's indicator: its code (``TYOTOSUUS``) or how its label begins (a month
    code in it ignored); None for an indicator we do not follow."""
    codes = indicator_codes(settings)
    for word in re.split(r"[\s;,]+", label.strip()):
        if word in codes:
            return codes[word]
    text = fold(_MONTH.sub("", label)).replace("_", " ").strip()
    for name, starts in _LABEL_STARTS:
        if text.startswith(starts):
            return name
    return None


def month_of_code(text: str) -> tuple[int, int] | None:
    """``2025M11`` (anywhere in the text) -> (2025, 11); None when there is no month code."""
    match = _MONTH.search(text)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 else None
