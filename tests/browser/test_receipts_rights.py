"""The visitor's rights in the widget: a signed consent receipt to keep, an export of their
data, and erasure after a confirmation step. Real server, real browser, real downloads."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from playwright.async_api import Download, Locator, Page, Request, WebSocket, expect

from tests.browser.conftest import Widget, axe_violations, describe_violations, shot
from tests.support.chat_client import ChatClient
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

NAME, EMAIL = "Anna Schmidt", "anna.schmidt@example.de"
QUESTION = f"Ich heiße {NAME}, meine E-Mail ist {EMAIL}. Wann liefern Sie das Lastenrad?"
REPLY = "Das Lastenrad kommt in drei Werktagen."


class Frames:
    """Every websocket frame the page sends and receives, parsed."""

    def __init__(self, page: Page) -> None:
        self.sent: list[dict[str, Any]] = []
        self.received: list[dict[str, Any]] = []

        def on_socket(ws: WebSocket) -> None:
            ws.on("framesent", lambda payload: self.sent.append(json.loads(payload)))
            ws.on("framereceived", lambda payload: self.received.append(json.loads(payload)))

        page.on("websocket", on_socket)

    def of(self, frame_type: str) -> list[dict[str, Any]]:
        return [f for f in self.received if f["type"] == frame_type]


def b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def canonical(fields: dict[str, Any]) -> bytes:
    """As the README states: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def verify(receipt: dict[str, Any], key: Ed25519PublicKey) -> None:
    """Raises InvalidSignature unless the receipt is exactly what the server signed."""
    unsigned = {name: value for name, value in receipt.items() if name != "signature"}
    key.verify(b64url(receipt["signature"]), canonical(unsigned))


async def saved(page: Page, control: Locator) -> tuple[Download, str]:
    """Click `control`, wait for the download it starts; return it and its text."""
    async with page.expect_download() as info:
        await control.click()
    download = await info.value
    path = await download.path()
    return download, Path(path).read_text(encoding="utf-8")


async def open_rights(widget: Widget) -> None:
    toggle = widget.kc("rights-toggle")
    await expect(toggle).to_be_visible()
    await expect(toggle).to_have_attribute("aria-expanded", "false")
    await toggle.click()
    await expect(toggle).to_have_attribute("aria-expanded", "true")
    await expect(widget.kc("rights")).to_be_visible()


async def chat_with_transcript(widget: Widget, provider: FakeProvider, url: str) -> None:
    provider.reply_text = REPLY
    await widget.load(url)
    await widget.open()
    await widget.accept("ai_chat", "transcript")
    await widget.send(QUESTION)
    await widget.answer(REPLY)


async def axe_clean(page: Page, state: str) -> None:
    await shot(page, f"axe-{state}")
    violations = await axe_violations(page)
    assert violations == [], f"[{state}]\n" + describe_violations(violations)


async def test_consent_receipt_downloads_from_memory_and_its_signature_verifies(
    page: Page, chat_server: RunningServer, host_pages: HostPages
) -> None:
    frames = Frames(page)
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    # Before any decision there is nothing to prove: the rights area offers no receipt.
    await open_rights(widget)
    await expect(widget.kc("receipt-download")).to_be_hidden()
    await expect(widget.kc("export")).to_be_focused()
    await widget.kc("rights-toggle").click()
    await expect(widget.kc("rights")).to_be_hidden()
    await expect(widget.kc("rights-toggle")).to_be_focused()

    await widget.accept("ai_chat", "transcript")
    recorded = frames.of("consent_recorded")
    assert len(recorded) == 1, frames.received
    sent_receipt = recorded[0]["receipt"]

    # Reachable by keyboard: the toggle opens the area and focus goes to the receipt.
    await widget.kc("rights-toggle").focus()
    await widget.page.keyboard.press("Enter")
    button = widget.kc("receipt-download")
    await expect(button).to_be_focused()
    await expect(button).to_have_accessible_name("Einwilligungsnachweis herunterladen")
    await expect(button).to_have_accessible_description(re.compile("signiert"))
    await expect(widget.kc("receipt-info")).to_be_visible()
    await axe_clean(page, "rights-receipt")

    requests: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith("blob:"):
            requests.append(request.url)

    page.on("request", on_request)
    download, text = await saved(page, button)
    page.remove_listener("request", on_request)
    assert requests == [], f"the receipt download made requests: {requests}"
    assert download.url.startswith("blob:"), download.url

    receipt = json.loads(text)
    assert receipt == sent_receipt
    assert text.startswith("{\n  "), "the receipt should be pretty-printed"
    first = receipt["events"][0]["event_id"]
    assert download.suggested_filename == f"klarchat-receipt-{first[:8]}.json"
    assert {(e["purpose"], e["action"]) for e in receipt["events"]} == {
        ("ai_chat", "given"),
        ("transcript", "given"),
    }
    assert {e["event_id"] for e in receipt["events"]} == {
        e["event_id"] for e in recorded[0]["events"]
    }

    published = httpx.get(
        f"{chat_server.origin}/.well-known/klarchat-signing-key", timeout=5
    ).json()
    assert published["alg"] == receipt["alg"] == "Ed25519"
    assert published["kid"] == receipt["kid"]
    key = Ed25519PublicKey.from_public_bytes(b64url(published["public_key"]))
    verify(receipt, key)
    # The signature covers what the file says: a changed decision no longer verifies.
    forged = json.loads(text)
    forged["events"][0]["action"] = "declined"
    with pytest.raises(InvalidSignature):
        verify(forged, key)

    # After a withdrawal the latest receipt is the one on offer.
    await widget.kc("withdraw").click()
    await expect(widget.kc("withdrawn")).to_be_visible()
    withdrawal = frames.of("consent_recorded")[-1]["receipt"]
    _, text = await saved(page, widget.kc("receipt-download"))
    latest = json.loads(text)
    assert latest == withdrawal
    assert {e["action"] for e in latest["events"]} == {"withdrawn"}
    verify(latest, key)
    await shot(page, "rights-receipt")


async def test_export_downloads_the_visitors_redacted_transcript(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    frames = Frames(page)
    widget = Widget(page)
    await chat_with_transcript(
        widget, provider, host_pages.url(chat_server.origin, lang="en", data_lang="en")
    )
    await open_rights(widget)
    export = widget.kc("export")
    await expect(export).to_have_accessible_name("Download my data")
    await expect(widget.kc("erase")).to_have_accessible_name("Erase my data")
    await expect(widget.kc("receipt-download")).to_have_accessible_name("Download consent receipt")

    download, text = await saved(page, export)
    assert [f for f in frames.sent if f["type"] == "export"] == [{"type": "export"}]
    assert download.suggested_filename.startswith("klarchat-data-"), download.suggested_filename
    data = json.loads(text)
    assert data == frames.of("export")[-1]["data"]
    users = [m["text"] for m in data["transcript"] if m["role"] == "user"]
    assert len(users) == 1 and "Wann liefern Sie das Lastenrad?" in users[0], data["transcript"]
    flat = json.dumps(data, ensure_ascii=False)
    assert EMAIL not in flat and "Schmidt" not in flat, "the export holds unredacted personal data"
    assert "<PERSON_1>" in users[0] and "<EMAIL_ADDRESS_1>" in users[0], users
    assert [m["role"] for m in data["transcript"]] == ["user", "assistant"]
    assert {(e["purpose"], e["action"]) for e in data["consent_events"]} >= {
        ("ai_chat", "given"),
        ("transcript", "given"),
    }
    await expect(widget.kc("status")).to_contain_text("Your data has been downloaded.")


async def test_erase_asks_first_then_clears_the_log_and_a_later_export_holds_no_transcript(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    frames = Frames(page)
    widget = Widget(page)
    await chat_with_transcript(widget, provider, host_pages.url(chat_server.origin))
    await open_rights(widget)
    erase, confirm = widget.kc("erase"), widget.kc("erase-confirm")
    await expect(erase).to_have_accessible_name("Meine Daten löschen")

    # The confirmation step: an alert dialog inside the chat, focus on "Abbrechen"; Escape
    # cancels it (and only it: the chat stays open) and focus returns to the erase button.
    await erase.click()
    await expect(confirm).to_be_visible()
    await expect(confirm).to_have_role("alertdialog")
    await expect(confirm).to_have_accessible_name("Ihre Daten wirklich löschen?")
    await expect(confirm).to_have_accessible_description(re.compile("nicht rückgängig"))
    await expect(widget.kc("erase-cancel")).to_be_focused()
    await axe_clean(page, "erase-confirm")
    await page.keyboard.press("Escape")
    await expect(confirm).to_be_hidden()
    await expect(widget.kc("dialog")).to_be_visible()
    await expect(erase).to_be_focused()
    assert [f for f in frames.sent if f["type"] == "erase"] == [], "Escape must not erase"

    # Cancel by button, then confirm by keyboard.
    await page.keyboard.press("Enter")
    await expect(widget.kc("erase-cancel")).to_be_focused()
    await widget.kc("erase-cancel").click()
    await expect(confirm).to_be_hidden()
    await expect(erase).to_be_focused()
    await erase.click()
    await widget.kc("erase-yes").focus()
    await page.keyboard.press("Enter")

    notice = widget.kc("erased")
    await expect(notice).to_be_visible()
    await expect(notice).to_be_focused()
    erased = frames.of("erased")
    assert len(erased) == 1, frames.received
    stored = erased[0]["deleted"]["messages"]
    assert stored == 2, erased  # the question and the answer, kept with transcript consent
    await expect(notice).to_have_text(re.compile(r"^Gelöscht am .+ \(2 Nachrichten\)\.$"))
    await expect(notice.locator("time")).to_have_attribute("datetime", erased[0]["at"])
    await expect(widget.kc("status")).to_contain_text("Gelöscht am")
    await expect(widget.kc("message-user")).to_have_count(0)
    await expect(widget.kc("message-ai")).to_have_count(0)
    await expect(widget.kc("log")).to_be_empty()
    await axe_clean(page, "erased")
    await shot(page, "rights-erased")

    # The widget's own export afterwards: the ledger and the erasure, no transcript.
    _, text = await saved(page, widget.kc("export"))
    data = json.loads(text)
    assert data["transcript"] == [] and data["audit"] == [], data
    assert [e["messages"] for e in data["erasures"]] == [2], data["erasures"]
    assert data["consent_events"], "the consent ledger is kept"

    # And over a fresh websocket resuming the same session.
    token = frames.of("welcome")[0]["session"]
    client = await ChatClient.open(chat_server.ws_url)
    try:
        welcome = await client.hello("de", resume=token)
        assert welcome["resumed"] is True, welcome
        await client.send({"type": "export"})
        fresh = (await client.expect("export"))["data"]
    finally:
        await client.close()
    assert fresh["subject"] == data["subject"]
    assert fresh["transcript"] == [] and fresh["audit"] == [], fresh
    assert "Lastenrad" not in json.dumps(fresh, ensure_ascii=False)

    # The chat goes on after erasure.
    provider.reply_text = "Gern."
    await widget.send("Danke!")
    await widget.answer("Gern.")
