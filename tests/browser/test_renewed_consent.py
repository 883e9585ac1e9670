"""Consent that runs out: the server records it as expired, and the widget asks again, unticked,
naming what is affected, and keeps the message the visitor was about to send.

The server's clock is moved a month ahead through `KLARCHAT_TESTING_CLOCK_FILE` (tests only),
so nothing sleeps.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, WebSocket, expect

from tests.browser.conftest import (
    Widget,
    actions,
    axe_violations,
    chat_config,
    describe_violations,
    ledger_head,
    ledger_since,
    shot,
)
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser

MAX_AGE_DAYS = 30
A_MONTH_LATER = str((MAX_AGE_DAYS + 1) * 86_400)

TEXTS = {
    "de": {
        "expired": "Ihre Einwilligung ist abgelaufen",
        "affected": "Betrifft: {x}. Bitte entscheiden Sie erneut.",
        "first": "Ihre Einwilligung",
        "error": "Bitte willigen Sie zuerst ein. Ihre Nachricht bleibt erhalten.",
        "question": "Und wie lange gilt die Garantie?",
    },
    "en": {
        "expired": "Your consent has expired",
        "affected": "Affects: {x}. Please decide again.",
        "first": "Your consent",
        "error": "Please give consent first. Your message is kept.",
        "question": "And how long is the warranty?",
    },
}


@dataclass
class ExpiringServer:
    server: RunningServer
    clock: Path

    def move(self, seconds: str) -> None:
        self.clock.write_text(seconds, encoding="ascii")


@pytest.fixture(scope="module")
def expiring(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider, host_pages: HostPages
) -> Iterator[ExpiringServer]:
    workdir = tmp_path_factory.mktemp("renewal")
    clock = workdir / "clock-offset"
    clock.write_text("0", encoding="ascii")
    config = chat_config(provider, host_pages)
    config["consent"] = {**config["consent"], "max_age_days": MAX_AGE_DAYS}
    server = make_server(workdir, config)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KLARCHAT_TESTING_CLOCK_FILE", str(clock))
        server.start()
    try:
        yield ExpiringServer(server, clock)
    finally:
        server.stop()


@pytest.fixture
def expired_clock(expiring: ExpiringServer) -> Iterator[ExpiringServer]:
    expiring.move("0")
    yield expiring
    expiring.move("0")


def received_frames(page: Page) -> list[dict[str, Any]]:
    frames: list[dict[str, Any]] = []

    def on_socket(ws: WebSocket) -> None:
        ws.on("framereceived", lambda payload: frames.append(json.loads(payload)))

    page.on("websocket", on_socket)
    return frames


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_expired_consent_asks_again_and_keeps_the_message(
    page: Page,
    expired_clock: ExpiringServer,
    host_pages: HostPages,
    provider: FakeProvider,
    lang: str,
) -> None:
    text = TEXTS[lang]
    server = expired_clock.server
    received = received_frames(page)
    widget = Widget(page)
    await widget.load(host_pages.url(server.origin, lang=lang, data_lang=lang))
    await widget.open()
    heading = widget.kc("consent-heading")
    await expect(heading).to_have_text(text["first"])
    await expect(widget.kc("consent-affected")).to_be_hidden()
    await widget.accept("ai_chat", "transcript")
    provider.reply_text = "Zwei Jahre." if lang == "de" else "Two years."
    await widget.send("Haben Sie Lastenräder?")
    await widget.answer(provider.reply_text)
    titles = {
        p["id"]: p["title"] for p in next(f for f in received if f["type"] == "welcome")["purposes"]
    }
    requests_before = len(provider.requests)
    head = ledger_head(server)

    # A month later the visitor writes again: the server records the expiry and refuses the
    # message; the widget shows the step again and keeps the text.
    expired_clock.move(A_MONTH_LATER)
    await widget.send(text["question"])
    await expect(heading).to_have_text(text["expired"])
    affected = widget.kc("consent-affected")
    await expect(affected).to_be_visible()
    await expect(affected).to_have_text(
        text["affected"].replace("{x}", f"{titles['ai_chat']}, {titles['transcript']}")
    )
    await expect(widget.kc("consent")).to_be_visible()
    await expect(widget.kc("consent")).to_have_accessible_name(text["expired"])
    await expect(widget.purpose("ai_chat")).not_to_be_checked()
    await expect(widget.purpose("transcript")).not_to_be_checked()
    await expect(widget.input).to_have_value(text["question"])
    await expect(widget.input).to_be_disabled()
    await expect(widget.kc("withdraw")).to_be_hidden()
    await expect(widget.kc("error")).to_have_text(text["error"])
    await expect(widget.purpose("ai_chat")).to_be_focused()
    assert actions(ledger_since(server, head)) == {
        ("ai_chat", "expired"),
        ("transcript", "expired"),
    }
    assert len(provider.requests) == requests_before, "a message went out on expired consent"
    assert any(f["type"] == "consent_required" for f in received), received
    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)
    await shot(page, f"renewal-expired-{lang}")

    # The latest receipt proves the expiry.
    await widget.kc("rights-toggle").click()
    async with page.expect_download() as info:
        await widget.kc("receipt-download").click()
    receipt = json.loads(Path(await (await info.value).path()).read_text(encoding="utf-8"))
    assert {(e["purpose"], e["action"]) for e in receipt["events"]} == {
        ("ai_chat", "expired"),
        ("transcript", "expired"),
    }
    await widget.kc("rights-toggle").click()

    # Consent given anew: the kept text goes out as it was.
    await widget.accept("ai_chat")
    await expect(widget.kc("consent")).to_be_hidden()
    await expect(widget.input).to_have_value(text["question"])
    await widget.kc("send").click()
    await widget.answer(provider.reply_text, index=1)
    await expect(widget.input).to_have_value("")
    assert provider.requests[-1]["messages"][-1]["content"] == text["question"]
    assert ("ai_chat", "given") in actions(ledger_since(server, head))
