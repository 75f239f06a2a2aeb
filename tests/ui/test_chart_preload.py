"""The chart library's early load (ui/chart_preload.py): the installed Streamlit's Plotly
module is found, and the script imports it beside Streamlit's main script, once a tab, when
the browser is idle."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import chart_preload


def test_the_installed_streamlits_plotly_module_is_found() -> None:
    module = chart_preload.chart_module()
    assert module is not None and module.startswith("PlotlyChart.") and module.endswith(".js")
    assert (chart_preload._CHUNKS / module).is_file()


def test_the_script_imports_the_module_once_a_tab_when_idle() -> None:
    text = chart_preload.script("PlotlyChart.abc123.js")
    assert text.startswith("<script>") and text.endswith("</script>")
    assert '"PlotlyChart.abc123.js"' in text
    assert "window.__kpiChartModule" in text  # once a tab
    assert "requestIdleCallback" in text and "import(url)" in text
    assert "static/js/index." in text  # resolved beside Streamlit's own main script


@pytest.mark.parametrize("names", [[], ["PlotlyChart.a.js", "PlotlyChart.b.js"]])
def test_no_script_without_a_single_module(
    names: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in names:
        (tmp_path / name).write_text("")
    monkeypatch.setattr(chart_preload, "_CHUNKS", tmp_path)
    chart_preload.chart_module.cache_clear()
    try:
        assert chart_preload.chart_module() is None
    finally:
        chart_preload.chart_module.cache_clear()
