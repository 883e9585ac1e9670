"""Signing in to the console: the right password opens it, a wrong one says so, repeated
failures lock the name, and the login page passes axe in both languages."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import axe_violations, describe_violations, shot
from tests.browser.console.conftest import ANNA, LOCKED, MAX_FAILED_LOGINS, sign_in
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser


async def try_password(page: Page, server: RunningServer, username: str, password: str) -> None:
    await page.goto(f"{server.origin}/admin/login?lang=de")
    await page.locator('[data-kc="username"]').fill(username)
    await page.locator('[data-kc="password"]').fill(password)
    await page.locator('[data-kc="login-submit"]').click()


async def test_the_right_password_opens_the_console(
    page: Page, console_server: RunningServer
) -> None:
    await sign_in(page, console_server, ANNA)
    assert page.url.startswith(f"{console_server.origin}/admin/console")
    await expect(page.locator('[data-kc="availability"]')).to_be_visible()
    await expect(page.locator('[data-kc="nav-records"]')).to_have_count(0)
    cookie = next(c for c in await page.context.cookies() if c["name"] == "klarchat_admin")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    await shot(page, "console-empty")


async def test_a_wrong_password_is_refused_with_an_alert(
    page: Page, console_server: RunningServer
) -> None:
    await try_password(page, console_server, ANNA.username, "not-the-password")
    error = page.locator('[data-kc="login-error"]')
    await expect(error).to_have_attribute("role", "alert")
    await expect(error).to_have_text("Benutzername oder Passwort ist falsch.")
    await expect(page.locator('[data-kc="account-name"]')).to_have_count(0)
    await expect(page.locator('[data-kc="username"]')).to_have_value(ANNA.username)
    await shot(page, "console-login-wrong-password")


async def test_repeated_failures_lock_the_name_even_for_the_right_password(
    page: Page, console_server: RunningServer
) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        await try_password(page, console_server, LOCKED.username, "wrong-password-000")
    await try_password(page, console_server, LOCKED.username, LOCKED.password)
    error = page.locator('[data-kc="login-error"]')
    await expect(error).to_contain_text("vorübergehend gesperrt")
    await expect(page.locator('[data-kc="account-name"]')).to_have_count(0)
    await shot(page, "console-login-locked")


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_the_login_page_has_no_axe_violations(
    page: Page, console_server: RunningServer, lang: str
) -> None:
    await page.goto(f"{console_server.origin}/admin/login?lang={lang}")
    assert await page.get_attribute("html", "lang") == lang
    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)
    await page.locator('[data-kc="username"]').fill("nobody")
    await page.locator('[data-kc="password"]').fill("wrong-password-000")
    await page.locator('[data-kc="login-submit"]').click()
    await expect(page.locator('[data-kc="login-error"]')).to_be_visible()
    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)
