"""The registry of live conversations: found after `hello`, reachable with a frame,
observable through its events (which never carry the text), gone when its socket closes."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from klarchat.events import (
    AnswerFinished,
    AnswerStarted,
    ConsentDecided,
    ConversationChanged,
    Event,
    MessageRedacted,
)
from klarchat.protocol import Pong
from tests.support.harness import Connection, ShiftedClock, make_services

SECRET_TEXT = "Mein Geheimnis ist Tangofeuer"


async def test_a_conversation_is_found_sent_to_and_observed(tmp_path: Path) -> None:
    services = await make_services(tmp_path, ShiftedClock())
    chat, other = Connection(services), Connection(services)
    welcome = await chat.hello()
    await other.hello()
    conversation = services.identities.conversation(welcome["session"])
    assert len(services.live) == 2

    seen: list[Event] = []

    async def listen(event: Event) -> None:
        seen.append(event)

    unsubscribe = services.live.subscribe(conversation, listen)
    assert await services.live.send(conversation, Pong(id="from-console")) is True
    assert await chat.expect("pong") == {"type": "pong", "id": "from-console"}

    await other.consent(ai_chat=True)
    await chat.consent(ai_chat=True)
    frames = await chat.ask(SECRET_TEXT, "m1")
    assert frames[-1]["type"] == "done"
    unsubscribe()
    await chat.ask("after unsubscribing", "m2")

    assert [type(e) for e in seen] == [
        ConsentDecided,
        MessageRedacted,
        ConversationChanged,
        AnswerStarted,
        AnswerFinished,
        ConversationChanged,
    ]
    assert {e.conversation for e in seen} == {conversation}
    finished = seen[-2]
    assert isinstance(finished, AnswerFinished)
    assert (finished.message_id, finished.outcome, finished.responder) == ("m1", "complete", "echo")
    assert all("Tangofeuer" not in repr(asdict(e)) for e in seen)

    await chat.close()
    assert services.live.find(conversation) is None
    assert await services.live.send(conversation, Pong()) is False
    await other.close()
    await services.stop()
