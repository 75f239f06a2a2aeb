"""The chart worker process (``python -m ui.chart_worker``, started by ui/chart_renderer.py).

It reads one request per line on stdin, ``{"spec": "<Vega-Lite spec as JSON text>"}``, and
answers each with one line on stdout: ``{"svg": "..."}``, or ``{"error": "...", "type":
"ValueError"}`` for a spec it cannot draw. It draws with vl-convert, which holds Python's
interpreter lock while it draws: here that stops nobody else. It ends when stdin closes.
"""

from __future__ import annotations

import json
import sys

import vl_convert

VEGA_LITE = "5.21"  # the Vega-Lite version the specifications are written for


def draw(spec_json: str) -> str:
    """The spec's SVG. A spec may not fetch any URL while drawn."""
    svg: str = vl_convert.vegalite_to_svg(
        json.loads(spec_json), vl_version=VEGA_LITE, allowed_base_urls=[]
    )
    return svg


def answer(line: bytes) -> dict[str, str]:
    try:
        return {"svg": draw(json.loads(line)["spec"])}
    except Exception as exc:  # the caller raises it in the server, with the message
        return {"error": str(exc), "type": type(exc).__name__}


def main() -> int:
    draw('{"mark": "point"}')  # start the JavaScript engine before the first request
    for line in sys.stdin.buffer:
        sys.stdout.buffer.write(json.dumps(answer(line)).encode("utf-8") + b"\n")
        sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
