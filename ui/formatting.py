"""Numbers and dates as a Finnish (or English) reader expects them on screen.

Finnish: ``75,3 %``, ``14.3.2025``, thousands separated by a narrow no-break space
(``20 000``), ``21,4 vrk``. English: ``75.3%``, ``14 Mar 2025``, ``20,000``, ``21.4 days``.
Files keep full precision; rounding happens only here, for the screen and the board report.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from ui.i18n import Lang, t

NNBSP = "\u202f"  # narrow no-break space: Finnish thousands separator
NBSP = "\u00a0"  # no-break space: between a number and its unit
MISSING = "–"

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FI_MONTH_NAMES = (
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
)
_EN_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

UNIT_SUFFIX: dict[str, tuple[str, str]] = {
    "days": ("vrk", "days"),
    "months": ("kk", "months"),
    "count": ("kpl", ""),
    "clients_per_htv": ("asiakasta/htv", "clients/FTE"),
}


def is_missing(value: float | int | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | int | None, lang: Lang, decimals: int = 0) -> str:
    """A number with the language's thousands and decimal separators; ``–`` when missing."""
    if value is None or is_missing(value):
        return MISSING
    rounded = half_up(value, decimals)
    text = f"{rounded:,.{decimals}f}"
    if text.startswith("-") and float(rounded) == 0:
        text = text[1:]
    if lang == "fi":
        text = text.replace(",", NNBSP).replace(".", ",").replace("-", "−")
    return text


def half_up(value: float | int, decimals: int) -> Decimal:
    """Rounds as people do (2,25 -> 2,3), not to even; from the shortest repr of the float."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def fmt_int(value: float | int | None, lang: Lang) -> str:
    return fmt_number(value, lang, 0)


def fmt_percent(share: float | None, lang: Lang, decimals: int = 1) -> str:
    """A share given as a fraction (0.753) as ``75,3 %`` (fi) or ``75.3%`` (en)."""
    if share is None or is_missing(share):
        return MISSING
    number = fmt_number(share * 100, lang, decimals)
    return f"{number}{NBSP}%" if lang == "fi" else f"{number}%"


def fmt_with_unit(value: float | None, unit: str, lang: Lang, decimals: int = 1) -> str:
    if value is None or is_missing(value):
        return MISSING
    fi_suffix, en_suffix = UNIT_SUFFIX[unit]
    suffix = fi_suffix if lang == "fi" else en_suffix
    number = fmt_number(value, lang, decimals)
    return f"{number}{NBSP}{suffix}" if suffix else number


def fmt_value(value: float | int | None, unit: str, lang: Lang) -> str:
    """A KPI value in its unit: share -> percent, days/months -> one decimal, count -> integer."""
    if unit == "share":
        return fmt_percent(value, lang)
    if unit == "count":
        return fmt_int(value, lang)
    return fmt_with_unit(value, unit, lang, 1)


def fmt_target(op: str | None, target: float | None, unit: str, lang: Lang) -> str:
    """``≥ 75 %``, ``< 22 vrk``, ``> 2 500``; ``–`` when the metric has no target."""
    if not op or target is None or is_missing(target):
        return MISSING
    symbol = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}.get(op, op)
    if unit == "share":
        decimals = 0 if abs(target * 100 - round(target * 100)) < 1e-9 else 1
        shown = fmt_percent(target, lang, decimals)
    elif unit == "count":
        shown = fmt_int(target, lang)
    else:
        decimals = 0 if abs(target - round(target)) < 1e-9 else 1
        shown = fmt_with_unit(target, unit, lang, decimals)
    return f"{symbol}{NBSP}{shown}"


def fmt_change(delta: float | None, unit: str, lang: Lang) -> str:
    """A change since the previous week: shares in percentage points, with an explicit sign."""
    if delta is None or is_missing(delta):
        return MISSING
    decimals = 0 if unit == "count" else 1
    shown = half_up(delta * 100 if unit == "share" else delta, decimals)
    sign = "+" if shown > 0 else ("−" if shown < 0 else "±")
    magnitude = abs(delta)
    if unit == "share":
        pp = "%-yks." if lang == "fi" else "pp"
        return f"{sign}{fmt_number(magnitude * 100, lang, 1)}{NBSP}{pp}"
    if unit == "count":
        return f"{sign}{fmt_int(magnitude, lang)}"
    return f"{sign}{fmt_with_unit(magnitude, unit, lang, 1)}"


def fmt_date(day: date | None, lang: Lang) -> str:
    """``14.3.2025`` (fi) or ``14 Mar 2025`` (en)."""
    if day is None:
        return MISSING
    if lang == "fi":
        return f"{day.day}.{day.month}.{day.year}"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def fmt_datetime(moment: datetime | None, lang: Lang) -> str:
    """``14.3.2025 klo 9.05`` (fi) or ``14 Mar 2025 09:05`` (en)."""
    if moment is None:
        return MISSING
    if lang == "fi":
        return f"{fmt_date(moment.date(), lang)} klo {moment.hour}.{moment.minute:02d}"
    return f"{fmt_date(moment.date(), lang)} {moment.hour:02d}:{moment.minute:02d}"


def fmt_period(start: date, end: date, lang: Lang) -> str:
    """``1.1.–31.10.2026`` style ranges (fi) or ``1 Jan – 31 Oct 2026`` (en)."""
    if lang == "fi":
        if start.year == end.year:
            return f"{start.day}.{start.month}.–{fmt_date(end, lang)}"
        return f"{fmt_date(start, lang)}–{fmt_date(end, lang)}"
    return f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"


def fmt_month(year: int, month: int, lang: Lang) -> str:
    """``lokakuu 2026`` (fi) or ``October 2026`` (en)."""
    names = _FI_MONTH_NAMES if lang == "fi" else _EN_MONTH_NAMES
    return f"{names[month - 1]} {year}"


def fmt_bool(value: bool | None, lang: Lang) -> str:
    """``Kyllä`` / ``Ei`` (fi) or ``Yes`` / ``No`` (en), never ``True`` / ``False``."""
    if value is None:
        return MISSING
    return t("yes" if value else "no", lang)


def fmt_cell(value: object, lang: Lang) -> str:
    """Any cell of a table on screen as text: yes/no, a date or a moment in the language's
    format, a whole number with its thousands separator, any other number to one decimal;
    ``–`` when missing. Text is kept as it is."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, bool):
        return fmt_bool(value, lang)
    if isinstance(value, datetime):
        return fmt_datetime(value, lang)
    if isinstance(value, date):
        return fmt_date(value, lang)
    if isinstance(value, int):
        return fmt_int(value, lang)
    if isinstance(value, float):
        return fmt_number(value, lang, 0 if value.is_integer() else 1)
    return str(value)


def fmt_euros(value: object, lang: Lang, decimals: int = 2) -> str:
    """Euros with two decimals: ``1 234,56 €`` (fi) or ``€1,234.56`` (en); ``–`` when missing."""
    if value is None:
        return MISSING
    number = fmt_number(float(str(value)), lang, decimals)
    if lang == "fi":
        return f"{number}{NBSP}€"
    return f"−€{number[1:]}" if number.startswith("-") else f"€{number}"


def fmt_whole_euros(value: object, lang: Lang) -> str:
    """Euros rounded to the euro (a headline figure): ``654 776 €``."""
    return fmt_euros(value, lang, 0)
