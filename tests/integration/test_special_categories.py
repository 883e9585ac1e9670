"""Special categories (GDPR Art. 9): per category the config redacts, blocks or notes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest

from tests.integration.conftest import database_bytes
from tests.support.chat_client import ChatClient
from tests.support.fake_provider import FakeProvider
from tests.support.server import RunningServer, make_server


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider
) -> Iterator[RunningServer]:
    running = make_server(
        tmp_path_factory.mktemp("special-categories"),
        {
            "adapter": "openai",
            "adapters": {"openai": {"base_url": provider.base_url, "model": "m"}},
            "privacy": {"special_categories": {"health": "block", "religion": "note"}},
        },
    ).start()
    yield running
    running.stop()


async def _chat(server: RunningServer) -> ChatClient:
    chat = await ChatClient.open(server.ws_url, origin=server.origin)
    await chat.hello("de")
    await chat.consent(ai_chat=True, transcript=True)
    return chat


def _sent_to_provider(provider: FakeProvider) -> str:
    return "\n".join(json.dumps(body, ensure_ascii=False) for body in provider.requests)


async def test_a_blocked_category_stops_the_message_before_the_provider(
    server: RunningServer, provider: FakeProvider
) -> None:
    before = len(provider.requests)
    chat = await _chat(server)
    frames = await chat.ask("Ich habe Diabetes, welche Produkte sind zuckerfrei?", "b1")
    assert [f["type"] for f in frames] == ["error"]
    error = frames[0]
    assert error["code"] == "special_category" and error["id"] == "b1"
    assert "nicht verarbeitet" in error["message"]
    assert error["categories"] == [{"category": "health", "action": "block", "words": ["Diabetes"]}]

    after = await chat.ask("Welche Produkte sind zuckerfrei?", "b2")
    assert after[-1]["type"] == "done", "the chat goes on after a blocked message"
    await chat.close()
    provider.wait_for_requests(before + 1)
    assert len(provider.requests) == before + 1
    assert "Diabetes" not in _sent_to_provider(provider)
    assert b"Diabetes" not in database_bytes(server)
    with sqlite3.connect(server.database) as db:
        outcome, entities = db.execute(
            "SELECT outcome, entities FROM audit WHERE message_id = 'b1'"
        ).fetchone()
    assert outcome == "blocked" and json.loads(entities) == {"HEALTH": 1}


async def test_a_noted_category_passes_and_the_visitor_is_told(
    server: RunningServer, provider: FakeProvider
) -> None:
    chat = await _chat(server)
    frames = await chat.ask("Als Muslimin esse ich kein Schweinefleisch. Ist das Gericht halal?")
    await chat.close()
    redacted = frames[0]
    assert redacted["type"] == "redacted"
    assert redacted["categories"] == [
        {"category": "religion", "action": "note", "words": ["Muslimin"]}
    ]
    assert frames[-1]["type"] == "done"
    assert "Als Muslimin esse ich" in _sent_to_provider(provider)


async def test_other_categories_are_redacted_by_default(
    server: RunningServer, provider: FakeProvider
) -> None:
    chat = await _chat(server)
    frames = await chat.ask("Mein Mann und ich sind schwul. Gibt es Doppelbetten?")
    await chat.close()
    redacted = frames[0]
    found = {c["category"]: c for c in redacted["categories"]}
    assert found["sexual_orientation"]["action"] == "redact"
    assert frames[-1]["type"] == "done"
    sent = _sent_to_provider(provider)
    assert "schwul" not in sent and "<SEXUAL_ORIENTATION_1>" in sent
    assert b"schwul" not in database_bytes(server)
