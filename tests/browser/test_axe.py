"""axe-core finds nothing in any state of the chat: closed, consent, chatting, withdrawn,
and each state of the handoff to a person."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Widget, axe_violations, describe_violations, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.relay import Relay
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser


async def test_no_axe_violations_in_any_state(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    widget = Widget(page)
    found: dict[str, str] = {}

    async def check(state: str) -> None:
        await shot(page, f"axe-{state}")
        violations = await axe_violations(page)
        if violations:
            found[state] = describe_violations(violations)

    await widget.load(host_pages.url(chat_server.origin))
    await check("closed")

    await widget.open()
    await check("consent")

    provider.reply_text = (
        "Gern! Unsere Werkstatt:\n\n1. Termin buchen\n2. Rad bringen\n\n"
        "Details: [Werkstatt](https://example.org/werkstatt)"
    )
    await widget.accept("ai_chat")
    await widget.send("Ich heiße Anna Schmidt. Wie buche ich die Werkstatt?")
    await expect(widget.kc("message-ai").locator("li")).to_have_count(2)
    await expect(widget.kc("message-ai").locator("a")).to_have_count(1)
    await expect(widget.kc("redaction-note")).to_be_visible()
    await check("chatting")

    await widget.kc("withdraw").click()
    await expect(widget.kc("withdrawn")).to_be_visible()
    await check("withdrawn")

    assert found == {}, "axe-core violations:\n" + "\n".join(
        f"[{state}]\n{report}" for state, report in found.items()
    )


async def test_no_axe_violations_in_the_handoff_states(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    """The states come from frames the test puts in (see tests/support/relay.py)."""
    relay = Relay()
    await relay.attach(page)
    widget = Widget(page)
    found: dict[str, str] = {}

    async def check(state: str) -> None:
        await shot(page, f"axe-handoff-{state}")
        violations = await axe_violations(page)
        if violations:
            found[state] = describe_violations(violations)

    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat")
    await expect(widget.kc("handoff-request")).to_be_visible()
    await check("offered")

    relay.handoff("consent")
    await expect(widget.kc("handoff-consent")).to_be_visible()
    await widget.kc("handoff-continue").click()
    await expect(widget.kc("handoff-hint")).to_be_visible()
    await check("consent")

    contact = {
        "email": "hilfe@example.org",
        "phone": "+49 30 123",
        "url": "https://example.org/kontakt",
        "hours": "Mo–Fr 9–17",
    }
    relay.handoff("waiting", available=False, contact=contact)
    await expect(widget.kc("handoff-waiting")).to_be_visible()
    await check("waiting")

    relay.handoff("human", operator="Anna", team="Kundenservice")
    relay.push(
        {
            "type": "person_message",
            "id": "p1",
            "text": "Gern! Details: [Werkstatt](https://example.org/werkstatt)",
            "author": {"kind": "person", "name": "Anna"},
            "at": "2026-11-29T17:00:00Z",
            "seq": 100,
        }
    )
    await expect(widget.kc("message-person")).to_be_visible()
    await check("human")

    relay.handoff("ai", reason="released")
    relay.handoff("unavailable", reason="outside_hours", contact=contact)
    await expect(
        widget.kc("handoff-event").last.locator('[data-kc="handoff-contact"]')
    ).to_be_visible()
    await check("unavailable")

    relay.handoff("closed")
    await expect(widget.input).to_be_disabled()
    await check("closed")

    assert found == {}, "axe-core violations:\n" + "\n".join(
        f"[{state}]\n{report}" for state, report in found.items()
    )
