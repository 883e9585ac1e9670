"""A provider that fails or hangs becomes an `error` frame; the chat goes on."""

from __future__ import annotations

import sqlite3

from tests.support.chat_client import ChatClient, answer_text
from tests.support.fake_provider import FakeProvider
from tests.support.server import RunningServer


async def test_provider_error_and_timeout_reach_the_user(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("de")
    await chat.consent(ai_chat=True)

    provider.status = 500
    frames = await chat.ask("Hallo?", "e1")
    assert frames[-1]["type"] == "error" and frames[-1]["code"] == "provider_error"
    assert frames[-1]["id"] == "e1"

    provider.status, provider.hang_s = 200, 6
    frames = await chat.ask("Hallo??", "e2")
    assert frames[-1]["code"] == "provider_timeout"

    provider.hang_s = 0
    provider.reply_text = "Wieder da."
    frames = await chat.ask("Hallo!", "e3")
    assert answer_text(frames) == "Wieder da."
    await chat.close()

    audit = (
        sqlite3.connect(openai_server.database)
        .execute("SELECT message_id, adapter, model, outcome, error_code FROM audit ORDER BY id")
        .fetchall()
    )
    assert audit[-3:] == [
        ("e1", "openai", "test-model", "error", "provider_error"),
        ("e2", "openai", "test-model", "error", "provider_timeout"),
        ("e3", "openai", "test-model", "complete", ""),
    ]


async def test_api_key_is_sent_as_bearer(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("en")
    await chat.consent(ai_chat=True)
    await chat.ask("hello", "k")
    await chat.close()
    assert provider.headers[-1]["authorization"] == "Bearer sk-test"
    assert provider.requests[-1]["stream"] is True
    assert provider.requests[-1]["model"] == "test-model"
    assert provider.requests[-1]["messages"][0]["role"] == "system"
