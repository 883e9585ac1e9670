"""The embed's attributes: language from data-lang, else <html lang>, else German; position."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import DISCLOSURE, Widget, shot
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

STRINGS = {
    "de": {
        "launcher": "Chat öffnen",
        "title": "KI-Assistent",
        "accept": "Zustimmen",
        "decline": "Ablehnen",
        "close": "Schließen",
        "input": "Ihre Nachricht",
        "send": "Senden",
    },
    "en": {
        "launcher": "Open chat",
        "title": "AI assistant",
        "accept": "Accept",
        "decline": "Decline",
        "close": "Close",
        "input": "Your message",
        "send": "Send",
    },
}


@pytest.mark.parametrize(
    ("page_lang", "data_lang", "expected"),
    [
        ("de", "en", "en"),  # data-lang wins over the page
        ("en-GB", None, "en"),  # the page's language, first two letters
        ("en-GB", "de", "de"),
        (None, None, "de"),  # neither: German (the browser itself is set to English)
        ("fr", None, "de"),  # a language the chat does not offer: German
    ],
    ids=["data-lang-en", "html-lang-en-GB", "data-lang-de-on-en-page", "no-lang", "html-lang-fr"],
)
async def test_language(
    page: Page,
    chat_server: RunningServer,
    host_pages: HostPages,
    page_lang: str | None,
    data_lang: str | None,
    expected: str,
) -> None:
    strings = STRINGS[expected]
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin, lang=page_lang, data_lang=data_lang))
    await expect(widget.launcher).to_have_accessible_name(strings["launcher"])
    await widget.open()
    await expect(widget.kc("disclosure")).to_contain_text(DISCLOSURE[expected])
    await expect(widget.kc("title")).to_contain_text(strings["title"])
    for hook in ("accept", "decline", "close", "input", "send"):
        await expect(widget.kc(hook)).to_have_accessible_name(strings[hook])
    await shot(page, f"lang-{page_lang}-{data_lang}")


@pytest.mark.parametrize("position", [None, "bottom-right", "bottom-left"])
async def test_position(
    page: Page, chat_server: RunningServer, host_pages: HostPages, position: str | None
) -> None:
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin, position=position))
    width = page.viewport_size["width"]  # type: ignore[index]
    height = page.viewport_size["height"]  # type: ignore[index]
    for element in ("launcher", "dialog"):
        if element == "dialog":
            await widget.open()
        box = await widget.kc(element).bounding_box()
        assert box is not None
        centre = box["x"] + box["width"] / 2
        assert box["y"] + box["height"] > height * 0.75, f"{element} is not at the bottom: {box}"
        if position == "bottom-left":
            assert centre < width / 2, f"{element} is not on the left: {box}"
        else:
            assert centre > width / 2, f"{element} is not on the right: {box}"
    await shot(page, f"position-{position or 'default'}")
