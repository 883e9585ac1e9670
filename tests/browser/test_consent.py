"""Opening the chat: disclosure first, unticked boxes, Accept and Decline on equal terms."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Widget, actions, ledger_head, ledger_since, shot
from tests.support.chat_client import ChatClient
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

# What makes two buttons look alike; a dark pattern changes one of these.
BUTTON_STYLE = [
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "letter-spacing",
    "text-transform",
    "text-decoration-line",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "color",
    "background-color",
    "background-image",
    "border-top-width",
    "border-top-style",
    "border-top-color",
    "border-bottom-width",
    "border-bottom-color",
    "border-radius",
    "opacity",
    "height",
]


async def welcome(server: RunningServer, lang: str = "de") -> dict[str, Any]:
    client = await ChatClient.open(server.ws_url)
    try:
        return await client.hello(lang=lang)
    finally:
        await client.close()


async def computed(locator: Any, properties: list[str]) -> dict[str, str]:
    return await locator.evaluate(
        """(el, props) => {
            const cs = getComputedStyle(el);
            return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
        }""",
        properties,
    )


async def test_open_shows_the_servers_disclosure_and_unticked_purposes(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    hello = await welcome(chat_server)
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await expect(widget.launcher).to_have_accessible_name("Chat öffnen")
    await expect(widget.launcher).to_have_attribute("aria-expanded", "false")

    await widget.open()
    await expect(widget.launcher).to_have_accessible_name("Chat schließen")
    await expect(widget.launcher).to_have_attribute("aria-expanded", "true")
    dialog = widget.kc("dialog")
    await expect(dialog).to_have_role("dialog")
    await expect(dialog).to_have_accessible_name(re.compile("KI-Assistent"))
    await expect(widget.kc("title")).to_contain_text(hello["assistant"])
    title_id = await widget.kc("title").get_attribute("id")
    labelled_by = (await dialog.get_attribute("aria-labelledby") or "").split()
    assert title_id and title_id in labelled_by, (title_id, labelled_by)

    banner = widget.kc("disclosure")
    await expect(banner).to_be_visible()
    await expect(banner).to_contain_text(hello["disclosure"])
    await expect(widget.kc("log").locator('[data-kc="disclosure"]')).to_have_count(0)

    await expect(widget.kc("consent")).to_be_visible()
    # A purpose asked only at a handoff (`human_support`) is not part of this step.
    await expect(widget.purpose("human_support")).to_have_count(0)
    for purpose in (p for p in hello["purposes"] if p["ask"] == "start"):
        box = widget.purpose(purpose["id"])
        if purpose["ask"] != "start":  # human_support is asked at the handoff, not here
            await expect(box).to_have_count(0)
            continue
        await expect(box).to_have_attribute("type", "checkbox")
        await expect(box).not_to_be_checked()
        await expect(box).to_have_accessible_name(re.compile(re.escape(purpose["title"])))
        await expect(widget.kc("consent")).to_contain_text(purpose["text"])
    # The privacy notice belongs to the chat server, not to the shop that embeds it.
    links = widget.kc("privacy-link")
    assert await links.count() >= 1
    for index in range(await links.count()):
        href = urlsplit(await links.nth(index).evaluate("(a) => a.href"))
        assert f"{href.scheme}://{href.netloc}{href.path}" == (
            f"{chat_server.origin}{hello['privacy_url']}"
        ), href.geturl()

    await expect(widget.input).to_be_disabled()
    await expect(widget.kc("send")).to_be_disabled()
    await expect(widget.kc("withdraw")).to_be_hidden()

    accept, decline = widget.kc("accept"), widget.kc("decline")
    await expect(accept).to_have_accessible_name("Zustimmen")
    await expect(decline).to_have_accessible_name("Ablehnen")
    await expect(accept).to_be_visible()
    await expect(decline).to_be_visible()
    accept_style = await computed(accept, BUTTON_STYLE)
    decline_style = await computed(decline, BUTTON_STYLE)
    different = {
        name: (accept_style[name], decline_style[name])
        for name in BUTTON_STYLE
        if accept_style[name] != decline_style[name]
    }
    assert different == {}, f"Accept and Decline must look alike: {different}"
    assert await accept.get_attribute("class") == await decline.get_attribute("class")
    await shot(page, "consent-open")
    await decline.scroll_into_view_if_needed()
    await shot(page, "consent-buttons")


async def test_accept_without_the_required_box_asks_instead_of_sending(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    head = ledger_head(chat_server)

    await widget.purpose("transcript").check()
    await widget.kc("accept").click()
    await expect(widget.kc("consent-hint")).to_be_visible()
    await expect(widget.input).to_be_disabled()
    await shot(page, "consent-hint")

    await widget.purpose("ai_chat").check()
    await widget.kc("accept").click()
    await expect(widget.input).to_be_enabled()
    # Only the one Accept with the required box ticked reached the ledger.
    events = ledger_since(chat_server, head)
    assert actions(events) == {("ai_chat", "given"), ("transcript", "given")}
    assert len(events) == 2, events


async def test_decline_is_recorded_and_leaves_a_polite_way_back(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    head = ledger_head(chat_server)

    await widget.kc("decline").click()
    notice = widget.kc("declined")
    await expect(notice).to_be_visible()
    await expect(notice).not_to_be_empty()
    assert await notice.get_attribute("role") not in ("alert", "alertdialog")
    # The notice is shown after the server answered, i.e. after the ledger commit.
    events = ledger_since(chat_server, head)
    assert actions(events) == {("ai_chat", "declined"), ("transcript", "declined")}, events
    assert len(events) == 2
    await expect(widget.input).to_be_disabled()
    await expect(widget.kc("send")).to_be_disabled()
    await expect(widget.kc("withdraw")).to_be_hidden()
    await expect(widget.kc("disclosure")).to_be_visible()
    reconsider = widget.kc("reconsider")
    await expect(reconsider).to_have_accessible_name("Einwilligung doch erteilen")
    await shot(page, "consent-declined")

    await reconsider.click()
    await expect(widget.kc("consent")).to_be_visible()
    await expect(widget.purpose("ai_chat")).not_to_be_checked()
    await expect(widget.purpose("transcript")).not_to_be_checked()
    await widget.accept("ai_chat")
    assert ("ai_chat", "given") in actions(ledger_since(chat_server, head))
    await shot(page, "consent-after-reconsider")
