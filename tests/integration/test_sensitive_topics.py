"""Sensitive topics go to a person, not to the AI (`handoff.offer_for_categories`,
`handoff.offer_for_topics`): with staff online the visitor is asked for `human_support`,
without, or with handoff off, offered the contact channels; the provider gets nothing and
the audit row records the outcome without content."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from tests.support.chat_client import ChatClient
from tests.support.fake_provider import FakeProvider
from tests.support.operators import create_user, operator
from tests.support.server import RunningServer, make_server

CONTACT = {"email": "praxis@example.org"}


def config(provider: FakeProvider, **handoff: object) -> dict[str, object]:
    return {
        "adapter": "openai",
        "adapters": {"openai": {"base_url": provider.base_url, "model": "m", "api_key": "k"}},
        "consent": {
            "purposes": {
                "ai_chat": {
                    "required": True,
                    "title": {"de": "Chat", "en": "Chat"},
                    "text": {"de": "Ich willige ein.", "en": "I agree."},
                    "recipients": [
                        {"name": "Stand-in", "role": "Auftragsverarbeiter", "country": "DE"}
                    ],
                },
                "human_support": {
                    "ask": "handoff",
                    "title": {"de": "Mensch", "en": "Person"},
                    "text": {"de": "Eine Mitarbeiterin liest mit.", "en": "Staff read along."},
                },
            }
        },
        "handoff": {
            "offer_for_categories": ["health"],
            "offer_for_topics": ["Kredit", "Geldanlage"],
            "contact": CONTACT,
            **handoff,
        },
    }


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider
) -> Iterator[RunningServer]:
    running = make_server(tmp_path_factory.mktemp("sensitive"), config(provider))
    running.start()
    assert create_user(running, "anna", display_name="Anna").returncode == 0
    yield running
    running.stop()


async def chat_with_consent(server: RunningServer) -> ChatClient:
    chat = await ChatClient.open(server.ws_url)
    await chat.hello("de")
    await chat.consent(ai_chat=True)
    return chat


def audit_outcomes(server: RunningServer) -> list[tuple[str, str]]:
    db = sqlite3.connect(server.database)
    try:
        return db.execute("SELECT outcome, entities FROM audit ORDER BY id").fetchall()
    finally:
        db.close()


async def test_a_health_question_offers_the_channels_when_nobody_is_online(
    server: RunningServer, provider: FakeProvider
) -> None:
    asked = len(provider.requests)
    chat = await chat_with_consent(server)
    frames = await chat.ask("Ich habe Diabetes, was darf ich bei Ihnen bestellen?", "h1")
    assert frames[-1]["type"] == "done"
    assert frames[-1]["outcome"] == "handoff"
    assert frames[-1]["ai"] is False
    offer = await chat.expect("handoff")
    assert offer == {
        "type": "handoff",
        "state": "unavailable",
        "reason": "nobody_online",
        "contact": CONTACT,
    }
    assert len(provider.requests) == asked
    outcome, entities = audit_outcomes(server)[-1]
    assert outcome == "sensitive"
    assert "Diabetes" not in entities
    await chat.close()


async def test_a_topic_word_asks_for_human_support_when_staff_are_online(
    server: RunningServer, provider: FakeProvider
) -> None:
    async with operator(server, "anna") as op:
        await op.available()
        asked = len(provider.requests)
        chat = await chat_with_consent(server)
        frames = await chat.ask("Können Sie mir einen Kredit für die Küche empfehlen?", "k1")
        assert frames[-1]["outcome"] == "handoff"
        assert await chat.expect("handoff") == {
            "type": "handoff",
            "state": "consent",
            "reason": "sensitive",
        }
        assert len(provider.requests) == asked
        frames = await chat.ask("Wie lange dauert der Versand?", "k2")
        assert frames[-1]["outcome"] == "handoff", (
            "the conversation waits for the answer to the offer"
        )
        await chat.close()


async def test_an_ordinary_question_still_goes_to_the_ai(
    server: RunningServer, provider: FakeProvider
) -> None:
    asked = len(provider.requests)
    chat = await chat_with_consent(server)
    frames = await chat.ask("Wie lange dauert der Versand nach Österreich?", "o1")
    assert frames[-1]["ai"] is True
    assert len(provider.requests) == asked + 1
    await chat.close()


async def test_without_handoff_a_sensitive_question_gets_the_channels(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider
) -> None:
    running = make_server(tmp_path_factory.mktemp("no-handoff"), config(provider, enabled=False))
    running.start()
    try:
        chat = await chat_with_consent(running)
        assert chat.welcome["handoff"] is False
        frames = await chat.ask("Ich möchte über Geldanlage sprechen.", "g1")
        assert frames[-1]["outcome"] == "handoff"
        offer = await chat.expect("handoff")
        assert offer["state"] == "unavailable"
        assert offer["reason"] == "disabled"
        frames = await chat.ask("Ich möchte mit einem Mitarbeiter sprechen", "g2")
        assert frames[-1]["ai"] is True, "without handoff the phrases do not divert the chat"
        await chat.close()
    finally:
        running.stop()
