"""Withdrawal takes effect at once: a streaming answer stops, nothing more is processed."""

from __future__ import annotations

import asyncio
import sqlite3

from tests.support.chat_client import ChatClient, ai_done
from tests.support.fake_provider import FakeProvider
from tests.support.server import RunningServer


async def test_withdrawal_stops_a_streaming_answer(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    provider.reply_text = "Eine sehr lange Antwort. " * 40
    provider.chunk_chars = 10
    provider.delay_s = 0.05
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("de")
    await chat.consent(ai_chat=True)
    before_requests, before_disconnects = len(provider.requests), provider.disconnects

    await chat.send({"type": "message", "id": "long", "text": "Erzähl mir etwas"})
    assert (await chat.expect("redacted"))["id"] == "long"
    first = await chat.expect("delta")
    assert first["id"] == "long"

    await chat.send({"type": "withdraw", "purposes": ["ai_chat"]})
    frames = [await chat.recv()]
    while frames[-1]["type"] == "delta":
        frames.append(await chat.recv())
    assert frames[-1] == ai_done("long", "cancelled", chat.welcome)
    recorded = await chat.expect("consent_recorded")
    assert [(e["purpose"], e["action"]) for e in recorded["events"]] == [("ai_chat", "withdrawn")]
    assert recorded["consent"]["ai_chat"] == {"state": "withdrawn", "current": False}
    streamed = "".join(f["text"] for f in [first, *frames] if f["type"] == "delta")
    assert len(streamed) < len(provider.reply_text) / 2

    for _ in range(50):
        if provider.disconnects > before_disconnects:
            break
        await asyncio.sleep(0.1)
    assert provider.disconnects == before_disconnects + 1, "the provider stream was not closed"

    frames = await chat.ask("Noch eine Frage an die KI", "after")
    assert frames == [
        {
            "type": "consent_required",
            "id": "after",
            "purposes": ["ai_chat"],
            "policy_version": chat.welcome["policy_version"],
        }
    ]
    await chat.send({"type": "ping", "id": "p"})
    assert await chat.expect("pong") == {"type": "pong", "id": "p"}
    await chat.close()
    await asyncio.sleep(0.5)
    assert len(provider.requests) == before_requests + 1


async def test_withdrawing_transcript_deletes_it(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("de")
    await chat.consent(ai_chat=True, transcript=True)
    await chat.ask("Wann liefern Sie?", "t1")
    database = sqlite3.connect(openai_server.database)
    count = "SELECT COUNT(*) FROM messages"
    before = database.execute(count).fetchone()[0]
    assert before >= 2

    recorded = await chat.consent(ai_chat=True, transcript=False)
    actions = {e["purpose"]: e["action"] for e in recorded["events"]}
    assert actions == {"ai_chat": "given", "transcript": "withdrawn"}
    assert database.execute(count).fetchone()[0] == before - 2

    frames = await chat.ask("Und die Rücksendung?", "t2")
    assert frames[-1]["type"] == "done"
    assert database.execute(count).fetchone()[0] == before - 2, "stored after withdrawal"
    await chat.close()


async def test_withdraw_all_and_nothing_to_withdraw(openai_server: RunningServer) -> None:
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("en")
    await chat.send({"type": "withdraw", "purposes": ["ai_chat"]})
    assert (await chat.expect("error"))["code"] == "not_given"
    await chat.send({"type": "withdraw", "purposes": "all"})
    assert (await chat.expect("error"))["code"] == "not_given", "a receipt for zero events"
    await chat.consent(ai_chat=True, transcript=True)
    await chat.send({"type": "withdraw", "purposes": "all"})
    recorded = await chat.expect("consent_recorded")
    assert sorted(e["purpose"] for e in recorded["events"]) == ["ai_chat", "transcript"]
    assert {e["action"] for e in recorded["events"]} == {"withdrawn"}
    await chat.close()
