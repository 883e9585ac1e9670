"""axe-core finds nothing in any state of the chat: closed, consent, chatting, withdrawn."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Widget, axe_violations, describe_violations, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
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
