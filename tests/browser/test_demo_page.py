"""The demo page in a real Chromium: disclosure, unticked consent, a streamed AI answer."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run ./scripts/test, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def default_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = make_server(tmp_path_factory.mktemp("browser"), {}).start()
    yield server
    server.stop()


def test_demo_page_chat_with_consent(browser: Browser, default_server: RunningServer) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page()
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(f"{default_server.origin}/")
    launcher = page.locator("#klarchat").get_by_role("button", name="Chat öffnen")
    expect(launcher).to_be_visible()
    assert sockets == [], "the websocket must not open before the visitor opens the chat"

    launcher.click()
    banner = page.locator("#klarchat").get_by_role("note")
    expect(banner).to_contain_text("KI-System")
    boxes = page.locator("#klarchat").get_by_role("checkbox")
    expect(boxes).to_have_count(2)
    for index in range(2):
        expect(boxes.nth(index)).not_to_be_checked()
    page.screenshot(path=str(ARTIFACTS / "backbone-consent.png"))

    boxes.nth(0).check()
    page.locator("#klarchat").get_by_role("button", name="Zustimmen").click()
    textbox = page.locator("#klarchat").get_by_role("textbox")
    expect(textbox).to_be_enabled()
    textbox.fill("Wie sind Ihre Öffnungszeiten? Ich bin Petra Lindner.")
    page.locator("#klarchat").get_by_role("button", name="Senden").click()
    expect(page.locator("#klarchat .msg.ai")).not_to_be_empty()
    expect(page.locator("#klarchat .note").first).to_contain_text("Vor dem Senden entfernt")
    page.screenshot(path=str(ARTIFACTS / "backbone-chat.png"))
    assert len(sockets) == 1
    page.close()
