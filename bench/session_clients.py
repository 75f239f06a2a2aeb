"""The two clients of the sessions benchmark: headless chromium, or Streamlit's WebSocket
protocol without a browser (bench/protocol.py). Each makes a ``Visit`` of bench/meeting.py."""

from __future__ import annotations

import asyncio
from typing import Any

from bench.load_model import Plan
from bench.meeting import PAGES, Meeting, Visit, meet, pages_of
from bench.protocol import ProtocolSession, is_run_end

# --- protocol client ---------------------------------------------------------------------


def protocol_visit(url: str, navigation: str, timeout_s: float) -> Visit:
    async def visit(plan: Plan, meeting: Meeting) -> None:
        await meeting.until(plan.arrive_s)
        session = ProtocolSession(url)
        meeting.opened()

        async def open_page(i: int, path: str, ready: str) -> tuple[bool, str | None]:
            if i and navigation == "goto":  # a reload: a new session on a new socket
                await session.close()
            run = await session.open(path, timeout_s, navigate=navigation == "link")
            return run.ok, run.error

        try:
            await pages_of(plan, meeting, open_page)
        finally:
            meeting.closed()
            await session.close()

    return visit


# --- browser client ----------------------------------------------------------------------


class RunEnds:
    """Counts the script runs the server has finished for one tab, from the WebSocket frames
    the tab receives: a clicked page is done once a run has ended after the click and the
    browser shows the page (robust where the page's DOM alone is not: two goal pages look
    alike, and a fast run may never show the "running" state)."""

    def __init__(self) -> None:
        self.count = 0
        self.changed = asyncio.Event()

    def watch(self, ws: Any) -> None:
        ws.on("framereceived", self.frame)

    def frame(self, payload: bytes | str) -> None:
        if is_run_end(payload):
            self.count += 1
            self.changed.set()

    async def beyond(self, seen: int) -> None:
        while self.count <= seen:
            self.changed.clear()
            await self.changed.wait()


SHOWN = """([path, ready]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && location.pathname.replace(/\\/$/, '').endsWith(path)
    && (document.querySelector(ready) || document.querySelector('[data-testid="stException"]'));
}"""
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
EXCEPTION = '[data-testid="stException"]'


VIEWPORT = {"width": 1400, "height": 1000}


def browser_visit(
    browser: Any, url: str, navigation: str, timeout_s: float, known: dict[int, Any]
) -> Visit:
    """A person's visit in chromium: in the browser context ``known`` holds for them (a
    returning visitor, whose browser has the app's scripts cached) or in a new one (a first
    visit: nothing cached, a new browser profile)."""
    ms = timeout_s * 1000

    async def visit(plan: Plan, meeting: Meeting) -> None:
        await meeting.until(plan.arrive_s)
        opened: dict[str, Any] = {}  # the context and tab, made in the first page's time
        runs = RunEnds()
        meeting.opened()

        async def open_page(i: int, path: str, ready: str) -> tuple[bool, str | None]:
            try:
                if i == 0:
                    context = known.pop(plan.session, None)
                    opened["context"] = context or await browser.new_context(viewport=VIEWPORT)
                    opened["tab"] = await opened["context"].new_page()
                    opened["tab"].on("websocket", runs.watch)
                tab = opened["tab"]
                if i == 0 or navigation == "goto":
                    await tab.goto(url + path, timeout=ms)
                    await tab.wait_for_selector(f"{ready}, {EXCEPTION}", timeout=ms)
                    await tab.wait_for_selector(DONE, state="attached", timeout=ms)
                else:
                    seen = runs.count
                    link = tab.locator(f'[data-testid="stSidebarNavLink"][href$="{path}"]')
                    await link.first.click(timeout=ms)
                    await asyncio.wait_for(runs.beyond(seen), timeout_s)
                    await tab.wait_for_function(SHOWN, arg=[path, ready], polling=100, timeout=ms)
                if await tab.locator(EXCEPTION).count():
                    shown = await tab.locator(EXCEPTION).first.inner_text()
                    return False, f"the page shows an error: {shown}"
                return True, None
            except Exception as exc:  # a timeout or a crash is a failed page, not a crash here
                return False, f"{type(exc).__name__}: {exc}"

        try:
            await pages_of(plan, meeting, open_page)
        finally:
            meeting.closed()
            if "context" in opened:
                await opened["context"].close()

    return visit


async def returning_visitors(browser: Any, url: str, plans: list[Plan]) -> dict[int, Any]:
    """A browser context per person that has opened a goal page before (unmeasured, two at a
    time): the app's scripts, the chart library among them, are in its cache, as for
    someone who uses the dashboard weekly. Made before the meeting starts."""
    limit = asyncio.Semaphore(2)

    async def one(plan: Plan) -> tuple[int, Any]:
        async with limit:
            context = await browser.new_context(viewport=VIEWPORT)
            tab = await context.new_page()
            await tab.goto(url + PAGES[1][1], timeout=120_000)
            await tab.wait_for_selector(PAGES[1][2], timeout=120_000)
            await tab.wait_for_selector(DONE, state="attached", timeout=120_000)
            await tab.close()
            return plan.session, context

    return dict(await asyncio.gather(*(one(p) for p in plans)))


async def run_clients(
    url: str,
    client: str,
    navigation: str,
    plans: list[Plan],
    timeout_s: float,
    first_visit: bool = False,
) -> Meeting:
    """One unmeasured warm-up visit (the server's caches filled, as in a running service),
    then the measured meeting. Browsers are returning visitors unless ``first_visit``."""
    warm_up = [Plan(-1, 0.0, (0.0,) * (len(PAGES) - 1))]
    if client == "protocol":
        visit = protocol_visit(url, navigation, timeout_s)
        await meet(warm_up, visit)
        return await meet(plans, visit)
    from playwright.async_api import async_playwright

    from common.chromium import CHROMIUM, CHROMIUM_ARGS

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            await meet(warm_up, browser_visit(browser, url, navigation, timeout_s, {}))
            known = {} if first_visit else await returning_visitors(browser, url, plans)
            return await meet(plans, browser_visit(browser, url, navigation, timeout_s, known))
        finally:
            await browser.close()
