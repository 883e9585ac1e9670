"""A dropped connection: the widget says so, reconnects with backoff and loses no typed text.

Two variants, both deterministic:
- the network drops (a relay between browser and server cuts every connection and refuses
  new ones for a while) and the server keeps the session: the widget resumes it with its
  in-memory token, and consent, pseudonyms and history carry on;
- the server restarts: the session is in the database, so the widget resumes it too, with
  consent and pseudonyms, and the text typed before the drop is still in the textarea.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.async_api import Page, WebSocket, expect

from tests.browser.conftest import Widget, chat_config, eventually, shot
from tests.browser.tcp_proxy import TcpProxy
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser

TYPED = "Eine Frage, die noch nicht gesendet ist"


def record_frames(page: Page) -> list[tuple[str, dict[str, Any]]]:
    """("sent"|"received", frame) for every frame on every websocket of the page."""
    frames: list[tuple[str, dict[str, Any]]] = []

    def on_socket(ws: WebSocket) -> None:
        ws.on("framesent", lambda payload: frames.append(("sent", json.loads(payload))))
        ws.on("framereceived", lambda payload: frames.append(("received", json.loads(payload))))

    page.on("websocket", on_socket)
    return frames


@pytest.fixture
def proxy(chat_server: RunningServer) -> Iterator[TcpProxy]:
    with TcpProxy(chat_server.port) as relay:
        yield relay


async def test_network_drop_resumes_the_session_and_keeps_the_typed_text(
    page: Page, proxy: TcpProxy, host_pages: HostPages, provider: FakeProvider
) -> None:
    frames = record_frames(page)
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    provider.reply_text = "Hallo <PERSON_1>, wie kann ich helfen?"
    widget = Widget(page)
    await widget.load(host_pages.url(proxy.origin))
    await widget.open()
    await widget.accept("ai_chat")
    await widget.send("Mein Name ist Anna Schmidt.")
    await widget.answer("Hallo Anna Schmidt, wie kann ich helfen?")
    await widget.input.fill(TYPED)

    status = widget.kc("status")
    await expect(status).to_contain_text("Hallo Anna Schmidt")
    proxy.refusing = True
    proxy.drop()
    connection = widget.kc("connection")
    await expect(connection).to_be_visible()
    await expect(connection).not_to_be_empty()
    # The live region tells screen-reader users about the drop (not the old answer again).
    await expect(status).not_to_contain_text("Hallo Anna Schmidt")
    await expect(status).not_to_be_empty()
    dropped_notice = await status.text_content()
    await expect(widget.input).to_have_value(TYPED)
    await shot(page, "reconnect-waiting")
    # Backoff, not a busy loop: three refused attempts take at least ~1.5 s (0.5 + 1 s
    # before jitter); without backoff they would come within milliseconds.
    await eventually(lambda: len(proxy.refused_at) >= 3, "three reconnect attempts", 15)
    span = proxy.refused_at[2] - proxy.refused_at[0]
    assert span > 0.7, f"reconnect attempts too fast for a backoff: {proxy.refused_at}"

    proxy.refusing = False
    await expect(connection).to_be_hidden(timeout=20_000)
    await expect(status).not_to_have_text(dropped_notice or "")  # and about the recovery
    await eventually(lambda: len(sockets) >= 2, "a second websocket")
    first_welcome = next(f for d, f in frames if d == "received" and f["type"] == "welcome")
    hellos = [f for d, f in frames if d == "sent" and f["type"] == "hello"]
    assert hellos[-1].get("resume") == first_welcome["session"], hellos
    welcomes = [f for d, f in frames if d == "received" and f["type"] == "welcome"]
    assert welcomes[-1]["resumed"] is True, welcomes[-1]

    # Consent is still current and the typed text is still there.
    await expect(widget.input).to_be_enabled()
    await expect(widget.input).to_have_value(TYPED)
    await expect(widget.kc("withdraw")).to_be_visible()
    await expect(widget.kc("consent")).to_be_hidden()
    await shot(page, "reconnect-resumed")
    # The server-side session carried over: the earlier name is still restored.
    provider.reply_text = "Gern, <PERSON_1>."
    await widget.kc("send").click()
    await widget.answer("Gern, Anna Schmidt.")
    await expect(widget.input).to_have_value("")


@pytest.fixture
def restartable(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider, host_pages: HostPages
) -> Iterator[RunningServer]:
    server = make_server(
        tmp_path_factory.mktemp("browser-restart"), chat_config(provider, host_pages)
    ).start()
    yield server
    server.stop()


async def test_a_restarted_server_resumes_the_session_and_keeps_the_typed_text(
    page: Page, restartable: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    provider.reply_text = "Gern geschehen, <PERSON_1>."
    widget = Widget(page)
    await widget.load(host_pages.url(restartable.origin))
    await widget.open()
    await widget.accept("ai_chat")
    await widget.send("Ich bin Anna Schmidt. Haben Sie Ersatzteile?")
    await widget.answer("Gern geschehen, Anna Schmidt.")
    await widget.input.fill(TYPED)

    await asyncio.to_thread(restartable.stop)
    connection = widget.kc("connection")
    await expect(connection).to_be_visible()
    await expect(widget.input).to_have_value(TYPED)
    await shot(page, "restart-waiting")

    await asyncio.to_thread(restartable.start)
    await expect(connection).to_be_hidden(timeout=20_000)
    # The session is in the database, its pseudonyms sealed with the widget's token: the
    # restarted server resumes it, consent read from the ledger, no new consent step.
    await expect(widget.input).to_be_enabled()
    await expect(widget.input).to_have_value(TYPED)
    await expect(widget.kc("consent")).to_be_hidden()
    await shot(page, "restart-resumed")
    provider.reply_text = "Bis bald, <PERSON_1>."
    await widget.kc("send").click()
    await expect(widget.kc("message-user").last).to_contain_text(TYPED)
    await widget.answer("Bis bald, Anna Schmidt.")
