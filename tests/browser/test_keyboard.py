"""The whole chat with the keyboard alone, with a visible focus at every step."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Widget, focus_is_visible, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

MAX_TABS = 12


async def tab_to(widget: Widget, target: str, key: str = "Tab") -> list[str | None]:
    """Press Tab until the widget element `target` has focus; return the path taken."""
    path: list[str | None] = []
    for _ in range(MAX_TABS):
        await widget.page.keyboard.press(key)
        path.append(await widget.focused())
        if path[-1] == target:
            return path
    raise AssertionError(f"{key} never reached {target!r}; focus went {path}")


async def assert_visible_focus(widget: Widget, where: str) -> None:
    ring = await widget.focus_ring()
    assert focus_is_visible(ring), f"no visible focus on {where}: {ring}"


async def test_keyboard_only_chat(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    provider.reply_text = "Eine Reparatur dauert meist zwei Tage."
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))

    await tab_to(widget, "launcher")
    await assert_visible_focus(widget, "the launcher")
    await page.keyboard.press("Enter")
    await expect(widget.kc("dialog")).to_be_visible()
    await expect(widget.launcher).to_have_attribute("aria-expanded", "true")
    # Focus moves into the dialog: to the first unticked checkbox of the consent step.
    await expect(widget.purpose("ai_chat")).to_be_focused()
    await assert_visible_focus(widget, "the first checkbox")
    await shot(page, "keyboard-open")

    await page.keyboard.press("Space")
    await expect(widget.purpose("ai_chat")).to_be_checked()
    await tab_to(widget, "accept")
    await assert_visible_focus(widget, "Accept")
    await page.keyboard.press("Enter")
    await expect(widget.input).to_be_enabled()
    where = await widget.focused()
    assert where is not None, "focus fell out of the widget when the consent step closed"

    if where != "input":
        await tab_to(widget, "input")
    await assert_visible_focus(widget, "the message box")
    await page.keyboard.type("Zeile eins")
    await page.keyboard.press("Shift+Enter")
    await page.keyboard.type("Wie lange dauert eine Reparatur?")
    await expect(widget.input).to_have_value("Zeile eins\nWie lange dauert eine Reparatur?")
    await expect(widget.kc("message-user")).to_have_count(0)
    await page.keyboard.press("Enter")
    await expect(widget.kc("message-user")).to_have_count(1)
    await expect(widget.kc("message-user")).to_contain_text("Wie lange dauert eine Reparatur?")
    await widget.answer("Eine Reparatur dauert meist zwei Tage.")
    await shot(page, "keyboard-chat")

    await page.keyboard.press("Escape")
    await expect(widget.kc("dialog")).to_be_hidden()
    await expect(widget.launcher).to_be_focused()
    await expect(widget.launcher).to_have_attribute("aria-expanded", "false")
    await assert_visible_focus(widget, "the launcher after closing")
    await shot(page, "keyboard-closed")
