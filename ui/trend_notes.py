"""What a trend chart cannot say by itself, as short texts under it: why there is no
chart at all (the small-number rule hid every bucket, or every case is still pending, or
there were no cases), how many buckets the rule hid, what a hollow point means, and which
buckets of a cohort share rest on fewer resolved cases than pending ones.

A headline value over the whole period can be shown while every week or month of the
same area is hidden: the period has five people or more, each bucket fewer. That is the
rule working, not an empty series, and the page says so instead of "no rows".
"""

from __future__ import annotations

import polars as pl

from ui.chart_buckets import Bucket
from ui.formatting import fmt_int
from ui.i18n import Lang, t


def _begun(series: pl.DataFrame) -> pl.DataFrame:
    """The buckets that have begun by the as-of date, in time order (eager Series operations
    and no copy in the usual case, every bucket begun and already in order: a lazy filter
    and sort per chart cost more CPU than the chart, docs/scaling.md)."""
    begun = series["period_start"] <= series["as_of"]
    rows = series if begun.null_count() == 0 and begun.all() else series.filter(begun)
    return rows if rows["period_start"].is_sorted() else rows.sort("period_start")


def _hidden(series: pl.DataFrame) -> list[bool]:
    """Which buckets the small-number rule hides (a plain list: a polars expression per
    question costs more than the few buckets' Python)."""
    if "suppressed" in series.columns:
        return [bool(v) for v in series["suppressed"].to_list()]
    return [False] * series.height


def empty_reason(series: pl.DataFrame, lang: Lang, grain: str) -> str | None:
    """Why a trend has no value to draw; None when it has one."""
    rows = _begun(series)
    if rows.height == 0:
        return t("no_rows", lang)
    if rows["value"].null_count() < rows.height:
        return None
    if any(_hidden(rows)):
        return t("trend_hidden_small", lang, buckets=t(f"chart_buckets_{grain}", lang))
    pending = int(rows["pending"].drop_nulls().sum()) if "pending" in rows.columns else 0
    if pending > 0:
        return t("trend_all_pending", lang, n=fmt_int(pending, lang))
    return t("no_rows", lang)


def _short_name(bucket: Bucket, lang: Lang) -> str:
    if bucket.grain == "week":
        return f"{t('chart_week', lang)} {bucket.start.isocalendar().week}"
    return f"{bucket.start.month}/{bucket.start.year}"


def notes(series: pl.DataFrame, lang: Lang, grain: str, cohort: bool) -> list[str]:
    """The texts to show under a drawn trend, in order; none when it needs none."""
    rows = _begun(series)
    out: list[str] = []
    hidden = sum(_hidden(rows))
    if hidden:
        word = t(f"chart_bucket_{grain}" if hidden == 1 else f"chart_hidden_{grain}", lang)
        out.append(t("trend_some_hidden", lang, n=hidden, buckets=word))
    buckets = [
        Bucket(r["period_start"], r["period_end"], r["as_of"], grain)
        for r in rows.iter_rows(named=True)
    ]
    if any(b.partial for b in buckets):
        out.append(t("chart_partial_legend", lang, bucket=t(f"chart_bucket_{grain}", lang)))
    if cohort:
        heavy = [
            _short_name(b, lang)
            for b, r in zip(buckets, rows.iter_rows(named=True), strict=True)
            if r["value"] is not None and (r["pending"] or 0) > (r["denominator"] or 0)
        ]
        if heavy:
            out.append(t("trend_pending_large", lang, buckets=", ".join(heavy)))
    return out
