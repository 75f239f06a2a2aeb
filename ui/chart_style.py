"""What every chart of ui/charts.py shares: axes in the viewer's number format, integer
ticks for counts, the reduced mode bar, the theme, and how a figure is shown.

On screen a figure is drawn by plotly.js in the browser (``st.plotly_chart``) with
Streamlit's theme, which follows the viewer's light or dark theme (.streamlit/config.toml):
the figures set no text or background colour of their own, only the Okabe–Ito series
colours and the grey, dashed target line, which read on both. The board report, which is
printed on white paper, gets explicit light colours (``on_paper``).
"""

from __future__ import annotations

import math
import re
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from ui.i18n import Lang
from ui.sidebar import PRESENTATION_KEY
from ui.status_style import OKABE_ITO

# Plotly's separators: the decimal mark, then the thousands mark.
SEPARATORS: dict[str, str] = {"fi": ",\u00a0", "en": ".,"}
FONT_SIZE = 14
PAPER_TEXT = "#111418"  # [theme.light] textColor: the report is printed on white
PAPER_GRID = "#E3E8EE"
# The mode bar keeps "download as PNG" and "reset axes"; the rest is clutter for this audience.
MODEBAR_REMOVED = (
    "zoom2d",
    "pan2d",
    "select2d",
    "lasso2d",
    "zoomIn2d",
    "zoomOut2d",
    "autoScale2d",
    "toggleSpikelines",
    "hoverClosestCartesian",
    "hoverCompareCartesian",
)
_CHAR_PX = 8.0  # about the width of one character of a 14 px label, for margins
# The line's colour per theme: Okabe–Ito blue is dark on the dark background, where its
# sky blue reads (the order of [theme.dark] chartCategoricalColors).
LINE_COLOURS = {"light": OKABE_ITO["blue"], "dark": OKABE_ITO["sky_blue"]}


def theme_type() -> str:
    """``light`` or ``dark``: the viewer's theme as the browser reported it (light outside a
    Streamlit run, e.g. for the report)."""
    try:
        return "dark" if st.context.theme.type == "dark" else "light"
    except Exception:  # no script run context: tests, the report built elsewhere
        return "light"


def line_colour() -> str:
    return LINE_COLOURS[theme_type()]


def base_layout(lang: Lang, height: int, legend: bool) -> dict[str, Any]:
    """Height, margins, number separators and a horizontal legend above the plot (shown
    only when there are several series: a click on an entry hides that series)."""
    return {
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 40 if legend else 16, "b": 10},
        "separators": SEPARATORS[lang],
        "showlegend": legend,
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
        "font": {"size": FONT_SIZE},
        "hoverlabel": {"font": {"size": FONT_SIZE}, "namelength": -1},
    }


def nice_step(top: float, ticks: int = 5) -> int:
    """A whole-number tick step (1, 2, 5, 10, 20, 50 …) giving about ``ticks`` ticks up to
    ``top``: never below 1, so a count axis never shows 0, 1, 1, 2, 2."""
    raw = max(top, 1.0) / ticks
    magnitude = 10 ** max(0, math.floor(math.log10(raw))) if raw >= 1 else 1
    for multiple in (1, 2, 5, 10):
        step = multiple * magnitude
        if step >= raw:
            return int(step)
    return int(10 * magnitude)


def count_axis(top: float) -> dict[str, Any]:
    """A count axis: integer ticks (``,d``, a step of at least 1) from 0 to above ``top``."""
    step = nice_step(top)
    upper = max(top * 1.12, float(step))
    return {"tickformat": ",d", "dtick": step, "tick0": 0, "range": [0, upper]}


def label_width_px(text: str) -> int:
    """About how wide a label is drawn (its longest line), for the margin that holds it."""
    lines = re.split(r"<br>", text)
    return int(max(len(line) for line in lines) * _CHAR_PX) + 12


def plot_config(presenting: bool, filename: str = "kaavio") -> dict[str, Any]:
    """plotly.js's config: no mode bar at all in presentation mode; elsewhere no logo and
    only the PNG download and reset axes."""
    if presenting:
        return {"displayModeBar": False, "displaylogo": False}
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": list(MODEBAR_REMOVED),
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def file_name(title: str) -> str:
    """A chart's title as the PNG's file name (letters, digits and underscores)."""
    return re.sub(r"[^\w]+", "_", title.lower()).strip("_") or "kaavio"


def show(fig: go.Figure, alt: str, key: str | None = None) -> None:
    """Draws a figure across the container's width in the viewer's theme; ``alt`` names it
    for screen readers and the PNG download."""
    presenting = bool(st.session_state.get(PRESENTATION_KEY, False))
    st.plotly_chart(
        fig,
        theme="streamlit",
        width="stretch",
        config=plot_config(presenting, file_name(alt)),
        alt=alt,
        key=key,
    )


def on_paper(fig: go.Figure, width: int) -> go.Figure:
    """The figure for the printed report: a fixed width, dark text and light grid on white
    (the report has no theme to follow). Plotly's own white template, not Streamlit's, whose
    colours are placeholders that only Streamlit's browser side fills in."""
    fig.update_layout(
        template="plotly_white",
        width=width,
        autosize=False,
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        font={"family": "Source Sans Pro, Arial, sans-serif", "color": PAPER_TEXT, "size": 12},
    )
    light = LINE_COLOURS["light"]
    fig.update_traces(selector={"legendgroup": "value"}, line_color=light)
    fig.update_traces(selector={"legendgroup": "value", "mode": "markers"}, marker_color=light)
    fig.update_traces(selector={"legendgroup": "value", "mode": "markers"}, marker_line_color=light)
    fig.update_xaxes(gridcolor=PAPER_GRID, linecolor="#8A96A3")
    fig.update_yaxes(gridcolor=PAPER_GRID, linecolor="#8A96A3", zerolinecolor="#8A96A3")
    return fig
