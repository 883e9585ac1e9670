"""Keeping the conversation across a page reload, only with the visitor's `transcript` consent.

The widget keeps the session token in `sessionStorage` (this tab only) while, and only
while, the server's latest `persist` is true. Without it nothing is written and a reload
starts afresh; with it a reload resumes the session (no consent step, a "resumed" note
above the redrawn conversation, the assistant still knows the earlier context);
withdrawal or erasure removes the key.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.async_api import Page, WebSocket, expect

from tests.browser.conftest import Widget, eventually, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser


class Frames:
    """Every websocket frame of the page (across reloads), sent and received."""

    def __init__(self, page: Page) -> None:
        self.sent: list[dict[str, Any]] = []
        self.received: list[dict[str, Any]] = []
        self.sockets: list[str] = []

        def on_socket(ws: WebSocket) -> None:
            self.sockets.append(ws.url)
            ws.on("framesent", lambda payload: self.sent.append(json.loads(payload)))
            ws.on("framereceived", lambda payload: self.received.append(json.loads(payload)))

        page.on("websocket", on_socket)

    def of(self, frame_type: str, sent: bool = False) -> list[dict[str, Any]]:
        return [f for f in (self.sent if sent else self.received) if f["type"] == frame_type]


async def session_storage(page: Page) -> dict[str, str]:
    return await page.evaluate(
        "() => Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]))"
    )


async def local_state(page: Page) -> dict[str, object]:
    return await page.evaluate(
        """() => ({cookie: document.cookie, localStorage: localStorage.length})"""
    )


def key(server: RunningServer) -> str:
    return f"klarchat:session:{server.origin}"


async def test_without_transcript_consent_nothing_is_stored_and_a_reload_asks_again(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    frames = Frames(page)
    provider.reply_text = "Gern geschehen."
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat")
    await widget.send("Haben Sie Ersatzschläuche?")
    await widget.answer("Gern geschehen.")
    assert frames.of("consent_recorded")[-1]["persist"] is False
    assert await session_storage(page) == {}
    assert await local_state(page) == {"cookie": "", "localStorage": 0}

    await page.reload()
    await expect(widget.launcher).to_be_visible()
    assert await session_storage(page) == {}
    await widget.open()
    await expect(widget.kc("consent")).to_be_visible()
    await expect(widget.purpose("ai_chat")).not_to_be_checked()
    await expect(widget.input).to_be_disabled()
    await expect(widget.kc("resumed")).to_have_count(0)
    assert "resume" not in frames.of("hello", sent=True)[-1]
    assert frames.of("welcome")[-1]["resumed"] is False
    assert await session_storage(page) == {}


async def test_with_transcript_consent_a_reload_resumes_until_consent_is_withdrawn(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    frames = Frames(page)
    provider.reply_text = "Hallo <PERSON_1>, wie kann ich helfen?"
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat", "transcript")
    await widget.send("Mein Name ist Anna Schmidt.")
    await widget.answer("Hallo Anna Schmidt, wie kann ich helfen?")
    token = frames.of("welcome")[-1]["session"]
    assert frames.of("consent_recorded")[-1]["persist"] is True
    assert await session_storage(page) == {key(chat_server): token}
    assert await local_state(page) == {"cookie": "", "localStorage": 0}

    await page.reload()
    await expect(widget.launcher).to_be_visible()
    await page.wait_for_load_state("networkidle")
    assert len(frames.sockets) == 1, "no websocket before the visitor opens the chat again"
    await widget.open()
    await eventually(lambda: len(frames.of("welcome")) >= 2, "the second welcome")
    assert frames.of("hello", sent=True)[-1].get("resume") == token
    assert frames.of("welcome")[-1]["resumed"] is True
    assert frames.of("welcome")[-1]["persist"] is True
    # Consent is current: no consent step; the note, then the conversation redrawn.
    await expect(widget.kc("resumed")).to_be_visible()
    await expect(widget.kc("resumed")).to_contain_text("Unterhaltung fortgesetzt")
    await expect(widget.kc("consent")).to_be_hidden()
    await expect(widget.input).to_be_enabled()
    await expect(widget.kc("withdraw")).to_be_visible()
    await expect(widget.kc("message-user")).to_have_text(["Mein Name ist Anna Schmidt."])
    await widget.answer("Hallo Anna Schmidt, wie kann ich helfen?")
    await shot(page, "persist-resumed")
    # The server-side session carried over: the earlier name is still restored.
    provider.reply_text = "Gern, <PERSON_1>."
    await widget.send("Danke!")
    await widget.answer("Gern, Anna Schmidt.")
    assert await session_storage(page) == {key(chat_server): token}

    # Withdrawal: persist turns false and the key goes at once.
    await widget.kc("withdraw").click()
    await expect(widget.kc("withdrawn")).to_be_visible()
    assert frames.of("consent_recorded")[-1]["persist"] is False
    assert await session_storage(page) == {}

    await page.reload()
    await widget.open()
    await expect(widget.kc("consent")).to_be_visible()
    await expect(widget.kc("resumed")).to_have_count(0)
    assert "resume" not in frames.of("hello", sent=True)[-1]
    assert await session_storage(page) == {}


async def test_erasure_removes_the_stored_token(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    frames = Frames(page)
    provider.reply_text = "Gern geschehen."
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat", "transcript")
    await widget.send("Haben Sie Ersatzschläuche?")
    await widget.answer("Gern geschehen.")
    assert await session_storage(page) == {key(chat_server): frames.of("welcome")[-1]["session"]}

    await widget.kc("rights-toggle").click()
    await widget.kc("erase").click()
    await widget.kc("erase-yes").click()
    await expect(widget.kc("erased")).to_be_visible()
    assert await session_storage(page) == {}


@pytest.mark.parametrize("stored", ["x" * 43, "not a token"], ids=["unknown", "malformed"])
async def test_a_stored_token_that_does_not_resume_is_dropped(
    page: Page, chat_server: RunningServer, host_pages: HostPages, stored: str
) -> None:
    """A token the server no longer knows (`resumed: false`) or a malformed one (never sent)."""
    frames = Frames(page)
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await page.evaluate("([k, v]) => sessionStorage.setItem(k, v)", [key(chat_server), stored])
    await widget.open()
    await eventually(lambda: bool(frames.of("welcome")), "welcome")
    hello = frames.of("hello", sent=True)[-1]
    if stored.isalnum():
        assert hello.get("resume") == stored
    else:
        assert "resume" not in hello
    assert frames.of("welcome")[-1]["resumed"] is False
    await expect(widget.kc("consent")).to_be_visible()
    await expect(widget.kc("resumed")).to_have_count(0)
    assert await session_storage(page) == {}
