"""A browserless Streamlit client: the server's side of a page view, without a browser's CPU.

It speaks Streamlit's own WebSocket protocol (``/_stcore/stream``, protobufs from
``streamlit.proto``) as the app's JavaScript does: it opens the stream, asks for a page with
a ``rerun_script`` BackMsg (``page_name`` = the page's URL path, as when a URL is opened),
and reads the ForwardMsgs until ``script_finished``. Later pages go over the same socket with
the page's ``page_script_hash`` from the ``navigation`` message, as a click on a sidebar link
does. A page fails when the script shows an exception, the page is not found, the run ends
otherwise than successfully, or it does not finish within the timeout. Charts are counted
as the script sends them, of either kind the dashboard has drawn: an element the browser
draws (Plotly, Vega-Lite, ...) or a picture drawn on the server (``img.kpi-chart`` in HTML).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus
# A run the server ends early because another run replaced it (st.rerun): keep waiting.
EARLY = FINISHED.FINISHED_EARLY_FOR_RERUN
# Elements that are a chart drawn in the browser, and the mark of a picture drawn on the server
CHART_ELEMENTS = frozenset(
    {"plotly_chart", "vega_lite_chart", "deck_gl_json_chart", "graphviz_chart", "echarts_chart"}
)
PICTURE_MARK = 'class="kpi-chart"'


@dataclass
class PageRun:
    """What one page view cost on the wire: seconds until script_finished, bytes, errors."""

    seconds: float
    ok: bool
    messages: int = 0
    bytes: int = 0
    charts: int = 0
    error: str | None = None


@dataclass
class ProtocolSession:
    """One open Streamlit session (one browser tab) on a WebSocket."""

    base_url: str
    socket: Any = None
    pages: dict[str, str] = field(default_factory=dict)  # url_pathname -> page_script_hash

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        ws_url = self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.socket = await connect(
            ws_url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None,
            open_timeout=60,
        )

    async def close(self) -> None:
        """Closes the socket (the server ends the session); a later ``open`` reconnects."""
        if self.socket is not None:
            socket, self.socket = self.socket, None
            await socket.close()

    async def open(self, path: str, timeout: float, navigate: bool = False) -> PageRun:
        """Runs the page at URL ``path`` ("/" or "/kohtaanto"): as a URL typed into the tab
        (``navigate`` False) or as a click on the page's link in the sidebar (True). Connects
        first if not connected; the time includes the connection then."""
        name = path.strip("/")
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = ""
        state.page_name = name
        if navigate and name in self.pages:
            state.page_script_hash = self.pages[name]
        state.context_info.url = self.base_url + path
        state.context_info.timezone = "Europe/Helsinki"
        state.context_info.locale = "fi-FI"
        t0 = time.perf_counter()
        run = PageRun(seconds=0.0, ok=False)
        try:
            if self.socket is None:
                await self.connect()
            await self.socket.send(msg.SerializeToString())
            await asyncio.wait_for(self._until_finished(run), timeout)
        except TimeoutError:
            run.error = f"not finished within {timeout:.0f} s"
        except Exception as exc:  # a dropped connection is a failed page, not a crash here
            run.error = f"{type(exc).__name__}: {exc}"[:300]
        run.seconds = time.perf_counter() - t0
        return run

    async def _until_finished(self, run: PageRun) -> None:
        while True:
            data = await self.socket.recv()
            run.messages += 1
            run.bytes += len(data)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "navigation":
                for page in fwd.navigation.app_pages:
                    self.pages[page.url_pathname] = page.page_script_hash
            elif kind == "delta" and _is_exception(fwd):
                run.error = run.error or "the page shows an exception: " + _exception_text(fwd)
            elif kind == "delta":
                run.charts += chart_count(fwd)
            elif kind == "page_not_found":
                run.error = "page not found"
            elif kind == "script_finished":
                if fwd.script_finished == EARLY:
                    continue
                if fwd.script_finished != FINISHED.FINISHED_SUCCESSFULLY:
                    run.error = run.error or f"script finished with status {fwd.script_finished}"
                run.ok = run.error is None
                return


def _is_exception(fwd: ForwardMsg) -> bool:
    delta = fwd.delta
    return delta.WhichOneof("type") == "new_element" and (
        delta.new_element.WhichOneof("type") == "exception"
    )


def chart_count(fwd: ForwardMsg) -> int:
    """How many charts a ForwardMsg adds to the page: 1 for a chart element, the number of
    chart pictures in an HTML or markdown element, else 0."""
    if fwd.WhichOneof("type") != "delta" or fwd.delta.WhichOneof("type") != "new_element":
        return 0
    element = fwd.delta.new_element
    kind = element.WhichOneof("type")
    if kind in CHART_ELEMENTS:
        return 1
    if kind in ("html", "markdown"):
        return str(getattr(element, kind).body).count(PICTURE_MARK)
    return 0


def _exception_text(fwd: ForwardMsg) -> str:
    exc = fwd.delta.new_element.exception
    return f"{exc.type}: {exc.message}"[:300]


def is_run_end(frame: bytes | str) -> bool:
    """Whether a WebSocket frame from the server is the end of a script run (not one cut
    short by a rerun): how the browser client knows a clicked page's run is over."""
    if not isinstance(frame, bytes):
        return False
    fwd = ForwardMsg()
    try:
        fwd.ParseFromString(frame)
    except Exception:  # not a ForwardMsg: not the end of a run
        return False
    return fwd.WhichOneof("type") == "script_finished" and fwd.script_finished != EARLY
