"""How the project starts Debian's headless chromium (browser tests and benchmarks).

As root on a machine whose only network is the package registries, chromium needs
--no-sandbox, and its background connections (component updates, sync) are turned off so it
does not try to reach hosts it cannot.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
