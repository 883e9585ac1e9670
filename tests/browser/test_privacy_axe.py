"""axe-core finds nothing on the privacy notice, in German and in English."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser

from tests.browser.conftest import axe_violations, describe_violations
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_privacy_notice_has_no_axe_violations(
    browser: Browser, chat_server: RunningServer, lang: str
) -> None:
    # The notice's own policy forbids injected scripts; axe is the test's, not the page's.
    context = await browser.new_context(bypass_csp=True)
    try:
        page = await context.new_page()
        await page.goto(f"{chat_server.origin}/privacy?lang={lang}")
        assert await page.get_attribute("html", "lang") == lang
        violations = await axe_violations(page)
        assert violations == [], describe_violations(violations)
    finally:
        await context.close()
