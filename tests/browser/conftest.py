"""Shared fixtures for the browser suite: one Chromium, one stand-in provider, one host site
and one chat server for the whole session, a fresh browser context per test.

Everything here is async (Playwright's async API on pytest-asyncio's session loop): a
session-wide *sync* Playwright keeps its own event loop marked as running, which breaks
every async test that runs after it (the integration tests).

The chat runs cross-origin, as on a real site: the host page comes from `HostPages` on one
loopback port, the widget, UI bundle and websocket from the chat server on another.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from playwright.async_api import Browser, BrowserContext, Locator, Page, async_playwright, expect

from tests.support.fake_provider import FakeProvider
from tests.support.host_pages import HostPages
from tests.support.protocol_check import check_server_frame
from tests.support.server import RunningServer, make_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE_JS = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The server's disclosure and assistant name are set to texts no widget could have built
# in, so that the tests prove the widget shows what the server sent.
DISCLOSURE = {
    "de": "Hinweis vom Testserver: Sie schreiben mit einem KI-System, nicht mit einem Menschen.",
    "en": "Notice from the test server: you are writing to an AI system, not a human.",
}
ASSISTANT = "Radlerhilfe"
DEFAULT_REPLY = "Gern helfe ich Ihnen weiter."

HOST = 'klarchat-widget[data-kc="host"]'

# Expectations wait this long for the widget (ms); the server answers in well under a second.
expect.set_options(timeout=10_000)


# --------------------------------------------------------------------------- servers


@pytest.fixture(scope="session")
def host_pages() -> Iterator[HostPages]:
    with HostPages() as pages:
        yield pages


@pytest.fixture(scope="session")
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as fake:
        yield fake


@pytest.fixture(autouse=True)
def _reset_provider(request: pytest.FixtureRequest) -> None:
    """Each test states the provider behaviour it needs; none inherits another's."""
    if "provider" in request.fixturenames:
        fake: FakeProvider = request.getfixturevalue("provider")
        fake.reset(DEFAULT_REPLY)


def chat_config(provider: FakeProvider, host_pages: HostPages) -> dict[str, Any]:
    """The OpenAI-compatible adapter pointed at the stand-in provider; the host site allowed."""
    return {
        "allowed_origins": [host_pages.origin],
        "adapter": "openai",
        "adapters": {
            "openai": {
                "base_url": provider.base_url,
                "model": "test-model",
                "api_key": "sk-test",
                "timeout_seconds": 10,
            }
        },
        "consent": {"disclosure": DISCLOSURE},
        "assistant": {"name": ASSISTANT},
    }


@pytest.fixture(scope="session")
def chat_server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider, host_pages: HostPages
) -> Iterator[RunningServer]:
    server = make_server(tmp_path_factory.mktemp("browser-chat"), chat_config(provider, host_pages))
    server.start()
    yield server
    server.stop()


# --------------------------------------------------------------------------- browser


@pytest_asyncio.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run ./scripts/test, which installs it")
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        await chromium.close()


@pytest_asyncio.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A fresh profile per test: no cookies, storage or cache carried over.

    The browser's own language is English on purpose: the widget must take its language
    from `data-lang` or `<html lang>`, never from `navigator.language`.
    """
    ctx = await browser.new_context(
        locale="en-US", timezone_id="Europe/Berlin", viewport={"width": 1024, "height": 768}
    )
    yield ctx
    await ctx.close()


@dataclass
class PageLog:
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    frames: list[str | bytes] = field(default_factory=list)
    """Every websocket frame the page received, checked against the protocol schema."""


@pytest_asyncio.fixture
async def page(context: BrowserContext, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    """A page whose uncaught script errors fail the test; on failure a screenshot is saved."""
    new_page = await context.new_page()
    log = PageLog()
    new_page.on("console", lambda message: log.console.append(f"{message.type}: {message.text}"))
    new_page.on("pageerror", lambda error: log.errors.append(str(error)))
    new_page.on(
        "websocket", lambda ws: ws.on("framereceived", lambda frame: log.frames.append(frame))
    )
    yield new_page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        try:
            await shot(new_page, f"FAILED-{request.node.name}")
        except Exception as exc:  # the page may have crashed; the failure itself matters more
            print(f"no failure screenshot: {exc!r}")
        print("browser console:\n  " + "\n  ".join(log.console))
    assert log.errors == [], f"uncaught errors in the page: {log.errors}"
    for frame in log.frames:
        check_server_frame(json.loads(frame))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


async def eventually(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    """Wait (without blocking the event loop) until `condition()` holds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {what}")
        await asyncio.sleep(0.05)


async def shot(page: Page, name: str) -> Path:
    """Save a screenshot of the current state to test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    await settle(page)
    await page.screenshot(path=str(path))
    return path


# --------------------------------------------------------------------------- the widget


class Widget:
    """The widget on a page, addressed through the contract's `data-kc` hooks only."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.host = page.locator(HOST)

    def kc(self, name: str) -> Locator:
        """An element inside the widget's (open) shadow root; Playwright's CSS pierces it."""
        return self.host.locator(f'[data-kc="{name}"]')

    @property
    def launcher(self) -> Locator:
        return self.kc("launcher")

    @property
    def input(self) -> Locator:
        return self.kc("input")

    def purpose(self, purpose_id: str) -> Locator:
        return self.kc(f"purpose-{purpose_id}")

    async def load(self, url: str) -> None:
        await self.page.goto(url)
        await expect(self.launcher).to_be_visible()

    async def open(self) -> None:
        await self.launcher.click()
        await expect(self.kc("dialog")).to_be_visible()
        await expect(self.kc("disclosure")).not_to_be_empty()

    async def accept(self, *purposes: str) -> None:
        """Tick the given purposes (default: the required `ai_chat`) and press Accept."""
        for purpose_id in purposes or ("ai_chat",):
            await self.purpose(purpose_id).check()
        await self.kc("accept").click()
        await expect(self.input).to_be_enabled()

    async def send(self, text: str) -> None:
        await self.input.fill(text)
        await self.kc("send").click()

    async def answer(self, text: str, index: int = -1) -> Locator:
        """Wait until AI message number `index` (default: the last) shows `text`; return it."""
        messages = self.kc("message-ai")
        message = messages.last if index == -1 else messages.nth(index)
        await expect(message.locator('[data-kc="ai-text"]')).to_have_text(text)
        return message

    async def focused(self) -> str | None:
        """The `data-kc` (or tag name) of the focused element inside the widget, else None."""
        return await self.page.evaluate(
            """(selector) => {
                const host = document.querySelector(selector);
                if (!host || document.activeElement !== host) return null;
                const el = host.shadowRoot.activeElement;
                return el ? (el.dataset.kc || el.tagName.toLowerCase()) : "shadow-root";
            }""",
            HOST,
        )

    async def focus_ring(self) -> dict[str, str]:
        """The computed outline and box-shadow of the focused element inside the widget."""
        return await self.page.evaluate(
            """(selector) => {
                const el = document.querySelector(selector).shadowRoot.activeElement;
                const cs = getComputedStyle(el);
                return {outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth,
                        boxShadow: cs.boxShadow};
            }""",
            HOST,
        )


def focus_is_visible(ring: dict[str, str]) -> bool:
    outline = ring["outlineStyle"] != "none" and float(ring["outlineWidth"].rstrip("px") or 0) > 0
    return outline or ring["boxShadow"] != "none"


async def settle(page: Page) -> None:
    """Wait for the widget's running animations (e.g. the dialog fading in) to finish, so that
    colour checks and screenshots see the final state rather than a frame of the fade."""
    await page.evaluate(
        """async (selector) => {
            const host = document.querySelector(selector);
            const running = [...document.getAnimations(),
                             ...(host && host.shadowRoot ? host.shadowRoot.getAnimations() : [])];
            await Promise.all(running.map((a) => a.finished.catch(() => null)));
        }""",
        HOST,
    )


# --------------------------------------------------------------------------- axe-core


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (from widget/node_modules) over the whole document, shadow DOM included."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `cd widget && npm ci` (axe-core is a devDependency)")
    await settle(page)
    if not await page.evaluate("typeof window.axe === 'object'"):
        await page.add_script_tag(path=str(AXE_JS))
    return await page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
            }));
        }"""
    )


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = re.sub(r"\s+", " ", node["summary"] or "")
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the ledger


def ledger_head(server: RunningServer) -> int:
    """The highest `seq` in the consent ledger; events of a test are those after it."""
    with _connect(server) as db:
        return db.execute("SELECT COALESCE(MAX(seq), 0) FROM consent_events").fetchone()[0]


def ledger_since(server: RunningServer, seq: int) -> list[dict[str, Any]]:
    """Every consent event after `seq`, in order: seq, purpose, action, at."""
    with _connect(server) as db:
        db.row_factory = sqlite3.Row
        rows = db.execute(
            "SELECT seq, purpose, action, at FROM consent_events WHERE seq > ? ORDER BY seq", (seq,)
        ).fetchall()
    return [dict(row) for row in rows]


def actions(events: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(event["purpose"], event["action"]) for event in events}


def _connect(server: RunningServer) -> closing[sqlite3.Connection]:
    if not server.database.exists():
        pytest.fail(f"no database at {server.database}")
    return closing(sqlite3.connect(server.database, timeout=10))
