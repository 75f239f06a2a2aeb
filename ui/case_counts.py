"""Numbers a reader can cite: the cases behind a share, "75,3 % (128 / 170, kesken 4)", and
the exact values behind every point of a trend chart as a table.

Pure functions over KPI rows (no Streamlit) under the small-number rule: a hidden row shows
``<5`` for its value, numerator and denominator alike, a hidden pending count ``<5``, so the
table says exactly what the chart and the downloads say.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from metrics import privacy
from ui.chart_buckets import Bucket, bucket_name, partial_note
from ui.formatting import fmt_int, fmt_number, fmt_value
from ui.i18n import Lang, t


def _number(value: object, lang: Lang) -> str:
    """A count as a whole number, a sum of days or months with one decimal when it has one."""
    if not isinstance(value, int | float):
        return ""
    if float(value).is_integer():
        return fmt_int(value, lang)
    return fmt_number(value, lang, decimals=1)


def _pending(row: Mapping[str, object], lang: Lang) -> str:
    if bool(row.get(privacy.PENDING_SUPPRESSED, False)):
        return privacy.SMALL
    return _number(row.get("pending"), lang)


def fraction(row: Mapping[str, object], lang: Lang) -> str:
    """``128 / 170``: a share's cases that count / all (resolved) cases; ``<5`` when the
    small-number rule hides the row, '' when it has no cases."""
    if bool(row.get(privacy.SUPPRESSED, False)):
        return privacy.SMALL
    numerator, denominator = row.get("numerator"), row.get("denominator")
    if not isinstance(numerator, int | float) or not isinstance(denominator, int | float):
        return ""
    return f"{_number(numerator, lang)} / {_number(denominator, lang)}"


def counts_text(row: Mapping[str, object], unit: str, lang: Lang) -> str | None:
    """``(128 / 170, kesken 4)`` beside a share: the cases that count / all (resolved) cases,
    and the pending cases of a cohort; None for other units, and for a row the small-number
    rule hides or that has no cases."""
    text = fraction(row, lang) if unit == "share" else ""
    pending = _pending(row, lang)
    if text in ("", privacy.SMALL) or (row.get("denominator") == 0 and pending in ("", "0")):
        return None  # hidden, or no cases at all: the value says "–" already
    if pending:
        text += f", {t('pending', lang, n=pending)}"
    return f"({text})"


def trend_table(
    series: pl.DataFrame, unit: str, lang: Lang, grain: str, *, cohort: bool
) -> pl.DataFrame:
    """The rows behind a trend chart (the buckets that had begun by the as-of date, as the
    chart draws them): period, value, numerator, denominator and a cohort's pending cases,
    as text."""
    out: dict[str, list[str]] = {
        t(k, lang): [] for k in ("col_period", "col_value", "col_numerator", "col_denominator")
    }
    if cohort:
        out[t("col_pending", lang)] = []
    for row in series.sort("period_start").iter_rows(named=True):
        if row["period_start"] > row["as_of"]:
            continue
        bucket = Bucket(row["period_start"], row["period_end"], row["as_of"], grain)
        note = partial_note(bucket, lang)
        hidden = bool(row.get(privacy.SUPPRESSED, False))
        cells = [
            f"{bucket_name(bucket, lang)} ({note})" if note else bucket_name(bucket, lang),
            privacy.SMALL if hidden else fmt_value(row["value"], unit, lang),
            privacy.SMALL if hidden else _number(row["numerator"], lang),
            privacy.SMALL if hidden else _number(row["denominator"], lang),
        ]
        if cohort:
            cells.append(_pending(row, lang))
        for column, cell in zip(out, cells, strict=True):
            out[column].append(cell)
    return pl.DataFrame(out, schema=dict.fromkeys(out, pl.String))
