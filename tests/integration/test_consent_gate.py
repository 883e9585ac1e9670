"""The server, not the widget, enforces consent: nothing is processed without it."""

from __future__ import annotations

import asyncio

from tests.support.chat_client import ChatClient, ai_done, answer_text
from tests.support.fake_provider import FakeProvider
from tests.support.server import RunningServer


async def test_message_before_consent_never_reaches_the_provider(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    before = len(provider.requests)
    chat = await ChatClient.open(openai_server.ws_url)
    welcome = await chat.hello("de")
    assert welcome["consent"]["ai_chat"] == {"state": "none", "current": False}

    frames = await chat.ask("Ich bin Anna Schmidt, anna.schmidt@example.org", "m1")
    assert frames == [
        {
            "type": "consent_required",
            "id": "m1",
            "purposes": ["ai_chat"],
            "policy_version": welcome["policy_version"],
        }
    ]

    recorded = await chat.consent(ai_chat=False, transcript=False)
    assert {e["action"] for e in recorded["events"]} == {"declined"}
    frames = await chat.ask("Hallo, ich bin Anna Schmidt", "m2")
    assert frames[-1]["type"] == "consent_required"
    await asyncio.sleep(0.3)
    assert len(provider.requests) == before

    await chat.consent(ai_chat=True)
    provider.reply_text = "Gern, <PERSON_1>!"
    frames = await chat.ask("Ich bin Anna Schmidt, meine Mail ist anna.schmidt@example.org", "m3")
    await chat.close()

    assert frames[0] == {
        "type": "redacted",
        "id": "m3",
        "entities": {"EMAIL_ADDRESS": 1, "PERSON": 1},
        "categories": [],
        "seq": 1,
    }
    assert frames[-1] == ai_done("m3", "complete", chat.welcome)
    assert answer_text(frames) == "Gern, Anna Schmidt!"
    assert len(provider.requests) == before + 1
    sent = provider.requests[-1]["messages"][-1]
    assert sent == {
        "role": "user",
        "content": "Ich bin <PERSON_1>, meine Mail ist <EMAIL_ADDRESS_1>",
    }


async def test_pseudonyms_are_stable_across_turns(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("en")
    await chat.consent(ai_chat=True)
    await chat.ask("My email is jo.miller@example.com", "a")
    await chat.ask("Jane Doe here. Again: jo.miller@example.com, or jane@example.net", "b")
    await chat.close()

    last_user = provider.requests[-1]["messages"][-1]["content"]
    assert "<EMAIL_ADDRESS_1>" in last_user
    assert "<EMAIL_ADDRESS_2>" in last_user
    assert last_user.count("<EMAIL_ADDRESS_1>") == 1
    history = [m["content"] for m in provider.requests[-1]["messages"]]
    assert history[1] == "My email is <EMAIL_ADDRESS_1>"


async def test_resume_keeps_consent_and_pseudonyms(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    first = await ChatClient.open(openai_server.ws_url)
    welcome = await first.hello("de")
    await first.consent(ai_chat=True)
    await first.ask("Schreiben Sie an lena.vogel@example.de", "r1")
    await first.close()

    second = await ChatClient.open(openai_server.ws_url)
    resumed = await second.hello("de", resume=welcome["session"])
    assert resumed["resumed"] is True
    assert resumed["consent"]["ai_chat"] == {"state": "given", "current": True}
    provider.reply_text = "Ich schreibe an <EMAIL_ADDRESS_1>."
    frames = await second.ask("Und nochmal an lena.vogel@example.de bitte", "r2")
    await second.close()
    assert answer_text(frames) == "Ich schreibe an lena.vogel@example.de."
    assert provider.requests[-1]["messages"][-1]["content"].endswith("<EMAIL_ADDRESS_1> bitte")


async def test_consent_for_an_old_policy_version_is_refused(openai_server: RunningServer) -> None:
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("de")
    await chat.send({"type": "consent", "policy_version": "0000", "choices": {"ai_chat": True}})
    error = await chat.expect("error")
    assert error["code"] == "stale_policy"
    frames = await chat.ask("Hallo", "x")
    await chat.close()
    assert frames[-1]["type"] == "consent_required"
