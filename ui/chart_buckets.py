"""The buckets of a trend (ISO weeks or calendar months) as a reader sees them: which are
partial, and how each is named in a chart's hover ("Viikko 10: 3.3.–9.3.2025", "3/2025").

A series row (metrics.series) covers ``[period_start, period_end]``: the calendar bucket
clipped to the chosen period; its figures are counted up to the as-of date A. A bucket is
*partial* when that leaves out some of its calendar days: the period starts or ends inside
it, or A falls inside it (the week is not over yet). A one-day week looks like a collapse
when drawn like the others, so the charts draw partial buckets hollow and dotted, and the
overview's sparklines leave them out. No plotting library here: the cards use it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ui.formatting import fmt_date
from ui.i18n import Lang, t

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Bucket:
    """One bucket of a series: its clipped days and the days counted by A."""

    start: date
    end: date
    as_of: date
    grain: str  # "week" or "month"

    @property
    def counted_end(self) -> date:
        """The last day the bucket's figures cover: ``min(period_end, A)``."""
        return min(self.end, self.as_of)

    @property
    def begun(self) -> bool:
        return self.start <= self.as_of

    @property
    def partial(self) -> bool:
        return is_partial(self.start, self.end, self.as_of, self.grain)


def is_partial(start: date, end: date, as_of: date, grain: str) -> bool:
    """A begun bucket ``[start, end]`` that leaves out some days of its calendar week or month
    (the period starts or ends inside it, or the as-of date does): Bucket.partial, without
    building a Bucket (the overview asks it of every week of every card on every visit)."""
    full_start, full_end = calendar_bucket(start, grain)
    return start <= as_of and (start > full_start or min(end, as_of) < full_end)


def calendar_bucket(day: date, grain: str) -> tuple[date, date]:
    """The whole ISO week (Monday–Sunday) or calendar month that ``day`` falls in."""
    if grain == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    first = day.replace(day=1)
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, following - timedelta(days=1)


def day_range(first: date, last: date, lang: Lang, with_year: bool = True) -> str:
    """``3.3.–9.3.2025`` / ``3 Mar – 9 Mar 2025``; one day as one date; the year once when
    both days are in the same year (``with_year=False`` leaves it out then)."""
    if first.year != last.year:
        a, b = fmt_date(first, lang), fmt_date(last, lang)
    else:
        a, b = _day(first, lang), _day(last, lang)
        if with_year:
            b = f"{b}{last.year}" if lang == "fi" else f"{b} {last.year}"
    if first == last:
        return b
    return f"{a}–{b}" if lang == "fi" else f"{a} – {b}"


def _day(day: date, lang: Lang) -> str:
    return f"{day.day}.{day.month}." if lang == "fi" else f"{day.day} {_EN_MONTHS[day.month - 1]}"


def bucket_name(bucket: Bucket, lang: Lang) -> str:
    """``Viikko 10: 3.3.–9.3.2025`` / ``Week 10: 3 Mar – 9 Mar 2025`` for a week (its days
    in the period), ``3/2025`` / ``Mar 2025`` for a month."""
    if bucket.grain == "week":
        week = bucket.start.isocalendar().week
        days = day_range(bucket.start, bucket.end, lang)
        return f"{t('chart_week', lang)} {week}: {days}"
    if lang == "fi":
        return f"{bucket.start.month}/{bucket.start.year}"
    return f"{_EN_MONTHS[bucket.start.month - 1]} {bucket.start.year}"


def partial_note(bucket: Bucket, lang: Lang) -> str:
    """``osittainen viikko 1.12.–2.12.`` / ``partial week 1 Dec – 2 Dec``: the days the
    figures of a partial bucket cover; '' for a whole one."""
    if not bucket.partial:
        return ""
    key = "chart_partial_week" if bucket.grain == "week" else "chart_partial_month"
    return t(key, lang, days=day_range(bucket.start, bucket.counted_end, lang, with_year=False))


def whole_values(
    starts: list[date], ends: list[date], values: list[float | None], as_of: date, grain: str
) -> list[float]:
    """The known values of the whole buckets, in order: what a sparkline draws (a partial
    first or last week would look like a rise or a fall that is not there)."""
    return [
        float(v)
        for s, e, v in zip(starts, ends, values, strict=True)
        if v is not None and not is_partial(s, e, as_of, grain)
    ]
