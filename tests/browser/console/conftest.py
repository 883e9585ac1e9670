"""The operator console's browser tests: one server with staff accounts and a metrics
token, a visitor speaking the websocket protocol, and a signed-in page per account.

The visitor is a protocol client rather than the widget: these tests are about the
console, and the client says exactly what the visitor did.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_asyncio
from playwright.async_api import Browser, BrowserContext, Page, expect

from tests.support.chat_client import ChatClient
from tests.support.operators import create_user
from tests.support.server import RunningServer, make_server


@dataclass(frozen=True)
class Staff:
    username: str
    display_name: str
    role: str
    password: str


METRICS_TOKEN = "metrics-token-for-the-console-tests"
ANNA = Staff("anna", "Anna", "operator", "anna-password-1234")
BEN = Staff("ben", "Ben", "operator", "ben-password-12345")
CHEF = Staff("chef", "Chefin", "admin", "chef-password-1234")
LOCKED = Staff("lotte", "Lotte", "operator", "lotte-password-123")
MAX_FAILED_LOGINS = 3


@pytest.fixture(scope="session")
def console_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = make_server(
        tmp_path_factory.mktemp("console"),
        {
            "adapter": "echo",
            "operator": {
                "metrics_token": METRICS_TOKEN,
                "max_failed_logins": MAX_FAILED_LOGINS,
                "lockout_seconds": 60,
            },
            "handoff": {"queue_when_unavailable": True},
        },
    )
    server.start()
    for staff in (ANNA, BEN, CHEF, LOCKED):
        made = create_user(
            server,
            staff.username,
            role=staff.role,
            display_name=staff.display_name,
            password=staff.password,
        )
        assert made.returncode == 0, made.stderr
    yield server
    server.stop()


async def sign_in(page: Page, server: RunningServer, staff: Staff, lang: str = "de") -> None:
    await page.goto(f"{server.origin}/admin/login?lang={lang}")
    await page.locator('[data-kc="username"]').fill(staff.username)
    await page.locator('[data-kc="password"]').fill(staff.password)
    await page.locator('[data-kc="login-submit"]').click()
    await expect(page.locator('[data-kc="account-name"]')).to_have_text(staff.display_name)


@pytest_asyncio.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """As the suite's, but axe-core may be injected: the console's pages forbid inline
    scripts, and `test_csp.py` checks them under their own policy in a normal context."""
    ctx = await browser.new_context(
        locale="en-US",
        timezone_id="Europe/Berlin",
        viewport={"width": 1024, "height": 768},
        bypass_csp=True,
    )
    yield ctx
    await ctx.close()


@pytest_asyncio.fixture
async def second_context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """Another person's browser: its own cookies, German."""
    ctx = await browser.new_context(
        locale="de-DE", viewport={"width": 1200, "height": 900}, bypass_csp=True
    )
    yield ctx
    await ctx.close()


class Visitor:
    """A visitor who chats and asks for a person, through the websocket protocol."""

    def __init__(self, client: ChatClient) -> None:
        self.client = client
        self.frames: list[dict[str, Any]] = []

    async def until(self, frame_type: str, **fields: Any) -> dict[str, Any]:
        """Read frames (keeping them) until one of `frame_type` with these fields arrives."""
        while True:
            frame = await self.client.recv()
            self.frames.append(frame)
            if frame["type"] == frame_type and all(frame.get(k) == v for k, v in fields.items()):
                return frame

    async def ask_for_person(self) -> None:
        await self.client.send({"type": "handoff", "action": "request"})
        await self.until("handoff", state="consent")
        await self.client.send(
            {
                "type": "consent",
                "policy_version": self.client.welcome["policy_version"],
                "choices": {"human_support": True},
            }
        )
        await self.until("handoff", state="waiting")


@pytest_asyncio.fixture
async def visitor(console_server: RunningServer) -> AsyncIterator[Visitor]:
    client = await ChatClient.open(console_server.ws_url)
    await client.hello("de")
    await client.consent(ai_chat=True)
    yield Visitor(client)
    await client.close()
