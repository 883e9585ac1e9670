"""The handoff with the real server end to end: the visitor asks for a person in the widget,
gives (or refuses) the consent, and an operator, logged in through the JSON API of the
operator console (README, *Operator console and handoff to a person*), claims the
conversation, writes, and hands it back to the AI. While the person answers, the stand-in
LLM provider receives nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio
from playwright.async_api import Page, expect

from tests.browser.conftest import (
    DEFAULT_REPLY,
    Widget,
    actions,
    chat_config,
    eventually,
    ledger_head,
    ledger_since,
    shot,
)
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.operators import OperatorClient, create_user, operator
from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser

CONTACT = {
    "email": "hilfe@radladen.example",
    "phone": "+49 30 1234 567",
    "url": "https://radladen.example/kontakt",
    "hours": {"de": "Mo–Fr 9–17 Uhr", "en": "Mon–Fri 9am–5pm"},
}


@pytest.fixture(scope="module")
def handoff_server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider, host_pages: HostPages
) -> Iterator[RunningServer]:
    """A server of its own: an operator who is available here changes what others see."""
    config = {
        **chat_config(provider, host_pages),
        "handoff": {"contact": CONTACT, "offer_for_topics": ["Kündigung"]},
    }
    server = make_server(tmp_path_factory.mktemp("browser-handoff"), config)
    server.start()
    assert create_user(server, "anna", display_name="Anna").returncode == 0
    yield server
    server.stop()


@pytest_asyncio.fixture
async def anna(handoff_server: RunningServer) -> AsyncIterator[OperatorClient]:
    """Anna at the console, available: willing, with the live stream open."""
    async with operator(handoff_server, "anna") as client:
        await client.available()
        yield client
        await client.post("/admin/api/me/availability", {"available": False})


async def waiting_conversation(staff: OperatorClient) -> str:
    """The id of the one conversation that waits for a person."""
    found: list[str] = []
    for _ in range(100):
        listing = (await staff.get("/admin/api/conversations")).json()
        found = [c["id"] for c in listing["conversations"] if c["state"] == "waiting"]
        if len(found) == 1:
            return found[0]
        await asyncio.sleep(0.1)
    raise AssertionError(f"not one waiting conversation: {found}")


async def act(staff: OperatorClient, conversation: str, action: str, **body: Any) -> None:
    response = await staff.post(f"/admin/api/conversations/{conversation}/{action}", body)
    assert response.status_code == 200, f"{action}: {response.status_code} {response.text}"


async def chatting(page: Page, server: RunningServer, pages: HostPages) -> Widget:
    widget = Widget(page)
    await widget.load(pages.url(server.origin))
    await widget.open()
    await widget.accept("ai_chat")
    return widget


async def ask_for_a_person(widget: Widget) -> None:
    await widget.kc("handoff-request").click()
    await expect(widget.kc("handoff-consent")).to_be_visible()
    await expect(widget.kc("handoff-purpose")).not_to_be_checked()
    await expect(widget.kc("handoff-purpose")).to_be_focused()


async def expect_contact(widget: Widget) -> None:
    contact = widget.kc("handoff-event").last.locator('[data-kc="handoff-contact"]')
    await expect(contact.locator('[data-kc="contact-email"] a')).to_have_attribute(
        "href", "mailto:hilfe@radladen.example"
    )
    await expect(contact.locator('[data-kc="contact-phone"] a')).to_have_attribute(
        "href", "tel:+49301234567"
    )
    await expect(contact.locator('[data-kc="contact-url"] a')).to_have_attribute(
        "href", "https://radladen.example/kontakt"
    )
    await expect(contact.locator('[data-kc="contact-hours"]')).to_have_text(
        "Erreichbar: Mo–Fr 9–17 Uhr"
    )


async def test_declining_is_recorded_and_the_contact_channels_are_offered(
    page: Page, handoff_server: RunningServer, host_pages: HostPages, anna: OperatorClient
) -> None:
    widget = await chatting(page, handoff_server, host_pages)
    await ask_for_a_person(widget)
    seq = ledger_head(handoff_server)
    await widget.kc("handoff-decline").click()
    event = widget.kc("handoff-event").last
    await expect(event).to_have_attribute("data-state", "unavailable")
    await expect(event).to_contain_text("Ohne Ihre Einwilligung")
    await expect_contact(widget)
    assert actions(ledger_since(handoff_server, seq)) == {("human_support", "declined")}
    # The AI goes on.
    await widget.send("Haben Sie Lastenräder?")
    await widget.answer(DEFAULT_REPLY)
    await shot(page, "takeover-declined")


async def test_with_nobody_online_the_contact_channels_are_offered(
    page: Page, handoff_server: RunningServer, host_pages: HostPages
) -> None:
    widget = await chatting(page, handoff_server, host_pages)
    seq = ledger_head(handoff_server)
    # Nobody could read along: the server does not even ask for the consent.
    await widget.kc("handoff-request").click()
    event = widget.kc("handoff-event").last
    await expect(event).to_have_attribute("data-state", "unavailable")
    await expect(event).to_contain_text("Gerade ist leider niemand aus unserem Team erreichbar.")
    await expect_contact(widget)
    await expect(widget.kc("handoff-request")).to_be_visible()
    await expect(widget.kc("handoff-consent")).to_be_hidden()
    assert ledger_since(handoff_server, seq) == []
    await shot(page, "takeover-nobody-online")


async def test_a_phrase_in_a_message_asks_for_a_person(
    page: Page,
    handoff_server: RunningServer,
    host_pages: HostPages,
    provider: FakeProvider,
    anna: OperatorClient,
) -> None:
    widget = await chatting(page, handoff_server, host_pages)
    asked = len(provider.requests)
    await widget.send("Ich möchte bitte mit einem Mitarbeiter sprechen.")
    await expect(widget.kc("message-user")).to_have_text(
        "Ich möchte bitte mit einem Mitarbeiter sprechen."
    )
    await expect(widget.kc("handoff-consent")).to_be_visible()
    await expect(widget.kc("handoff-purpose")).to_be_focused()
    await expect(widget.kc("message-ai")).to_have_count(0)
    assert len(provider.requests) == asked
    # Cancel: recorded as declined; the AI answers on.
    await widget.kc("handoff-decline").click()
    await expect(widget.kc("handoff-event").last).to_contain_text("Ohne Ihre Einwilligung")


async def test_an_operator_takes_over_and_hands_back(
    page: Page,
    handoff_server: RunningServer,
    host_pages: HostPages,
    provider: FakeProvider,
    anna: OperatorClient,
) -> None:
    widget = await chatting(page, handoff_server, host_pages)
    disclosure = widget.kc("disclosure")
    ai_banner = await disclosure.text_content()
    await widget.send("Mein Rad quietscht.")
    await widget.answer(DEFAULT_REPLY)
    await expect(widget.kc("message-ai").locator('[data-kc="ai-label"]')).to_have_count(1)

    await ask_for_a_person(widget)
    await widget.kc("handoff-purpose").check()
    await widget.kc("handoff-continue").click()
    await expect(widget.kc("handoff-waiting")).to_contain_text("Sie werden mit einer Mitarbeiterin")
    await expect(widget.kc("handoff-cancel")).to_be_visible()
    await shot(page, "takeover-waiting")

    # From now on nothing goes to the provider: the visitor writes to the queue.
    asked = len(provider.requests)
    await widget.send("Es ist ein Hollandrad.")
    await expect(widget.kc("message-user").last).to_have_text("Es ist ein Hollandrad.")
    await expect(widget.input).to_have_value("")

    conversation = await waiting_conversation(anna)
    await act(anna, conversation, "claim")
    await expect(widget.kc("handoff-event").last).to_have_text(
        "Sie schreiben jetzt mit Anna vom Kundenservice."
    )
    await expect(disclosure).to_have_attribute("data-responder", "person")
    await expect(disclosure).to_contain_text("Sie schreiben mit Anna vom Kundenservice")
    await expect(widget.kc("title")).not_to_contain_text("KI")
    await expect(widget.kc("handoff-waiting")).to_be_hidden()
    await expect(widget.kc("handoff-request")).to_be_hidden()

    await act(anna, conversation, "messages", text="Hallo, hier ist Anna.")
    message = widget.kc("message-person").last
    await expect(message.locator('[data-kc="person-text"]')).to_have_text("Hallo, hier ist Anna.")
    await expect(message.locator('[data-kc="person-label"]')).to_have_text("Anna:")
    await expect(message.locator('[data-kc="ai-label"]')).to_have_count(0)
    await expect(widget.kc("status")).to_contain_text("Nachricht von Anna")

    await widget.send("Danke, wann kann ich vorbeikommen?")
    await expect(widget.kc("message-user").last).to_have_text("Danke, wann kann ich vorbeikommen?")
    await act(anna, conversation, "messages", text="Morgen ab 9 Uhr.")
    await expect(widget.kc("message-person").last).to_contain_text("Morgen ab 9 Uhr.")
    await shot(page, "takeover-human")
    await asyncio.sleep(0.5)  # a request the adapter should not make would have come by now
    assert len(provider.requests) == asked, "the AI was asked while a person answered"

    # Anna hands back: the AI answers again, with its label and banner.
    await act(anna, conversation, "release")
    await expect(widget.kc("handoff-event").last).to_have_text("Die KI antwortet wieder.")
    await expect(disclosure).to_have_attribute("data-responder", "ai")
    await expect(disclosure).to_have_text(ai_banner or "")
    await expect(widget.kc("title")).to_contain_text("KI-Assistent")
    await expect(widget.kc("handoff-request")).to_be_visible()
    provider.reply_text = "Die Werkstatt hat ab 9 Uhr geöffnet."
    await widget.send("Und wie lange dauert die Reparatur?")
    answer = await widget.answer("Die Werkstatt hat ab 9 Uhr geöffnet.")
    await expect(answer.locator('[data-kc="ai-label"]')).to_have_count(1)
    await eventually(lambda: len(provider.requests) == asked + 1, "one request after the hand-back")
    await shot(page, "takeover-released")


async def test_an_operator_closes_the_conversation(
    page: Page, handoff_server: RunningServer, host_pages: HostPages, anna: OperatorClient
) -> None:
    widget = await chatting(page, handoff_server, host_pages)
    await ask_for_a_person(widget)
    await widget.kc("handoff-purpose").check()
    await widget.kc("handoff-continue").click()
    await expect(widget.kc("handoff-waiting")).to_be_visible()
    conversation = await waiting_conversation(anna)
    await act(anna, conversation, "claim")
    await expect(widget.kc("disclosure")).to_have_attribute("data-responder", "person")
    await act(anna, conversation, "close")
    await expect(widget.kc("handoff-event").last).to_have_text("Das Gespräch wurde beendet.")
    await expect(widget.input).to_be_disabled()
    await expect(widget.kc("send")).to_be_disabled()
    await shot(page, "takeover-closed")


async def test_after_a_reload_the_person_still_answers(
    page: Page, handoff_server: RunningServer, host_pages: HostPages, anna: OperatorClient
) -> None:
    """With `transcript` consent the session resumes; the server sends the state again."""
    widget = Widget(page)
    await widget.load(host_pages.url(handoff_server.origin))
    await widget.open()
    await widget.accept("ai_chat", "transcript")
    await ask_for_a_person(widget)
    await widget.kc("handoff-purpose").check()
    await widget.kc("handoff-continue").click()
    await expect(widget.kc("handoff-waiting")).to_be_visible()
    conversation = await waiting_conversation(anna)
    await act(anna, conversation, "claim")
    await expect(widget.kc("disclosure")).to_have_attribute("data-responder", "person")

    await page.reload()
    await expect(widget.launcher).to_be_visible()
    await widget.open()
    await expect(widget.kc("resumed")).to_be_visible()
    await expect(widget.kc("disclosure")).to_have_attribute("data-responder", "person")
    await expect(widget.kc("handoff-event")).to_have_text(
        "Sie schreiben jetzt mit Anna vom Kundenservice."
    )
    await expect(widget.kc("title")).to_contain_text("Anna vom Kundenservice")
    await expect(widget.kc("handoff-request")).to_be_hidden()
    await act(anna, conversation, "messages", text="Noch da?")
    await expect(widget.kc("message-person")).to_contain_text("Noch da?")
    await act(anna, conversation, "release")
    await expect(widget.kc("disclosure")).to_have_attribute("data-responder", "ai")


async def test_a_sensitive_topic_is_offered_to_a_person(
    page: Page,
    handoff_server: RunningServer,
    host_pages: HostPages,
    provider: FakeProvider,
    anna: OperatorClient,
) -> None:
    widget = await chatting(page, handoff_server, host_pages)
    asked = len(provider.requests)
    await widget.send("Wie funktioniert die Kündigung meines Vertrags?")
    await expect(widget.kc("handoff-consent")).to_be_visible()
    await expect(widget.kc("handoff-sensitive")).to_be_visible()
    await expect(widget.kc("handoff-purpose")).to_be_focused()
    await expect(widget.kc("message-ai")).to_have_count(0)
    assert len(provider.requests) == asked
    await widget.kc("handoff-purpose").check()
    await widget.kc("handoff-continue").click()
    await expect(widget.kc("handoff-waiting")).to_be_visible()
    await widget.kc("handoff-cancel").click()
    await expect(widget.kc("handoff-event").last).to_have_text("Die KI antwortet wieder.")
