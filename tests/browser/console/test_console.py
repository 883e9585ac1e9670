"""The operator console against a real server: a visitor asks for a person, the console
alerts and lists the conversation first with a ticking waiting time, the operator opens
the redacted transcript, claims, answers under their name and hands back; a second
operator sees who has it; reveals need a reason; nothing a visitor typed becomes markup.
"""

from __future__ import annotations

import re

import pytest
from playwright.async_api import BrowserContext, Locator, Page, expect

from tests.browser.conftest import axe_violations, describe_violations, shot
from tests.browser.console.conftest import ANNA, BEN, Visitor, sign_in
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

NAME = "Wiebke Kowalczyk"
FIRST_MESSAGE = f"Ich heiße {NAME} und meine Bestellung fehlt."


async def waiting_ids(page: Page) -> set[str]:
    return set(
        await page.locator('[data-kc="conversation-item"][data-state="waiting"]').evaluate_all(
            "items => items.map(item => item.dataset.id)"
        )
    )


async def new_waiting_item(page: Page, before: set[str]) -> tuple[Locator, str]:
    """The list item of the conversation that started waiting after `before` was read."""
    for _ in range(100):
        for item_id in await waiting_ids(page) - before:
            return page.locator(f'[data-kc="conversation-item"][data-id="{item_id}"]'), item_id
        await page.wait_for_timeout(100)
    raise AssertionError("no new waiting conversation in the console")


async def open_console(page: Page, server: RunningServer, staff=ANNA, lang: str = "de") -> None:
    await sign_in(page, server, staff, lang)
    availability = page.locator('[data-kc="availability"]')
    await expect(availability).to_be_enabled()
    if not await availability.is_checked():
        await availability.check()
    await expect(availability).to_be_checked()


async def waiting_conversation(
    page: Page, visitor: Visitor, first_message: str = FIRST_MESSAGE
) -> tuple[Locator, str]:
    before = await waiting_ids(page)
    await visitor.client.ask(first_message)
    await visitor.ask_for_person()
    return await new_waiting_item(page, before)


async def test_a_waiting_conversation_is_announced_claimed_answered_and_handed_back(
    page: Page, console_server: RunningServer, visitor: Visitor
) -> None:
    await open_console(page, console_server)
    announcer = page.locator('[data-kc="announcer"]')
    alerts_before = int(await announcer.get_attribute("data-alerts") or 0)

    item, conversation = await waiting_conversation(page, visitor)
    await expect(announcer).to_have_attribute("data-alerts", str(alerts_before + 1))
    await expect(announcer).to_have_attribute("aria-live", "assertive")
    await expect(announcer).not_to_be_empty()
    assert int(await announcer.get_attribute("data-rings") or 0) >= 1, (
        "no sound for an available operator"
    )
    first = page.locator('[data-kc="conversation-item"]').first
    await expect(first).to_have_attribute("data-state", "waiting")
    await expect(item.locator('[data-kc="entities"]')).to_contain_text("PERSON 1")
    waited = await item.locator('[data-kc="waiting-time"]').text_content()
    await expect(item.locator('[data-kc="waiting-time"]')).not_to_have_text(
        waited or "", timeout=3000
    )
    await shot(page, "console-waiting")

    await item.locator('[data-kc="open-conversation"]').click()
    transcript = page.locator('[data-kc="transcript"]')
    await expect(transcript.locator('[data-kc="line-text"]').first).to_contain_text("<PERSON_1>")
    assert NAME.split()[1] not in await page.locator("main").inner_text()
    await expect(page.locator('[data-kc="send-form"]')).to_be_hidden()

    await page.locator('[data-kc="claim"]').click()
    await expect(page.locator('[data-kc="send-form"]')).to_be_visible()
    await expect(page.locator('[data-kc="claim"]')).to_be_hidden()
    await visitor.until("handoff", state="human")
    await shot(page, "console-claimed")

    await page.locator('[data-kc="reply"]').fill("Guten Tag, ich sehe nach Ihrer Bestellung.")
    await page.locator('[data-kc="send"]').click()
    message = await visitor.until("person_message")
    assert message["author"] == {"kind": "person", "name": ANNA.display_name}
    assert message["text"] == "Guten Tag, ich sehe nach Ihrer Bestellung."
    await expect(transcript.locator('[data-kc="line"][data-role="person"]')).to_have_count(1)
    await expect(page.locator('[data-kc="reply"]')).to_have_value("")

    await page.locator('[data-kc="release"]').click()
    await visitor.until("handoff", state="ai")
    await expect(page.locator('[data-kc="send-form"]')).to_be_hidden()
    await expect(
        page.locator(f'[data-kc="conversation-item"][data-id="{conversation}"]')
    ).to_have_attribute("data-state", "ai")
    await shot(page, "console-released")


async def test_a_second_operator_sees_who_claimed_it_and_cannot_answer(
    page: Page,
    second_context: BrowserContext,
    console_server: RunningServer,
    visitor: Visitor,
) -> None:
    await open_console(page, console_server)
    _, conversation = await waiting_conversation(page, visitor)
    ben = await second_context.new_page()
    await open_console(ben, console_server, BEN)

    await page.locator(
        f'[data-kc="conversation-item"][data-id="{conversation}"] [data-kc="open-conversation"]'
    ).click()
    await page.locator('[data-kc="claim"]').click()
    await expect(page.locator('[data-kc="send-form"]')).to_be_visible()

    bens_item = ben.locator(f'[data-kc="conversation-item"][data-id="{conversation}"]')
    await expect(bens_item).to_have_attribute("data-state", "human")
    await expect(bens_item).to_contain_text(ANNA.display_name)
    await bens_item.locator('[data-kc="open-conversation"]').click()
    await expect(ben.locator('[data-kc="conversation-summary"]')).to_contain_text(ANNA.display_name)
    await expect(ben.locator('[data-kc="send-form"]')).to_be_hidden()
    await expect(ben.locator('[data-kc="claim"]')).to_be_hidden()
    await expect(ben.locator('[data-kc="release"]')).to_be_hidden()
    await shot(ben, "console-claimed-by-someone-else")

    await page.locator('[data-kc="close"]').click()
    await visitor.until("handoff", state="closed")
    await expect(bens_item).to_have_attribute("data-state", "closed")


async def test_a_reveal_needs_a_reason_and_says_it_is_recorded(
    page: Page, console_server: RunningServer, visitor: Visitor
) -> None:
    await open_console(page, console_server)
    _, conversation = await waiting_conversation(page, visitor)
    await page.locator(
        f'[data-kc="conversation-item"][data-id="{conversation}"] [data-kc="open-conversation"]'
    ).click()
    placeholder = page.locator('[data-kc="placeholder"][data-placeholder="<PERSON_1>"]')
    await expect(placeholder).to_be_visible()
    reveals: list[str] = []
    page.on(
        "request",
        lambda request: reveals.append(request.url) if request.url.endswith("/reveal") else None,
    )

    await placeholder.locator('[data-kc="reveal"]').click()
    form = placeholder.locator('[data-kc="reveal-form"]')
    await expect(form).to_be_visible()
    await expect(placeholder.locator('[data-kc="reveal-reason"]')).to_be_focused()
    await form.locator('[data-kc="reveal-submit"]').click()
    error = placeholder.locator('[data-kc="reveal-error"]')
    await expect(error).to_have_attribute("role", "alert")
    await expect(error).not_to_be_empty()
    await expect(placeholder.locator('[data-kc="revealed"]')).to_be_empty()
    assert reveals == [], "an empty reason must not reach the server"

    await placeholder.locator('[data-kc="reveal-reason"]').fill("ok")
    await form.locator('[data-kc="reveal-submit"]').click()
    await expect(error).not_to_be_empty()
    await expect(placeholder.locator('[data-kc="revealed"]')).to_be_empty()

    await placeholder.locator('[data-kc="reveal-reason"]').fill(
        "Rückruf zugesagt, Name wird gebraucht"
    )
    await form.locator('[data-kc="reveal-submit"]').click()
    revealed = placeholder.locator('[data-kc="revealed"]')
    await expect(revealed).to_contain_text(NAME)
    await expect(revealed).to_contain_text("protokolliert")
    await expect(form).to_be_hidden()
    await shot(page, "console-revealed")


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_visitor_text_is_shown_as_text_and_the_open_console_passes_axe(
    page: Page, console_server: RunningServer, visitor: Visitor, lang: str
) -> None:
    await open_console(page, console_server, lang=lang)
    assert await page.get_attribute("html", "lang") == lang
    hostile = '<img src=x data-kc="injected" onerror="window.injected=1"> Hilfe'
    _, conversation = await waiting_conversation(page, visitor, hostile)
    await page.locator(
        f'[data-kc="conversation-item"][data-id="{conversation}"] [data-kc="open-conversation"]'
    ).click()
    line = page.locator('[data-kc="line-text"]').first
    await expect(line).to_contain_text("<img")
    await expect(page.locator('[data-kc="injected"]')).to_have_count(0)
    assert await page.evaluate("window.injected === undefined")
    await page.locator('[data-kc="claim"]').click()
    await expect(page.locator('[data-kc="send-form"]')).to_be_visible()
    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)
    await shot(page, f"console-open-{lang}")
    await page.locator('[data-kc="close"]').click()


FAKE_NOTIFICATION = """
window.__asked = 0;
window.__shown = [];
class FakeNotification {
  static permission = "default";
  static async requestPermission() {
    window.__asked += 1;
    FakeNotification.permission = "granted";
    return "granted";
  }
  constructor(title, options) {
    window.__shown.push(`${title}|${options.body}`);
  }
}
window.Notification = FakeNotification;
"""


async def test_notifications_are_asked_for_only_by_the_button_and_then_shown(
    page: Page, console_server: RunningServer, visitor: Visitor
) -> None:
    """The browser's Notification is replaced by a recorder: headless Chromium shows none."""
    await page.add_init_script(FAKE_NOTIFICATION)
    await open_console(page, console_server)
    button = page.locator('[data-kc="notify-permission"]')
    await expect(button).to_be_visible()
    assert await page.evaluate("window.__asked") == 0, "permission must never be asked on load"

    await button.click()
    await expect(button).to_be_hidden()
    await expect(page.locator('[data-kc="status"]')).to_have_text(
        "Benachrichtigungen sind erlaubt."
    )
    assert await page.evaluate("window.__asked") == 1

    await waiting_conversation(page, visitor)
    await page.wait_for_function("window.__shown.length === 1")
    shown = await page.evaluate("window.__shown[0]")
    assert shown.startswith("Klarchat: jemand wartet|Neue Unterhaltung wartet auf eine Person")


async def test_a_session_that_ends_elsewhere_leads_back_to_the_login(
    page: Page, console_server: RunningServer, visitor: Visitor
) -> None:
    await open_console(page, console_server)
    _, conversation = await waiting_conversation(page, visitor)
    csrf = await page.locator('meta[name="csrf-token"]').get_attribute("content")
    ended = await page.request.post(
        f"{console_server.origin}/admin/logout",
        form={"csrf": csrf or ""},
        headers={"Origin": console_server.origin},
        max_redirects=0,
    )
    assert ended.status == 303
    item = page.locator(f'[data-kc="conversation-item"][data-id="{conversation}"]')
    await item.locator('[data-kc="open-conversation"]').click()
    await expect(page).to_have_url(re.compile(r"/admin/login\?lang=de$"))
    await expect(page.locator('[data-kc="login-submit"]')).to_be_visible()
