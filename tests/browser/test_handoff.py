"""The visitor's side of the handoff to a person.

The consent step before the chat asks only for the purposes with `ask: "start"`; the
"talk to a person" button; the consent to `human_support` asked at that moment; waiting,
a person answering, the AI again, nobody available (with the other ways to reach the site
owner) and a closed conversation.

The widget only shows what the server's `handoff` frames say. These tests drive it with
frames put into the real server's websocket by the test (`tests/support/relay.py`), so that every state is
reached exactly and at once; the server's own handoff, with an operator who claims the
conversation, is in test_handoff_takeover.py.
"""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import (
    Widget,
    actions,
    eventually,
    ledger_head,
    ledger_since,
    shot,
)
from tests.browser.test_strict_csp import COLLECT_VIOLATIONS
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.relay import Relay
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

CONTACT = {
    "email": "hilfe@radladen.example",
    "phone": "+49 30 1234 567",
    "url": "https://radladen.example/kontakt",
    "hours": "Mo–Fr 9–17 Uhr",
}


async def chatting(page: Page, server: RunningServer, pages: HostPages, lang: str = "de") -> Widget:
    """The chat open, `ai_chat` consent given."""
    widget = Widget(page)
    await widget.load(pages.url(server.origin, lang=lang))
    await widget.open()
    await widget.accept("ai_chat")
    return widget


async def test_the_consent_step_asks_only_for_the_purposes_of_the_start(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    form = widget.kc("consent")
    await expect(widget.purpose("ai_chat")).to_be_visible()
    await expect(widget.purpose("transcript")).to_be_visible()
    await expect(form.locator('[data-kc^="purpose-"][type="checkbox"]')).to_have_count(2)
    await expect(widget.purpose("human_support")).to_have_count(0)
    await expect(form).not_to_contain_text("Chat mit einem Menschen")
    # Nothing about a person is offered before consent to the chat.
    await expect(widget.kc("handoff-request")).to_be_hidden()

    seq = ledger_head(chat_server)
    await widget.accept("ai_chat")
    # Accept sends a choice for each purpose of the start, none for human_support.
    assert actions(ledger_since(chat_server, seq)) == {
        ("ai_chat", "given"),
        ("transcript", "declined"),
    }
    await expect(widget.kc("disclosure")).to_have_attribute("data-responder", "ai")


async def test_the_button_asks_for_a_person_and_the_prompt_starts_unticked(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    button = widget.kc("handoff-request")
    await expect(button).to_be_visible()
    await expect(button).to_have_role("button")
    await expect(button).to_have_accessible_name("Mit einem Menschen sprechen")
    await shot(page, "handoff-button")

    await button.click()
    await relay.wait_for(type="handoff", action="request")
    relay.handoff("consent")

    prompt = widget.kc("handoff-consent")
    await expect(prompt).to_be_visible()
    await expect(prompt).to_have_accessible_name("Mit einem Menschen sprechen")
    box = widget.kc("handoff-purpose")
    await expect(box).not_to_be_checked()
    await expect(box).to_have_accessible_name(re.compile("^Chat mit einem Menschen"))
    await expect(box).to_have_accessible_description(
        re.compile("Mitarbeiterin oder ein Mitarbeiter")
    )
    await expect(prompt.locator("ul li").first).to_be_visible()  # the purpose's details
    assert await widget.focused() == "handoff-purpose"
    # The button is gone while the prompt asks.
    await expect(button).to_be_hidden()
    await shot(page, "handoff-consent")

    # Continue without the tick: a hint, nothing sent.
    sent = len(relay.sent)
    await widget.kc("handoff-continue").click()
    await expect(widget.kc("handoff-hint")).to_be_visible()
    await expect(box).to_have_attribute("aria-invalid", "true")
    await expect(box).to_have_accessible_description(re.compile("Setzen Sie den Haken"))
    assert await widget.focused() == "handoff-purpose"
    assert relay.sent[sent:] == []
    await shot(page, "handoff-consent-hint")

    # Continue with the tick: the consent to human_support, and only to it.
    seq = ledger_head(chat_server)
    await box.check()
    await expect(widget.kc("handoff-hint")).to_be_hidden()
    await widget.kc("handoff-continue").click()
    frame = await relay.wait_for(sent, type="consent")
    assert frame["choices"] == {"human_support": True}
    await eventually(
        lambda: actions(ledger_since(chat_server, seq)) == {("human_support", "given")},
        "the consent in the ledger",
    )


async def test_continue_and_cancel_look_alike(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    relay.handoff("consent")
    await expect(widget.kc("handoff-consent")).to_be_visible()
    await page.mouse.move(0, 0)  # no hover on either
    styles = [
        await widget.kc(name).evaluate(
            """(el) => {
                const cs = getComputedStyle(el);
                return [cs.backgroundColor, cs.color, cs.fontSize, cs.fontWeight, cs.borderTopStyle,
                        cs.borderTopColor, cs.paddingTop, cs.height, el.className];
            }"""
        )
        for name in ("handoff-continue", "handoff-decline")
    ]
    assert styles[0] == styles[1]


async def test_declining_is_recorded_and_the_contact_channels_are_offered(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    await widget.kc("handoff-request").click()
    relay.handoff("consent")
    await expect(widget.kc("handoff-consent")).to_be_visible()

    seq = ledger_head(chat_server)
    sent = len(relay.sent)
    await widget.kc("handoff-decline").click()
    frame = await relay.wait_for(sent, type="consent")
    assert frame["choices"] == {"human_support": False}
    await eventually(
        lambda: actions(ledger_since(chat_server, seq)) == {("human_support", "declined")},
        "the decline in the ledger",
    )
    relay.handoff("unavailable", reason="declined", contact=CONTACT)

    event = widget.kc("handoff-event")
    await expect(event).to_have_attribute("data-state", "unavailable")
    await expect(event).to_contain_text(
        "Ohne Ihre Einwilligung verbinden wir Sie nicht mit einem Menschen."
    )
    await expect(widget.kc("handoff-consent")).to_be_hidden()
    await expect_contact(widget)
    await expect(widget.kc("status")).to_contain_text("Ohne Ihre Einwilligung")
    # Focus was on Cancel, which is gone: it goes on to the composer.
    assert await widget.focused() == "input"
    # The AI goes on answering, and the visitor may ask again.
    await expect(widget.kc("handoff-request")).to_be_visible()
    await widget.send("Welche Räder haben Sie?")
    await widget.answer("Gern helfe ich Ihnen weiter.")
    await shot(page, "handoff-declined")


async def expect_contact(widget: Widget) -> None:
    contact = widget.kc("handoff-contact").last
    await expect(contact.locator('[data-kc="contact-email"] a')).to_have_attribute(
        "href", "mailto:hilfe@radladen.example"
    )
    await expect(contact.locator('[data-kc="contact-phone"] a')).to_have_attribute(
        "href", "tel:+49301234567"
    )
    await expect(contact.locator('[data-kc="contact-phone"]')).to_have_text(
        "Telefon: +49 30 1234 567"
    )
    form = contact.locator('[data-kc="contact-url"] a')
    await expect(form).to_have_attribute("href", "https://radladen.example/kontakt")
    await expect(form).to_have_attribute("target", "_blank")
    await expect(form).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    await expect(contact.locator('[data-kc="contact-hours"]')).to_have_text(
        "Erreichbar: Mo–Fr 9–17 Uhr"
    )


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        ("nobody_online", "Gerade ist leider niemand aus unserem Team erreichbar."),
        ("outside_hours", "Außerhalb unserer Servicezeiten ist leider niemand erreichbar."),
        ("disabled", "Ein Chat mit einem Menschen ist hier nicht möglich."),
    ],
)
async def test_nobody_available_says_why_and_how_else_to_reach_us(
    page: Page, chat_server: RunningServer, host_pages: HostPages, reason: str, text: str
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    relay.handoff("unavailable", reason=reason, contact=CONTACT)
    event = widget.kc("handoff-event")
    await expect(event).to_contain_text(text)
    await expect(event).to_contain_text("Der KI-Assistent antwortet weiter.")
    await expect_contact(widget)
    await expect(widget.input).to_be_enabled()
    if reason == "nobody_online":
        await shot(page, "handoff-unavailable")


async def test_without_contact_channels_no_list_is_shown(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    relay.handoff("unavailable", reason="nobody_online", contact={"url": "javascript:alert(1)"})
    await expect(widget.kc("handoff-event")).to_be_visible()
    await expect(widget.kc("handoff-contact")).to_have_count(0)
    await expect(widget.kc("handoff-event").locator("a")).to_have_count(0)


async def test_waiting_then_a_person_then_the_ai_again(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    disclosure = widget.kc("disclosure")
    ai_banner = await disclosure.text_content()
    await widget.kc("handoff-request").click()
    relay.handoff("consent")
    await widget.kc("handoff-purpose").check()
    sent = len(relay.sent)
    await widget.kc("handoff-continue").click()
    await relay.wait_for(sent, type="consent", choices={"human_support": True})

    # Waiting, nobody online yet: the notice, the contact channels, a way to stop waiting.
    relay.handoff("waiting", available=False, contact=CONTACT)
    waiting = widget.kc("handoff-waiting")
    await expect(waiting).to_contain_text(
        "Sie werden mit einer Mitarbeiterin oder einem Mitarbeiter verbunden"
    )
    await expect(waiting).to_contain_text("Gerade ist niemand online.")
    await expect_contact(widget)
    await expect(widget.kc("handoff-consent")).to_be_hidden()
    await expect(widget.kc("handoff-request")).to_be_hidden()
    await expect(widget.kc("status")).to_contain_text("verbunden")
    assert await widget.focused() == "input"
    await expect(widget.input).to_be_enabled()
    await shot(page, "handoff-waiting")

    # Someone is there after all.
    relay.handoff("waiting", available=True)
    await expect(waiting).not_to_contain_text("niemand online")
    await expect(widget.kc("handoff-contact")).to_have_count(0)

    # Anna takes over: a line in the log, the banner and the title say so.
    relay.handoff("human", operator="Anna", team="Kundenservice")
    event = widget.kc("handoff-event").last
    await expect(event).to_have_text("Sie schreiben jetzt mit Anna vom Kundenservice.")
    await expect(waiting).to_be_hidden()
    await expect(disclosure).to_have_attribute("data-responder", "person")
    await expect(disclosure).to_have_text(
        "Mitarbeiterin / Mitarbeiter: Sie schreiben mit Anna vom Kundenservice, nicht mit einer KI."
    )
    title = widget.kc("title")
    await expect(title).not_to_contain_text("KI")
    await expect(title).to_have_text("Live-Chat – Anna vom Kundenservice")
    await expect(widget.kc("dialog")).to_have_accessible_name("Live-Chat – Anna vom Kundenservice")
    await expect(widget.kc("status")).to_contain_text("Sie schreiben jetzt mit Anna")

    # Her message: her name as its label, no AI label, rendered safely, announced.
    relay.push(
        {
            "type": "person_message",
            "id": "p1",
            "text": "Hallo, ich bin **Anna**. <img src=x onerror=alert(1)>\n\n- Termin\n- Rad",
            "author": {"kind": "person", "name": "Anna"},
            "at": "2026-11-29T17:00:00Z",
            "seq": 100,
        }
    )
    message = widget.kc("message-person")
    await expect(message.locator('[data-kc="person-label"]')).to_have_text("Anna:")
    await expect(message.locator('[data-kc="ai-label"]')).to_have_count(0)
    await expect(message.locator("strong")).to_have_text("Anna")
    await expect(message.locator("li")).to_have_count(2)
    await expect(message.locator("img")).to_have_count(0)
    await expect(message).to_contain_text("<img src=x onerror=alert(1)>")
    await expect(widget.kc("status")).to_contain_text("Nachricht von Anna: Hallo, ich bin Anna.")
    await shot(page, "handoff-human")

    # Anna hands back to the AI.
    relay.handoff("ai", reason="released")
    await expect(widget.kc("handoff-event").last).to_have_text("Die KI antwortet wieder.")
    await expect(disclosure).to_have_attribute("data-responder", "ai")
    await expect(disclosure).to_have_text(ai_banner or "")
    await expect(title).to_contain_text("KI-Assistent")
    await expect(widget.kc("handoff-request")).to_be_visible()
    await shot(page, "handoff-ai-again")


async def test_stop_waiting_sends_cancel(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    relay.handoff("waiting", available=True)
    cancel = widget.kc("handoff-cancel")
    await expect(cancel).to_have_accessible_name("Nicht mehr warten")
    await cancel.click()
    await relay.wait_for(type="handoff", action="cancel")
    relay.handoff("ai")
    await expect(widget.kc("handoff-waiting")).to_be_hidden()
    await expect(widget.kc("handoff-event").last).to_have_text("Die KI antwortet wieder.")
    assert await widget.focused() == "input"


async def test_a_closed_conversation_locks_the_input(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    relay.handoff("human", operator="Anna")
    await expect(widget.kc("disclosure")).to_contain_text("Sie schreiben mit Anna, nicht")
    await widget.input.focus()
    relay.handoff("closed")
    await expect(widget.kc("handoff-event").last).to_have_text("Das Gespräch wurde beendet.")
    await expect(widget.input).to_be_disabled()
    await expect(widget.kc("send")).to_be_disabled()
    await expect(widget.kc("handoff-request")).to_be_hidden()
    await expect(widget.kc("disclosure")).to_have_attribute("data-responder", "ai")
    assert await widget.focused() == "handoff-event"
    # A message that was under way meets the end: the error is in the visitor's language.
    relay.push({"type": "error", "code": "closed", "message": "The conversation is closed."})
    await expect(widget.kc("error")).to_have_text("Das Gespräch wurde beendet.")
    await shot(page, "handoff-closed")


async def test_english(page: Page, chat_server: RunningServer, host_pages: HostPages) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages, lang="en")
    await expect(widget.kc("handoff-request")).to_have_accessible_name("Talk to a person")
    relay.handoff("consent")
    await expect(widget.kc("handoff-purpose")).to_have_accessible_name(
        re.compile("^Chat with a person")
    )
    await expect(widget.kc("handoff-continue")).to_have_text("Continue")
    await expect(widget.kc("handoff-decline")).to_have_text("Cancel")
    relay.handoff("waiting", available=True)
    await expect(widget.kc("handoff-waiting")).to_contain_text(
        "Connecting you to a member of staff"
    )
    await expect(widget.kc("handoff-cancel")).to_have_text("Stop waiting")
    relay.handoff("human", operator="Anna", team="customer service")
    await expect(widget.kc("handoff-event").last).to_have_text(
        "You are now chatting with Anna from customer service."
    )
    await expect(widget.kc("disclosure")).to_have_text(
        "Staff member: you are chatting with Anna from customer service, not with an AI."
    )
    relay.handoff("ai", reason="released")
    await expect(widget.kc("handoff-event").last).to_have_text(
        "The AI assistant is answering again."
    )
    relay.handoff("unavailable", reason="outside_hours", contact={"email": "help@shop.example"})
    await expect(widget.kc("handoff-event").last).to_contain_text(
        "Sorry, nobody is available outside our service hours."
    )
    await expect(widget.kc("contact-email")).to_have_text("Email: help@shop.example")
    relay.handoff("closed")
    await expect(widget.kc("handoff-event").last).to_have_text("The conversation has been closed.")


async def test_the_handoff_loads_only_when_needed_and_under_a_strict_csp(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    await page.add_init_script(COLLECT_VIOLATIONS)
    relay = Relay()
    await relay.attach(page)
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin, csp=True))
    await widget.open()
    await widget.accept("ai_chat")
    await widget.send("Hallo")
    await widget.answer("Gern helfe ich Ihnen weiter.")
    # Chatting with the AI fetches nothing of the handoff.
    bundle = f"{chat_server.origin}/static/klarchat-handoff.js"
    assert bundle not in requests

    # The first frame about it loads it; frames that come meanwhile wait their turn.
    relay.handoff("human", operator="Anna")
    relay.push(
        {
            "type": "person_message",
            "id": "p1",
            "text": "Hallo, hier ist Anna.",
            "author": {"kind": "person", "name": "Anna"},
            "at": "2026-11-29T17:00:00Z",
            "seq": 100,
        }
    )
    await expect(widget.kc("message-person")).to_contain_text("Hallo, hier ist Anna.")
    await expect(widget.kc("handoff-event")).to_have_text("Sie schreiben jetzt mit Anna.")
    await expect(widget.kc("disclosure")).to_have_attribute("data-responder", "person")
    # The handoff's own stylesheet applies although the policy allows no inline style.
    label = widget.kc("person-label")
    assert (
        await label.evaluate("(el) => getComputedStyle(el).backgroundColor") == "rgb(22, 101, 52)"
    )
    assert requests.count(bundle) == 1
    assert await page.evaluate("window.__cspViolations") == []


async def test_on_a_phone(page: Page, chat_server: RunningServer, host_pages: HostPages) -> None:
    """The prompt's buttons and the waiting notice fit a small screen (screenshots)."""
    await page.set_viewport_size({"width": 390, "height": 740})
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    await expect(widget.kc("handoff-request")).to_be_in_viewport()
    relay.handoff("consent")
    await expect(widget.kc("handoff-purpose")).to_be_focused()
    await widget.kc("handoff-continue").scroll_into_view_if_needed()
    await expect(widget.kc("handoff-decline")).to_be_in_viewport()
    await shot(page, "handoff-phone-consent")
    relay.handoff("waiting", available=False, contact=CONTACT)
    await expect(widget.kc("handoff-cancel")).to_be_in_viewport()
    await shot(page, "handoff-phone-waiting")


async def test_the_prompt_comes_into_view_below_a_long_log(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    for n in range(12):
        relay.push(
            {
                "type": "person_message",
                "id": f"p{n}",
                "text": f"Nachricht {n}\n\nmit einem zweiten Absatz",
                "author": {"kind": "person", "name": "Anna"},
                "at": "2026-11-29T17:00:00Z",
                "seq": 100 + n,
            }
        )
    await expect(widget.kc("message-person")).to_have_count(12)
    await widget.kc("log").evaluate("(log) => { log.parentElement.scrollTop = 0; }")
    relay.handoff("consent")
    await expect(widget.kc("handoff-purpose")).to_be_focused()
    await expect(widget.kc("handoff-purpose")).to_be_in_viewport()
    relay.handoff("waiting", available=True)
    await expect(widget.kc("handoff-cancel")).to_be_in_viewport()


async def test_a_sensitive_topic_says_why_a_person_is_offered(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    relay = Relay()
    await relay.attach(page)
    widget = await chatting(page, chat_server, host_pages)
    relay.handoff("consent", reason="sensitive")
    note = widget.kc("handoff-sensitive")
    await expect(note).to_have_text(
        "Ihre Frage berührt ein sensibles Thema. Dazu antwortet Ihnen besser ein Mensch als die KI."
    )
    await expect(widget.kc("handoff-purpose")).to_be_focused()
    await shot(page, "handoff-sensitive")
    relay.handoff("waiting", available=True, reason="sensitive")
    await expect(widget.kc("handoff-waiting")).to_contain_text("sensibles Thema")
    # Asked for in words or with the button: no such note.
    relay.handoff("consent")
    await expect(note).to_be_hidden()
