"""Verification from the records page finds an edited ledger row and names it: its own
server, whose database is altered behind its back (the append-only trigger dropped)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import shot
from tests.browser.console.conftest import CHEF, sign_in
from tests.support.chat_client import ChatClient
from tests.support.operators import create_user
from tests.support.server import RunningServer, make_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tampered_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = make_server(tmp_path_factory.mktemp("tampered"), {"adapter": "echo"})
    server.start()
    made = create_user(
        server, CHEF.username, role="admin", display_name=CHEF.display_name, password=CHEF.password
    )
    assert made.returncode == 0, made.stderr
    yield server
    server.stop()


async def consenting_visitor(server: RunningServer) -> None:
    client = await ChatClient.open(server.ws_url)
    await client.hello("de")
    await client.consent(ai_chat=True)
    await client.close()


async def test_an_edited_ledger_row_is_named_on_the_page(
    page: Page, tampered_server: RunningServer
) -> None:
    for _ in range(3):
        await consenting_visitor(tampered_server)
    await sign_in(page, tampered_server, CHEF)
    await page.goto(f"{tampered_server.origin}/admin/records?lang=de")
    await page.locator('[data-kc="verify-submit"]').click()
    await expect(page.locator('[data-kc="verification-ledger"]')).to_have_attribute(
        "data-ok", "true"
    )

    with closing(sqlite3.connect(tampered_server.database, timeout=10)) as db:
        db.execute("DROP TRIGGER consent_events_append_only_update")
        db.execute("UPDATE consent_events SET action = 'declined' WHERE seq = 2")
        db.commit()

    await page.locator('[data-kc="verify-submit"]').click()
    ledger = page.locator('[data-kc="verification-ledger"]')
    await expect(ledger).to_have_attribute("data-ok", "false")
    await expect(ledger).to_have_attribute("data-bad-seq", "2")
    await expect(ledger).to_contain_text(
        "FEHLER bei Eintrag 2: der Hash passt nicht zum Inhalt des Eintrags"
    )
    await expect(page.locator('[data-kc="verification-oversight"]')).to_have_attribute(
        "data-ok", "true"
    )
    await shot(page, "console-records-tampered")
