"""Loads the chart library in the browser while the reader reads a page without charts.

Streamlit draws a Plotly chart with one lazily loaded script of 4.6 MB (its bundle of
plotly.js, ``static/js/PlotlyChart.<hash>.js``): the first chart of a page load fetches it,
parses it and runs it, which was most of a switch from the overview to a goal page
(docs/scaling.md, "One browser"). The overview draws no Plotly chart, so while the reader
reads it the browser is idle: a small script imports that same module when the browser is
idle, once per tab, and a goal page opened afterwards finds it loaded (a module is loaded
once per URL). The module's name comes from the installed Streamlit's own files; without it
(another build of Streamlit) nothing is added.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import streamlit as st

_CHUNKS = Path(st.__file__).parent / "static" / "static" / "js"


@lru_cache(maxsize=1)
def chart_module() -> str | None:
    """The file name of Streamlit's Plotly module, or None when there is no single one."""
    found = sorted(p.name for p in _CHUNKS.glob("PlotlyChart.*.js"))
    return found[0] if len(found) == 1 else None


def script(module: str) -> str:
    """The import of ``module`` beside Streamlit's own main script (so the URL is the one
    Streamlit's lazy import resolves to), at the browser's first idle moment, once a tab."""
    name = json.dumps(module)
    return (
        "<script>(() => {"
        "if (window.__kpiChartModule) return; window.__kpiChartModule = true;"
        'const main = document.querySelector(\'script[type="module"][src*="static/js/index."]\');'
        "if (!main) return;"
        f"const url = new URL('./' + {name}, main.src).href;"
        "const load = () => import(url).catch(() => {});"
        "if (window.requestIdleCallback) window.requestIdleCallback(load, {timeout: 4000});"
        "else window.setTimeout(load, 1500);"
        "})();</script>"
    )


def apply() -> None:
    """Adds the script (nothing when the module is not found)."""
    module = chart_module()
    if module is not None:
        st.html(script(module), unsafe_allow_javascript=True)
