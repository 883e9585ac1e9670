"""Withdrawal: one click, as easy as consent; the stream stops and nothing more is processed."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.async_api import Page, WebSocket, expect

from tests.browser.conftest import Widget, actions, ledger_head, ledger_since, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

LONG_REPLY = (
    "Gern erkläre ich Ihnen unsere Rückgabebedingungen ausführlich: Sie können jede Bestellung "
    "innerhalb von dreißig Tagen zurückgeben, ohne Angabe von Gründen, solange die Ware "
    "unbenutzt ist und in der Originalverpackung zurückkommt."
)


def record_sent_frames(page: Page) -> list[dict[str, Any]]:
    frames: list[dict[str, Any]] = []

    def on_socket(ws: WebSocket) -> None:
        ws.on("framesent", lambda payload: frames.append(json.loads(payload)))

    page.on("websocket", on_socket)
    return frames


async def test_withdraw_stops_the_answer_and_locks_the_chat_until_consent_is_given_again(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    sent = record_sent_frames(page)
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat", "transcript")
    withdraw = widget.kc("withdraw")
    await expect(withdraw).to_be_visible()
    await expect(withdraw).to_have_accessible_name("Einwilligung widerrufen")

    provider.reply_text, provider.chunk_chars, provider.delay_s = LONG_REPLY, 5, 0.25
    await widget.send("Wie sind Ihre Rückgabebedingungen?")
    streaming = widget.kc("message-ai").last.locator('[data-kc="ai-text"]')
    await expect(streaming).to_contain_text("Gern")
    head, disconnects = ledger_head(chat_server), provider.disconnects
    requests_before = len(provider.requests)

    await withdraw.click()  # one click, no confirmation dialog in between
    notice = widget.kc("withdrawn")
    await expect(notice).to_be_visible()
    await asyncio.to_thread(provider.wait_for_disconnects, disconnects + 1, 5.0)
    withdraw_frames = [i for i, f in enumerate(sent) if f["type"] == "withdraw"]
    assert [sent[i] for i in withdraw_frames] == [{"type": "withdraw", "purposes": "all"}]
    withdrawn_at = withdraw_frames[0]
    events = ledger_since(chat_server, head)
    assert actions(events) == {("ai_chat", "withdrawn"), ("transcript", "withdrawn")}, events
    # The notice shows the server's confirmation time (as sent, or in the visitor's zone).
    at = datetime.fromisoformat(events[-1]["at"].replace("Z", "+00:00"))
    times = {f"{at:%H:%M}", f"{at.astimezone(ZoneInfo('Europe/Berlin')):%H:%M}"}
    shown = await notice.inner_text()
    assert any(t in shown or t.lstrip("0") in shown for t in times), (shown, times)
    await expect(widget.input).to_be_disabled()
    await expect(widget.kc("send")).to_be_disabled()
    await expect(withdraw).to_be_hidden()
    await expect(widget.kc("consent")).to_be_visible()
    await expect(widget.purpose("ai_chat")).not_to_be_checked()
    shown_answer = " ".join((await streaming.inner_text()).split())
    assert shown_answer != LONG_REPLY, "the answer should have stopped at the withdrawal"
    await shot(page, "withdrawn")

    # A visitor who tries anyway: the box cannot be typed into, Send does nothing, and a
    # keystroke sent straight to the locked box (as an extension might) sends nothing either.
    await widget.kc("send").click(force=True)
    await widget.input.evaluate(
        """(el) => {
            el.value = "Noch etwas: anna.schmidt@example.de";
            el.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
        }"""
    )
    assert await widget.focused() != "input"

    provider.reply_text, provider.delay_s = "Ja, wir haben Lastenräder.", 0.0
    await widget.input.evaluate("(el) => { el.value = ''; }")
    await widget.accept("ai_chat")
    await widget.send("Haben Sie Lastenräder?")
    await widget.answer("Ja, wir haben Lastenräder.")

    between = [f for f in sent[withdrawn_at:] if f["type"] in ("message", "consent")]
    assert between[0]["type"] == "consent", f"a message was sent while withdrawn: {between}"
    new = provider.requests[requests_before:]
    assert len(new) == 1, f"the provider got more than the one message after re-consent: {new}"
    # The earlier conversation was forgotten at the withdrawal: only the new question goes out.
    assert [m["role"] for m in new[0]["messages"]] == ["system", "user"], new[0]
    assert new[0]["messages"][-1]["content"] == "Haben Sie Lastenräder?"
    assert ("ai_chat", "given") in actions(ledger_since(chat_server, head))
    await shot(page, "withdrawn-then-consent-again")
