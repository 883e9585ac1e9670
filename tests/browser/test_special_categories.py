"""Special categories of personal data (GDPR Art. 9) in the browser: a blocked message comes
back to the visitor, a noted one is passed on with a note, a redacted one is removed first.

The server runs with `health = "block"` and `religion = "note"`; every other category keeps
the default, `redact`. What the stand-in provider received proves what left the server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.async_api import Locator, Page, expect

from tests.browser.conftest import (
    DEFAULT_REPLY,
    HOST,
    Widget,
    axe_violations,
    chat_config,
    describe_violations,
    shot,
)
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def art9_server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider, host_pages: HostPages
) -> Iterator[RunningServer]:
    config = chat_config(provider, host_pages)
    config["privacy"] = {"special_categories": {"health": "block", "religion": "note"}}
    server = make_server(tmp_path_factory.mktemp("browser-art9"), config).start()
    yield server
    server.stop()


async def chatting(page: Page, server: RunningServer, host_pages: HostPages, lang: str) -> Widget:
    widget = Widget(page)
    await widget.load(host_pages.url(server.origin, lang=lang))
    await widget.open()
    await widget.accept("ai_chat")
    return widget


def sent_to_provider(provider: FakeProvider, before: int) -> str:
    """Everything the provider received since `before`, as one string."""
    return "\n".join(raw.decode() for raw in provider.raw_bodies[before:])


async def text_of(locator: Locator) -> str:
    return " ".join((await locator.inner_text()).split())


async def test_a_blocked_message_comes_back_to_the_visitor(
    page: Page, art9_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    received: list[dict[str, object]] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: received.append(json.loads(payload))),
    )
    widget = await chatting(page, art9_server, host_pages, "de")
    before = len(provider.requests)

    text = "Ich habe Diabetes, welche Produkte sind zuckerfrei?"
    await widget.send(text)  # with the Send button, so focus is on it when the refusal comes

    note = widget.kc("blocked-note")
    await expect(note).to_be_visible()
    errors = [f for f in received if f["type"] == "error"]
    assert [f["code"] for f in errors] == ["special_category"], received
    reason = str(errors[0]["message"])
    assert reason, errors
    # The server's own explanation, marked as not sent, under the visitor's own text.
    await expect(note).to_contain_text("Nicht gesendet.")
    await expect(note).to_contain_text(reason)
    await expect(widget.kc("message-blocked")).to_have_text(text)
    await expect(widget.kc("message-user")).to_have_count(0)
    # Polite, not an alert: the live region announces it, the alert stays empty.
    await expect(widget.kc("status")).to_contain_text(reason)
    await expect(widget.kc("error")).to_be_empty()
    # Nothing is lost: the text is in the textarea again, and focus is there to rephrase it.
    await expect(widget.input).to_have_value(text)
    assert await widget.focused() == "input"
    assert provider.requests[before:] == []
    await shot(page, "special-category-blocked")

    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)

    # Rephrased without the health detail, the chat goes on.
    await widget.input.fill("Welche Produkte sind zuckerfrei?")
    await widget.kc("send").click()
    await widget.answer(DEFAULT_REPLY)
    await expect(widget.input).to_have_value("")
    assert len(provider.requests) == before + 1


async def test_text_typed_after_sending_is_not_overwritten(
    page: Page, art9_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    widget = await chatting(page, art9_server, host_pages, "en")
    before = len(provider.requests)
    blocked = "I have diabetes, which products are sugar-free?"
    await widget.input.fill(blocked)
    # The visitor starts on something new before the server has answered.
    await page.evaluate(
        """([selector, text]) => {
            const root = document.querySelector(selector).shadowRoot;
            root.querySelector('[data-kc="send"]').click();
            root.querySelector('[data-kc="input"]').value = text;
        }""",
        [HOST, "Something else"],
    )
    await expect(widget.kc("blocked-note")).to_contain_text("Not sent.")
    await expect(widget.kc("message-blocked")).to_have_text(blocked)
    await expect(widget.input).to_have_value("Something else")
    assert provider.requests[before:] == []


async def test_a_noted_category_is_passed_on_with_a_note(
    page: Page, art9_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    widget = await chatting(page, art9_server, host_pages, "de")
    before = len(provider.requests)

    text = "Als Muslimin esse ich kein Schweinefleisch, ist das Gericht halal?"
    await widget.send(text)
    await expect(widget.kc("message-user")).to_have_text(text)
    note = widget.kc("category-note")
    await expect(note).to_have_count(1)
    await expect(note).to_be_visible()
    await expect(note).to_have_attribute("data-category", "religion")
    await expect(note).to_have_attribute("data-action", "note")
    assert await text_of(note) == (
        "Hinweis: Ihre Nachricht enthält Angaben der Kategorie „Religion oder Weltanschauung“ "
        "(Muslimin) und wird so weitergegeben."
    )
    await widget.answer(DEFAULT_REPLY)
    assert len(provider.requests) == before + 1
    assert "Muslimin" in sent_to_provider(provider, before)
    await shot(page, "special-category-noted")


async def test_a_redacted_category_is_removed_before_sending(
    page: Page, art9_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    widget = await chatting(page, art9_server, host_pages, "en")
    before = len(provider.requests)

    text = "My husband and I are gay, do you have rainbow bells for our bikes?"
    await widget.send(text)
    await expect(widget.kc("message-user")).to_have_text(text)
    note = widget.kc("category-note")
    await expect(note).to_have_count(1)
    await expect(note).to_have_attribute("data-category", "sexual_orientation")
    await expect(note).to_have_attribute("data-action", "redact")
    assert await text_of(note) == "Information about sex life or sexual orientation removed: gay"
    # Said once: the category is not counted again among the removed personal details.
    await expect(widget.kc("redaction-note")).to_have_count(0)
    await widget.answer(DEFAULT_REPLY)
    assert len(provider.requests) == before + 1
    sent = sent_to_provider(provider, before)
    assert "<SEXUAL_ORIENTATION_1>" in sent, sent
    assert not re.search(r"\bgay\b", sent, re.IGNORECASE), sent
    await shot(page, "special-category-redacted")
