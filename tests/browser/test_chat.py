"""A chat through the OpenAI-compatible adapter: redaction shown, answer labelled and announced."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import DEFAULT_REPLY, Widget, chat_config, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser

NAME, EMAIL = "Anna Schmidt", "anna.schmidt@example.de"


def user_messages(body: dict[str, object]) -> list[str]:
    return [m["content"] for m in body["messages"] if m["role"] == "user"]  # type: ignore[index,union-attr]


async def test_message_is_redacted_and_the_answer_labelled_and_restored(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    provider.reply_text = "Danke, <PERSON_1>! Wir antworten an <EMAIL_ADDRESS_1>."
    provider.chunk_chars = 4  # placeholders arrive split across deltas
    before = len(provider.requests)
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat")

    text = f"Ich heiße {NAME}, meine E-Mail ist {EMAIL}. Wann liefern Sie?"
    await widget.send(text)
    await expect(widget.kc("message-user")).to_have_count(1)
    await expect(widget.kc("message-user")).to_contain_text(text)
    note = widget.kc("redaction-note")
    await expect(note).to_have_count(1)
    await expect(note).to_be_visible()
    note_text = " ".join((await note.inner_text()).split())
    match = re.fullmatch(r"Vor dem Senden entfernt: (.+)", note_text)
    assert match, note_text
    assert sorted(match.group(1).split(", ")) == ["1 E-Mail-Adresse", "1 Name"], note_text
    # Accepted by the server, so the textarea is empty for the next message.
    await expect(widget.input).to_have_value("")

    answer = await widget.answer(f"Danke, {NAME}! Wir antworten an {EMAIL}.")
    label = answer.locator('[data-kc="ai-label"]')
    await expect(label).to_be_visible()
    await expect(label).to_contain_text("KI")
    # What a screen reader gets for the message: the AI label, then the answer.
    spoken = await answer.aria_snapshot()
    print("AI message as exposed to assistive technology:\n" + spoken)
    assert "KI-Assistent:" in spoken, spoken
    assert spoken.find("KI-Assistent:") < spoken.find("Danke"), spoken
    await expect(widget.kc("disclosure")).to_be_in_viewport()

    new = provider.requests[before:]
    assert len(new) == 1, new
    assert user_messages(new[0])[-1].count("<EMAIL_ADDRESS_1>") == 1, new[0]
    assert "<PERSON_1>" in user_messages(new[0])[-1], new[0]
    for raw in provider.raw_bodies[before:]:
        sent = json.loads(raw)
        flat = json.dumps(sent, ensure_ascii=False)
        assert EMAIL not in flat and "Schmidt" not in flat, flat
    await shot(page, "chat-answer")


async def test_live_region_announces_the_finished_answer_once_not_the_stream(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    reply = "Die Lieferung dauert zwei bis drei Werktage, danach erhalten Sie eine Nachricht."
    provider.reply_text, provider.chunk_chars, provider.delay_s = reply, 8, 0.2
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat")
    status, log = widget.kc("status"), widget.kc("log")
    await expect(status).to_have_attribute("aria-live", "polite")
    box = await status.bounding_box()
    assert box is None or (box["width"] <= 1 and box["height"] <= 1), f"status is visible: {box}"
    await expect(log).to_have_role("log")
    # role="log" is implicitly aria-live="polite": without "off" every delta would be read.
    await expect(log).to_have_attribute("aria-live", "off")

    await widget.send("Wie lange dauert die Lieferung?")
    streaming = widget.kc("message-ai").last.locator('[data-kc="ai-text"]')
    await expect(streaming).to_contain_text("Die Lieferung")
    partial = " ".join((await streaming.inner_text()).split())
    announced = await status.text_content() or ""
    assert partial != reply, "the answer finished before it could be watched streaming"
    assert "Lieferung" not in announced, f"partial answer announced: {announced!r}"
    await shot(page, "chat-streaming")

    await widget.answer(reply)
    await expect(status).to_contain_text(reply)
    announced = await status.text_content() or ""
    assert announced.count(reply) == 1, announced
    assert announced.count("Die Lieferung") == 1, announced


async def test_provider_failure_shows_an_alert_and_the_chat_goes_on(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    widget = Widget(page)
    received: list[dict[str, object]] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: received.append(json.loads(payload))),
    )
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat")

    provider.status = 500
    await widget.send("Haben Sie heute geöffnet?")
    alert = widget.kc("error")
    await expect(alert).to_be_visible()
    await expect(alert).to_have_role("alert")
    await expect(alert).not_to_be_empty()
    errors = [f for f in received if f["type"] == "error"]
    assert [f["code"] for f in errors] == ["provider_error"], errors
    # A known code is shown in the page's language, not as the server's English message.
    await expect(alert).not_to_contain_text(str(errors[0]["message"]))
    await shot(page, "chat-provider-error")

    provider.status = 200
    await widget.send("Und morgen?")
    await widget.answer(DEFAULT_REPLY)


@pytest.fixture(scope="module")
def limited_server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider, host_pages: HostPages
) -> Iterator[RunningServer]:
    config = chat_config(provider, host_pages)
    config["limits"] = {"messages_per_minute": 1}
    server = make_server(tmp_path_factory.mktemp("browser-limited"), config).start()
    yield server
    server.stop()


async def test_a_refused_message_stays_in_the_textarea(
    page: Page, limited_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    widget = Widget(page)
    await widget.load(host_pages.url(limited_server.origin))
    await widget.open()
    await widget.accept("ai_chat")
    await widget.send("Erste Frage: Haben Sie Klingeln?")
    await widget.answer(DEFAULT_REPLY)

    second = "Zweite Frage, eine zu viel in dieser Minute"
    before = len(provider.requests)
    await widget.send(second)
    await expect(widget.kc("error")).to_be_visible()
    await expect(widget.kc("error")).to_have_role("alert")
    await expect(widget.input).to_have_value(second)
    await expect(widget.input).to_be_enabled()
    assert provider.requests[before:] == []
    await shot(page, "chat-rate-limited")
