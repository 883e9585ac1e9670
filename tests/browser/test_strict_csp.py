"""A site with a strict Content Security Policy: the whole chat works without one violation."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Widget, eventually, shot
from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

# Runs before any page script, outside the page's CSP (it is injected by the browser).
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push({directive: e.effectiveDirective, blocked: e.blockedURI,
                                  source: e.sourceFile, line: e.lineNumber, sample: e.sample});
}, true);
"""

# Chromium words these "Refused to load …" or "Executing inline script violates …".
CSP_CONSOLE = ("Content Security Policy", "Refused to")


async def violations(page: Page) -> list[dict[str, Any]]:
    return await page.evaluate("window.__cspViolations")


async def test_full_chat_under_a_strict_csp_without_violations(
    page: Page, chat_server: RunningServer, host_pages: HostPages, provider: FakeProvider
) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    await page.add_init_script(COLLECT_VIOLATIONS)
    widget = Widget(page)
    url = host_pages.url(chat_server.origin, csp=True)
    response = await page.goto(url)
    assert response is not None
    assert response.headers["content-security-policy"].startswith("default-src 'none'")

    # The policy is in force and the collectors see a violation: an inline script is refused.
    await page.evaluate(
        """() => {
            const s = document.createElement("script");
            s.textContent = "window.__canary = 1";
            document.body.append(s);
        }"""
    )
    await eventually(
        lambda: any(s in m for m in console for s in CSP_CONSOLE), "the canary's console report"
    )
    # Once per copy of the policy: the header and the page's meta tag.
    assert {v["directive"] for v in await violations(page)} == {"script-src-elem"}
    assert await page.evaluate("window.__canary") is None
    console.clear()
    await page.evaluate("window.__cspViolations.length = 0")

    await expect(widget.launcher).to_be_visible()
    # Styled although the policy allows no inline style: the widget's own sheet applies.
    assert await widget.launcher.evaluate("(el) => getComputedStyle(el).position") == "fixed"
    await shot(page, "csp-closed")
    await widget.open()
    await widget.accept("ai_chat", "transcript")
    provider.reply_text = "Unsere Filialen:\n\n- Berlin\n- Hamburg\n\nMehr unter [Filialen](https://example.org/filialen)."
    await widget.send("Wo sind Ihre Filialen? Ich heiße Jonas Becker.")
    message = widget.kc("message-ai").last
    await expect(message.locator('[data-kc="ai-text"]')).to_contain_text("Mehr unter Filialen")
    await expect(message.locator("li")).to_have_count(2)
    await expect(message.locator("a")).to_have_attribute("href", "https://example.org/filialen")
    await expect(widget.kc("redaction-note")).to_contain_text("1 Name")
    await shot(page, "csp-chat")
    await widget.kc("withdraw").click()
    await expect(widget.kc("withdrawn")).to_be_visible()
    await shot(page, "csp-withdrawn")

    assert await violations(page) == []
    assert [m for m in console if any(s in m for s in CSP_CONSOLE)] == []
