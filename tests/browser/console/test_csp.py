"""The console's pages work under their own strict Content Security Policy: every script
and style comes from /admin/static, nothing inline is needed, nothing is blocked."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, BrowserContext, Page, expect

from tests.browser.console.conftest import CHEF, Visitor, sign_in
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser


@pytest_asyncio.fixture
async def strict_page(browser: Browser) -> AsyncIterator[tuple[Page, list[str]]]:
    ctx: BrowserContext = await browser.new_context(locale="de-DE")
    page = await ctx.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page, problems
    await ctx.close()


async def test_console_and_records_run_under_the_policy(
    strict_page: tuple[Page, list[str]], console_server: RunningServer, visitor: Visitor
) -> None:
    page, problems = strict_page
    await visitor.ask_for_person()
    await sign_in(page, console_server, CHEF)
    response = await page.request.get(f"{console_server.origin}/admin/console")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    await expect(page.locator('[data-kc="conversation-item"]').first).to_be_visible()
    await expect(page.locator('[data-kc="availability"]')).to_be_enabled()
    await page.goto(f"{console_server.origin}/admin/records")
    await expect(page.locator('[data-kc="figures-chart"] svg')).to_be_visible()
    assert (
        await page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position")
        == "absolute"
    ), "the stylesheet did not load"
    assert problems == []
