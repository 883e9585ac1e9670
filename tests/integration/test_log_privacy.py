"""No log line carries an IP address, at any level: a server at `debug` with JSON logs is
driven through handshakes, a refused origin, bad frames, a chat, a provider failure, the
rate limit and a connection cap; every log record is one JSON object, and none holds the
client's address or the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.chat_client import ChatClient
from tests.support.configs import with_provider
from tests.support.fake_provider import FakeProvider
from tests.support.server import make_server

SECRET = "Ich bin Walburga Zinnkraut, walburga@example.org"


async def test_debug_json_logs_hold_no_address_and_no_text(
    tmp_path: Path, provider: FakeProvider
) -> None:
    server = make_server(
        tmp_path,
        with_provider(
            provider,
            log_level="debug",
            log_format="json",
            limits={"messages_per_minute": 3, "max_connections_per_address": 2},
        ),
    )
    server.start()
    try:
        chat = await ChatClient.open(server.ws_url, origin=server.origin)
        await chat.hello("de")
        await chat.consent(ai_chat=True)
        await chat.ask(SECRET, "m1")
        await chat.send("{broken")
        await chat.expect("error")
        provider.status = 500
        await chat.ask("Noch eine Frage", "m2")
        provider.status = 200
        await chat.ask("Und noch eine", "m3")
        limited = await chat.ask(SECRET, "m4")
        assert limited[-1]["code"] == "rate_limited"
        second = await ChatClient.open(server.ws_url, origin=server.origin)
        third = await ChatClient.open(server.ws_url, origin=server.origin)
        with pytest.raises(ConnectionClosed):
            await third.recv(timeout=5)
        await second.close()
        await chat.close()
        refused = await ChatClient.open(server.ws_url, origin="http://203.0.113.9:8080")
        with pytest.raises(ConnectionClosed):
            await refused.recv(timeout=5)
    finally:
        server.stop()
    records = [line for line in server.logs().splitlines() if line.startswith("{")]
    assert len(records) > 5, server.logs()
    for line in records:
        record = json.loads(line)
        assert {"time", "level", "logger", "message"} <= set(record)
        assert "127.0.0.1" not in line and "203.0.113.9" not in line, line
        assert "Walburga" not in line and "walburga@" not in line, line
    assert any("[address]" in line for line in records), "uvicorn's handshake lines were seen"
