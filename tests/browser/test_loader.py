"""The embed does almost nothing until the visitor asks for the chat, and stores nothing but,
with `transcript` consent, the resume token in sessionStorage."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Widget, eventually, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser


async def client_state(page: Page, context: BrowserContext) -> dict[str, object]:
    """Everything a page could use to remember a visitor, on the host page's origin."""
    state: dict[str, object] = await page.evaluate(
        """async () => ({
            documentCookie: document.cookie,
            localStorage: localStorage.length,
            sessionStorage: sessionStorage.length,
            indexedDB: (await indexedDB.databases()).length,
            cacheStorage: self.caches ? (await caches.keys()).length : 0,
        })"""
    )
    state["cookies"] = await context.cookies()
    stored = await context.storage_state()
    state["storageStateCookies"] = stored["cookies"]
    state["storageStateOrigins"] = [o for o in stored["origins"] if o.get("localStorage")]
    return state


NOTHING_STORED = {
    "documentCookie": "",
    "localStorage": 0,
    "sessionStorage": 0,
    "indexedDB": 0,
    "cacheStorage": 0,
    "cookies": [],
    "storageStateCookies": [],
    "storageStateOrigins": [],
}


def without_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


async def test_nothing_loads_before_opening_and_nothing_is_stored(
    page: Page,
    context: BrowserContext,
    chat_server: RunningServer,
    host_pages: HostPages,
    provider: FakeProvider,
) -> None:
    requests: list[str] = []
    sockets: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("websocket", lambda ws: sockets.append(ws.url))
    widget = Widget(page)
    url = host_pages.url(chat_server.origin)

    await widget.load(url)
    # Anything the loader might fetch on its own (a prefetch, a config call) would start now.
    await page.wait_for_load_state("networkidle")
    assert requests == [url, f"{chat_server.origin}/klarchat.js"], requests
    assert sockets == [], "no websocket before the visitor opens the chat"
    await expect(widget.kc("dialog")).to_have_count(0)
    await expect(widget.launcher).to_have_attribute("aria-expanded", "false")
    assert await client_state(page, context) == NOTHING_STORED
    await shot(page, "loader-closed")

    await widget.open()
    await eventually(lambda: len(sockets) == 1, "the websocket after opening")
    after_open = requests[2:]
    assert [without_query(u) for u in after_open] == [
        f"{chat_server.origin}/static/klarchat-ui.de.js"
    ], after_open
    assert without_query(sockets[0]) == chat_server.ws_url

    # A full chat: consent to both purposes, a message with personal data, an answer.
    provider.reply_text = "Gern geschehen."
    await widget.accept("ai_chat", "transcript")
    await widget.send("Ich bin Jonas Becker, jonas.becker@example.org. Haben Sie Ersatzschläuche?")
    await widget.answer("Gern geschehen.")
    # Closing and reopening reuses the UI and the connection.
    await widget.kc("close").click()
    await expect(widget.kc("dialog")).to_be_hidden()
    await widget.launcher.click()
    await expect(widget.kc("dialog")).to_be_visible()

    assert len(sockets) == 1, f"exactly one websocket for the whole chat, got {sockets}"
    assert requests[3:] == [], f"nothing fetched after the UI bundle: {requests[3:]}"
    # With `transcript` consent (persist: true) the one exception: the resume token in this
    # tab's sessionStorage (see test_persist_resume.py); nothing else, anywhere.
    assert await client_state(page, context) == {**NOTHING_STORED, "sessionStorage": 1}
    assert await page.evaluate("Object.keys(sessionStorage)") == [
        f"klarchat:session:{chat_server.origin}"
    ]
    await shot(page, "loader-after-chat")
