"""One measured browser tab (Playwright's sync API, headless chromium) for bench/one_browser.py.

A page is shown when Streamlit has finished the script run for it (its ``script_finished``
message has reached the tab, counted from the tab's WebSocket frames), the URL is the page's,
its title is there, and every chart on it is drawn: a picture drawn on the server
(``img.kpi-chart``) decoded, a Plotly chart's SVG or a Vega-Lite chart's canvas in place; a
goal page must show at least one. Around each page the tab reads Chrome DevTools Protocol
figures: the renderer's main-thread time (``Performance.getMetrics``: tasks, script, layout
and style) and what was downloaded (``Network``: bytes, scripts, the largest script, and what
came over the WebSocket: the page's elements, charts drawn on the server among them).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from bench.protocol import is_run_end

VIEWPORT = {"width": 1400, "height": 1000}
CHARTS = 'img.kpi-chart, [data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"]'
SHOWN = """([path, needsCharts, charts]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stException"]')) return 'error';
  if (!location.pathname.replace(/\\/$/, '').endsWith(path)) return false;
  if (!document.querySelector('h1')) return false;
  const all = [...document.querySelectorAll(charts)];
  if (needsCharts && all.length === 0) return false;
  return all.every(c => c.tagName === 'IMG'
    ? c.complete && c.naturalWidth > 0
    : !!c.querySelector('svg.main-svg, canvas, svg'));
}"""
# Performance.getMetrics names -> the figure's key
METRICS = {
    "TaskDuration": "main_thread_s",
    "ScriptDuration": "script_s",
    "LayoutDuration": "layout_s",
    "RecalcStyleDuration": "style_s",
}


@dataclass(frozen=True)
class Target:
    name: str
    path: str  # "/" or "/lahipalvelut"
    charts: bool  # the page must show a chart


class PageError(RuntimeError):
    """The page showed an error or was not shown in time."""


class Tab:
    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.runs = 0
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        self.cdp = context.new_cdp_session(self.page)
        self.cdp.send("Performance.enable")
        self.cdp.send("Network.enable")
        self._types: dict[str, tuple[str, str]] = {}  # requestId -> (resource type, URL)
        self.loaded: list[tuple[str, str, int]] = []  # (type, URL, bytes on the wire)
        self.socket_bytes = 0  # payload of the WebSocket frames received
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.webSocketFrameReceived", self._socket_frame)

    def _frame(self, payload: bytes | str) -> None:
        if is_run_end(payload):
            self.runs += 1

    def _response(self, event: dict[str, Any]) -> None:
        self._types[event["requestId"]] = (event.get("type", ""), event["response"]["url"])

    def _finished(self, event: dict[str, Any]) -> None:
        kind, url = self._types.get(event["requestId"], ("", ""))
        self.loaded.append((kind, url, int(event.get("encodedDataLength", 0))))

    def _socket_frame(self, event: dict[str, Any]) -> None:
        frame = event["response"]
        data = str(frame.get("payloadData", ""))
        # binary frames (opcode 2) come base64-encoded
        self.socket_bytes += len(data) * 3 // 4 if frame.get("opcode") == 2 else len(data)

    def metrics(self) -> dict[str, float]:
        found = self.cdp.send("Performance.getMetrics")["metrics"]
        return {m["name"]: float(m["value"]) for m in found}

    def open(self, url: str, target: Target, timeout_s: float) -> dict[str, Any]:
        """The page's URL opened in this tab (a first or a return visit)."""
        return self._measure(lambda: self.page.goto(url + target.path), target, timeout_s)

    def switch(self, target: Target, timeout_s: float) -> dict[str, Any]:
        """A click on the page's sidebar link (a page switch in the same session)."""
        link = self.page.locator(f'[data-testid="stSidebarNavLink"][href$="{target.path}"]')
        return self._measure(lambda: link.first.click(), target, timeout_s)

    def _measure(self, action: Any, target: Target, timeout_s: float) -> dict[str, Any]:
        before, loaded_before, runs_before = self.metrics(), len(self.loaded), self.runs
        socket_before = self.socket_bytes
        t0 = time.perf_counter()
        action()
        deadline = t0 + timeout_s
        while self.runs <= runs_before:  # the events are delivered while Playwright waits
            if time.perf_counter() > deadline:
                raise PageError(f"{target.path}: no finished script run in {timeout_s:g} s")
            self.page.wait_for_timeout(5)
        left_ms = max(1.0, (deadline - time.perf_counter()) * 1000)
        args = [target.path.rstrip("/"), target.charts, CHARTS]
        shown = self.page.wait_for_function(SHOWN, arg=args, polling="raf", timeout=left_ms)
        seconds = time.perf_counter() - t0
        if shown.json_value() == "error":
            text = self.page.locator('[data-testid="stException"]').first.inner_text()
            raise PageError(f"{target.path} shows an error: {text[:300]}")
        after = self.metrics()
        figures: dict[str, Any] = {"seconds": seconds}
        figures.update({key: after[name] - before[name] for name, key in METRICS.items()})
        figures["charts"] = self.page.locator(CHARTS).count()
        figures.update(downloads(self.loaded[loaded_before:]))
        figures["socket_bytes"] = self.socket_bytes - socket_before
        return figures

    def close(self) -> None:
        self.page.close()


def downloads(loaded: list[tuple[str, str, int]]) -> dict[str, Any]:
    """Bytes on the wire in all and of scripts, and the largest script (its file name)."""
    scripts = [(size, url) for kind, url, size in loaded if kind == "Script" and size > 0]
    largest = max(scripts, default=(0, ""))
    return {
        "downloaded_bytes": sum(size for _, _, size in loaded),
        "script_bytes": sum(size for size, _ in scripts),
        "largest_script": largest[1].rsplit("/", 1)[-1],
        "largest_script_bytes": largest[0],
    }
