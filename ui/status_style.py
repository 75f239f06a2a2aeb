"""Status against a target as colour + icon + word (never colour alone), Okabe–Ito palette."""

from __future__ import annotations

from dataclasses import dataclass

from ui.i18n import Lang, t

# Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
SERIES_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["vermillion"],
)
TARGET_LINE_COLOUR = "#808080"  # mid grey: readable on the light and the dark theme


@dataclass(frozen=True)
class StatusStyle:
    key: str
    colour: str
    icon: str  # a distinct shape per status, readable without colour
    text_key: str


STATUS_STYLES: dict[str, StatusStyle] = {
    "ok": StatusStyle("ok", OKABE_ITO["bluish_green"], "✔", "status_ok"),
    "risk": StatusStyle("risk", OKABE_ITO["orange"], "▲", "status_risk"),
    "off": StatusStyle("off", OKABE_ITO["vermillion"], "✖", "status_off"),
    "none": StatusStyle("none", "#8C8C8C", "○", "status_none"),
    "notarget": StatusStyle("notarget", OKABE_ITO["blue"], "◆", "status_notarget"),
    "areaonly": StatusStyle("areaonly", OKABE_ITO["blue"], "◆", "status_areaonly"),
}


def status_style(status: str | None, has_target: bool = True) -> StatusStyle:
    if not has_target:
        return STATUS_STYLES["notarget"]
    return STATUS_STYLES.get(status or "none", STATUS_STYLES["none"])


def status_badge_html(status: str | None, lang: Lang, has_target: bool = True) -> str:
    """The status as a bordered badge: coloured icon and the word (CSS in ui/theme.py)."""
    return badge_html(status_style(status, has_target), lang)


def badge_html(style: StatusStyle, lang: Lang) -> str:
    return (
        f'<span class="kpi-status" style="--kpi-accent:{style.colour}">'
        f'<span class="icon" aria-hidden="true">{style.icon}</span> '
        f"{t(style.text_key, lang)}</span>"
    )


def status_label(status: str | None, lang: Lang, has_target: bool = True) -> str:
    """``✔ Tavoitteessa`` — icon and word together."""
    style = status_style(status, has_target)
    return f"{style.icon} {t(style.text_key, lang)}"
