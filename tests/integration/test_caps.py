"""The caps hold over real sockets: a fourth socket from one address is closed with 1013
naming the cap, handshakes per minute likewise, and a hello beyond `limits.max_sessions`
gets `server_busy` while the socket stays open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.chat_client import ChatClient
from tests.support.server import RunningServer, make_server


@pytest.fixture(scope="module")
def capped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = make_server(
        tmp_path_factory.mktemp("caps"),
        {
            "adapter": "echo",
            "limits": {
                "max_connections_per_address": 3,
                "handshakes_per_address_per_minute": 8,
                "max_sessions": 2,
            },
        },
    ).start()
    yield server
    server.stop()


async def closed_with(chat: ChatClient) -> tuple[int, str] | None:
    """The close code and reason the server sent, or None if the socket stays open."""
    try:
        await chat.recv(timeout=2)
    except ConnectionClosed as closed:
        assert closed.rcvd is not None
        return closed.rcvd.code, closed.rcvd.reason
    except TimeoutError:
        return None
    raise AssertionError("a refused socket got a frame")


async def test_connection_and_session_caps(capped: RunningServer) -> None:
    chats = [await ChatClient.open(capped.ws_url) for _ in range(3)]
    fourth = await ChatClient.open(capped.ws_url)
    assert await closed_with(fourth) == (1013, "too_many_connections")

    await chats[0].hello("de")
    await chats[1].hello("de")
    await chats[2].send({"type": "hello", "lang": "de"})
    busy = await chats[2].expect("error")
    assert busy["code"] == "server_busy"
    await chats[2].send({"type": "ping", "id": "still-open"})
    assert (await chats[2].expect("pong"))["id"] == "still-open"
    for chat in chats:
        await chat.close()

    refused = None
    for _ in range(8):
        chat = await ChatClient.open(capped.ws_url)
        refused = await closed_with(chat)
        await chat.close()
        if refused is not None:
            break
    assert refused == (1013, "too_many_handshakes")
