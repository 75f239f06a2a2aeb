"""A stand-in for Statistics Finland's PxWeb API on 127.0.0.1: real HTTP, a recorded answer.

``PxWebServer`` answers every POST with what its ``reply`` says (status and body, or hang
until the test ends) and records each request's path and JSON body. Nothing leaves the
machine.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
RECORDED = DATA / "statfin_12r5.json"
API_PATH = "/PXWeb/api/v1/fi/StatFin"
TABLE_PATH = f"{API_PATH}/tyonv/statfin_tyonv_pxt_12r5.px"


@dataclass
class Reply:
    status: int = 200
    body: bytes = field(default_factory=RECORDED.read_bytes)
    hang: bool = False


@dataclass
class PxWebServer:
    reply: Reply = field(default_factory=Reply)
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PATH}"


@contextmanager
def pxweb_server() -> Iterator[PxWebServer]:
    state = PxWebServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            state.requests.append((self.path, json.loads(self.rfile.read(length))))
            if state.reply.hang:
                state.release.wait(30)
                return
            self.send_response(state.reply.status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(state.reply.body)))
            self.end_headers()
            self.wfile.write(state.reply.body)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()


def recorded() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RECORDED.read_text(encoding="utf-8"))
    return data


def without_area(code: str) -> bytes:
    """The recorded answer as PxWeb would give it had the area ``code`` no data."""
    data = recorded()
    codes = list(data["dimension"]["Alue"]["category"]["index"])
    at = codes.index(code)
    per_area = len(data["value"]) // len(codes)
    data["value"] = data["value"][: at * per_area] + data["value"][(at + 1) * per_area :]
    codes.remove(code)
    data["dimension"]["Alue"]["category"]["index"] = {c: i for i, c in enumerate(codes)}
    del data["dimension"]["Alue"]["category"]["label"][code]
    data["size"][0] -= 1
    return json.dumps(data, ensure_ascii=False).encode()
