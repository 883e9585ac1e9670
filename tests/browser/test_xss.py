"""Hostile text from the provider or the visitor is shown as text, never run or linked."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import HOST, ROOT, Widget, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<img src=x onerror=window.__pwned=1>",
    "<script>window.__pwned=2</script>",
    "[click](javascript:window.__pwned=3)",
    '<a href="javascript:window.__pwned=4">link</a>',
    "[zwei](JaVaScRiPt:window.__pwned=5)",
    "[drei](data:text/html,<script>window.__pwned=6</script>)",
    "<svg onload=window.__pwned=7></svg>",
    "<iframe src=javascript:window.__pwned=8></iframe>",
]
ANSWER = (
    "Achtung:\n\n"
    + "\n\n".join(PAYLOADS)
    + "\n\nHilfe gibt es hier: [Hilfe](https://example.org/hilfe)"
)
VISITOR = "Test <img src=x onerror=window.__pwned=11> <script>window.__pwned=12</script> [klick](javascript:window.__pwned=13)"

# Everything in the shadow root that could run code or load something.
INSPECT = """(selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const all = [...root.querySelectorAll("*")];
    return {
        dangerous: all.filter((el) => ["IMG", "SCRIPT", "IFRAME", "OBJECT", "EMBED", "SVG", "svg",
                                       "STYLE", "LINK", "META", "BASE", "FORM"].includes(el.tagName)
                                      && el.closest('[data-kc^="message"]'))
                      .map((el) => el.outerHTML),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name))
                                                         .map((a) => el.tagName + " " + a.name)),
        scriptUrls: all.flatMap((el) => ["href", "src", "action", "formaction", "xlink:href"]
                        .map((n) => el.getAttribute(n) || "")
                        .filter((v) => /^\\s*(javascript|data|vbscript):/i.test(v))),
        pwned: window.__pwned,
    };
}"""


async def test_html_and_script_payloads_stay_text(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    provider.reply_text, provider.chunk_chars = ANSWER, 7  # tags arrive split across deltas
    widget = Widget(page)
    await widget.load(host_pages.url(chat_server.origin))
    await widget.open()
    await widget.accept("ai_chat")

    await widget.send(VISITOR)
    user = widget.kc("message-user")
    await expect(user).to_contain_text(VISITOR)
    message = widget.kc("message-ai").last
    text = message.locator('[data-kc="ai-text"]')
    await expect(text).to_contain_text("Hilfe gibt es hier")
    await expect(text).to_contain_text("Hilfe gibt es hier: Hilfe")
    for payload in (PAYLOADS[0], PAYLOADS[1], PAYLOADS[3], PAYLOADS[6], PAYLOADS[7]):
        await expect(text).to_contain_text(payload)
    await expect(text).to_contain_text("click")
    await shot(page, "xss")

    # The one allowed link, and nothing else is a link.
    links = message.locator("a")
    await expect(links).to_have_count(1)
    await expect(links).to_have_text("Hilfe")
    await expect(links).to_have_attribute("href", "https://example.org/hilfe")
    await expect(links).to_have_attribute("target", "_blank")
    rel = set((await links.get_attribute("rel") or "").split())
    assert rel == {"noopener", "noreferrer", "nofollow"}, rel
    await expect(user.locator("a")).to_have_count(0)

    # Clicking the would-be links does nothing either.
    await text.get_by_text("click", exact=False).first.click()
    found = await page.evaluate(INSPECT, HOST)
    assert found == {"dangerous": [], "handlers": [], "scriptUrls": [], "pwned": None}, found
    assert await page.evaluate("document.querySelectorAll('img, iframe, svg').length") == 0
    scripts = await page.evaluate("[...document.scripts].map((s) => s.src)")
    assert all(src.startswith(chat_server.origin) for src in scripts), scripts


@pytest.mark.parametrize(
    "bundle", ["klarchat.js", "klarchat-ui.de.js", "klarchat-ui.en.js", "klarchat-handoff.js"]
)
def test_built_widget_has_no_html_sinks_and_no_storage(bundle: str) -> None:
    """The contract: no innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere;
    and no browser storage, except sessionStorage in the UI bundle (the resume token, kept
    only with `transcript` consent). Checked in what is served, the built files in static/."""
    source = (ROOT / "static" / bundle).read_text(encoding="utf-8")
    forbidden = [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "createContextualFragment",
        "DOMParser",
        "eval(",
        "new Function",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "document.cookie",
    ]
    if bundle.startswith("klarchat-ui."):
        forbidden.remove("sessionStorage")
    assert [name for name in forbidden if name in source] == []
