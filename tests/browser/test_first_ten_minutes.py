"""A visitor's first minutes: Accept and Decline in sight on every screen, the chat
full-screen on a phone, a site that is not allowed told so once (no retrying), a
greeting after consent, and the conversation redrawn after a reload."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import (
    HOST,
    Widget,
    axe_violations,
    describe_violations,
    settle,
    shot,
)
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser

SCREENS = [(360, 640), (390, 844), (1280, 800), (1920, 1080)]


async def in_sight(page: Page, name: str) -> bool:
    """The element's centre is inside the viewport and it is the element found there
    (not scrolled away, clipped by the dialog or covered by something else)."""
    return await page.evaluate(
        """([selector, name]) => {
            const root = document.querySelector(selector).shadowRoot;
            const el = root.querySelector(`[data-kc="${name}"]`);
            const box = el.getBoundingClientRect();
            const x = box.left + box.width / 2, y = box.top + box.height / 2;
            if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
            const hit = root.elementFromPoint(x, y);
            return hit === el || el.contains(hit);
        }""",
        [HOST, name],
    )


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("width", "height"), SCREENS)
async def test_accept_and_decline_are_in_sight_without_scrolling(
    context: BrowserContext,
    chat_server: RunningServer,
    host_pages: HostPages,
    width: int,
    height: int,
    lang: str,
) -> None:
    page = await context.new_page()
    await page.set_viewport_size({"width": width, "height": height})
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin, lang=lang))
    await widget.open()
    await expect(widget.kc("accept")).to_be_visible()
    assert await in_sight(page, "accept"), "Accept is out of sight"
    assert await in_sight(page, "decline"), "Decline is out of sight"
    # The details are folded, one click away, and still there.
    more = widget.kc("purpose-more").first
    await expect(widget.kc("purpose-details").first).to_be_hidden()
    await shot(page, f"first-consent-{lang}-{width}x{height}")
    await more.locator("summary").click()
    await expect(widget.kc("purpose-details").first).to_be_visible()
    assert await in_sight(page, "accept"), "Accept went out of sight with the details open"
    await shot(page, f"first-consent-details-{lang}-{width}x{height}")
    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)
    await page.close()


async def test_on_a_phone_the_chat_fills_the_screen(
    context: BrowserContext, chat_server: RunningServer, host_pages: HostPages
) -> None:
    page = await context.new_page()
    await page.set_viewport_size({"width": 390, "height": 844})
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await settle(page)  # the dialog slides in by a few pixels
    box = await widget.kc("dialog").bounding_box()
    assert box is not None
    assert [round(box[k]) for k in ("x", "y", "width", "height")] == [0, 0, 390, 844]
    await shot(page, "first-phone-390x844")
    await widget.kc("close").click()
    await expect(widget.kc("dialog")).to_be_hidden()
    await expect(widget.launcher).to_be_visible()
    await page.close()


async def test_a_site_that_is_not_allowed_is_told_so_once(
    page: Page, chat_server: RunningServer
) -> None:
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    with HostPages() as other_site:  # another port: an origin the server does not allow
        widget = Widget(page)
        await widget.load(other_site.url(chat_server.origin, lang="en"))
        await widget.open()
        connection = widget.kc("connection")
        await expect(connection).to_contain_text("The chat is not enabled on this page")
        await asyncio.sleep(3)  # the first retries would have come after 0.25-1 s and 0.5-2 s
        assert len(sockets) == 1
        await expect(connection).to_contain_text("allowed_origins")
        await shot(page, "first-refused-origin")
        violations = await axe_violations(page)
        assert violations == [], describe_violations(violations)


async def test_after_consent_the_assistant_greets_and_offers_questions(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    provider.reply_text = "Das Paket ist unterwegs."
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await expect(widget.kc("greeting")).to_have_count(0)  # nothing before consent
    await widget.accept()
    greeting = widget.kc("greeting")
    await expect(greeting.locator('[data-kc="ai-text"]')).to_have_text(
        "Hallo! Ich bin ein KI-Assistent. Wobei kann ich Ihnen helfen?"
    )
    await expect(greeting.locator('[data-kc="ai-label"]')).to_be_visible()
    suggestions = widget.kc("suggestion")
    await expect(suggestions).to_have_count(3)
    await shot(page, "first-greeting")
    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)
    await suggestions.first.click()
    await expect(widget.kc("message-user")).to_have_text(
        "Meine Bestellung ist noch nicht angekommen."
    )
    await widget.answer("Das Paket ist unterwegs.")
    await expect(widget.kc("suggestions")).to_have_count(0)
    assert provider.requests[-1]["messages"][-1]["content"] == (
        "Meine Bestellung ist noch nicht angekommen."
    )


async def test_a_reload_redraws_the_conversation_the_server_holds(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    provider.reply_text = "Gern, Frau Kowalski: Die Rücksendung ist 30 Tage lang kostenlos."
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat", "transcript")
    await widget.send("Ich bin Anna Kowalski. Kann ich die Schuhe zurückschicken?")
    await widget.answer("Gern, Frau Kowalski: Die Rücksendung ist 30 Tage lang kostenlos.")

    await page.reload()
    await widget.open()
    await expect(widget.kc("resumed")).to_be_visible()
    await expect(widget.kc("message-user")).to_have_text(
        ["Ich bin Anna Kowalski. Kann ich die Schuhe zurückschicken?"]
    )
    await expect(widget.kc("message-ai").locator('[data-kc="ai-text"]')).to_have_text(
        ["Gern, Frau Kowalski: Die Rücksendung ist 30 Tage lang kostenlos."]
    )
    await expect(widget.kc("consent")).to_be_hidden()
    await expect(widget.kc("greeting")).to_have_count(0)
    await expect(widget.input).to_be_enabled()
    await shot(page, "first-redrawn-after-reload")


@pytest.mark.parametrize("path", ["/privacy", "/privacy?lang=en", "/"])
async def test_the_server_pages_fit_a_phone(
    context: BrowserContext, chat_server: RunningServer, path: str
) -> None:
    page = await context.new_page()
    await page.set_viewport_size({"width": 390, "height": 844})
    response = await page.goto(chat_server.origin + path)
    assert response is not None and response.ok
    widths = await page.evaluate(
        """() => ({page: document.documentElement.scrollWidth,
                   snippets: [...document.querySelectorAll("pre")].map(
                       (p) => p.scrollWidth - p.clientWidth)})"""
    )
    assert widths["page"] <= 390, "the page scrolls sideways"
    assert all(overflow <= 0 for overflow in widths["snippets"]), "a snippet is cut off"
    await shot(page, "first-page" + path.replace("/", "-").replace("?", "-").replace("=", "-"))
    await page.close()


async def test_the_favicon_exists_and_the_demo_says_what_answers(
    context: BrowserContext, tmp_path_factory: pytest.TempPathFactory
) -> None:
    server = make_server(tmp_path_factory.mktemp("demo"), {}).start()  # the defaults: offline
    try:
        page = await context.new_page()
        icon = await page.request.get(server.origin + "/favicon.ico")
        assert icon.status == 200 and "icon" in icon.headers["content-type"]
        await page.goto(server.origin + "/")
        await expect(page.get_by_text("eine eingebaute FAQ zum Ausprobieren")).to_be_visible()
        await expect(page.get_by_text("not an AI")).to_be_visible()
        # The demo embeds the loader with its integrity hash, under the page's own strict
        # policy: the chat still opens, the whole chain of hashes holds.
        await page.get_by_role("button", name="Chat öffnen").click()
        await expect(page.locator('[data-kc="consent"]')).to_be_visible()
        snippet = await page.locator("pre code").first.text_content()
        assert 'integrity="sha384-' in (snippet or "")
        await page.close()
    finally:
        server.stop()
