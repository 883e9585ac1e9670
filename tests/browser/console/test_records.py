"""The records pages (admin role): chain verification from the page, the figures chart,
the audit trail, CSV downloads that a spreadsheet cannot run, and 403 for operators."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import ARTIFACTS, axe_violations, describe_violations, shot
from tests.browser.console.conftest import ANNA, CHEF, Visitor, sign_in
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

HOSTILE_REASON = '=HYPERLINK("http://evil.example","Rückruf nötig")'


def parse_csv(body: bytes) -> list[dict[str, str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def no_formula(rows: list[dict[str, str]]) -> None:
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), f"formula in a CSV cell: {cell!r}"


async def reveal_with_hostile_reason(page: Page, server: RunningServer, visitor: Visitor) -> None:
    """An operator reveals with a reason a spreadsheet would run; through the API."""
    await sign_in(page, server, ANNA)
    await visitor.client.ask("Ich bin Jolanta Wiśniewska-Brandt, meine Rechnung fehlt.")
    await visitor.ask_for_person()
    api = page.request
    me = await (await api.get(f"{server.origin}/admin/api/me")).json()
    listed = await (await api.get(f"{server.origin}/admin/api/conversations")).json()
    waiting = [c for c in listed["conversations"] if c["state"] == "waiting"]
    conversation = max(waiting, key=lambda c: c["started_at"])["id"]
    detail = await (await api.get(f"{server.origin}/admin/api/conversations/{conversation}")).json()
    placeholder = detail["placeholders"][0]["placeholder"]
    answer = await api.post(
        f"{server.origin}/admin/api/conversations/{conversation}/reveal",
        headers={"X-CSRF-Token": me["csrf"], "Origin": server.origin},
        data={"placeholder": placeholder, "reason": HOSTILE_REASON},
    )
    assert answer.status == 200, await answer.text()
    await page.context.clear_cookies()


async def test_records_verify_both_chains_and_draw_the_figures(
    page: Page, console_server: RunningServer, visitor: Visitor
) -> None:
    await reveal_with_hostile_reason(page, console_server, visitor)
    await sign_in(page, console_server, CHEF)
    await page.locator('[data-kc="nav-records"]').click()
    await expect(page.locator("h1")).to_be_visible()

    chart = page.locator('[data-kc="figures-chart"] svg[role="img"]')
    await expect(chart).to_have_count(1)
    assert await chart.locator("title").text_content()
    assert (
        int(await chart.locator('rect[data-counter="opened"]').first.get_attribute("data-value"))
        >= 1
    )
    await expect(page.locator('[data-kc="figures-table"] tbody tr')).not_to_have_count(0)

    await expect(page.locator('[data-kc="event-row"]').first).to_be_visible()
    audit = page.locator('[data-kc="audit-row"][data-action="reveal"]')
    await expect(audit.first).to_contain_text(HOSTILE_REASON)
    await expect(page.locator('[data-kc="audit-row"][data-action="view"]').first).to_be_visible()

    await page.locator('[data-kc="verify-submit"]').click()
    for chain in ("ledger", "oversight"):
        result = page.locator(f'[data-kc="verification-{chain}"]')
        await expect(result).to_have_attribute("data-ok", "true")
    await shot(page, "console-records")
    await page.screenshot(path=str(ARTIFACTS / "console-records-full.png"), full_page=True)
    violations = await axe_violations(page)
    assert violations == [], describe_violations(violations)


async def test_events_can_be_filtered_by_action(page: Page, console_server: RunningServer) -> None:
    await sign_in(page, console_server, CHEF)
    await page.goto(f"{console_server.origin}/admin/records?lang=en&action=given&purpose=ai_chat")
    rows = page.locator('[data-kc="event-row"]')
    await expect(rows.first).to_be_visible()
    cells = await rows.evaluate_all(
        "rows => rows.map(r => [r.cells[2].textContent, r.cells[3].textContent])"
    )
    assert cells and all(cell == ["ai_chat", "given"] for cell in cells)
    await page.goto(f"{console_server.origin}/admin/records?lang=en&from=2001-01-01&to=2001-01-31")
    await expect(page.locator('[data-kc="events-none"]')).to_be_visible()


async def test_csv_downloads_parse_and_hold_no_formula(
    page: Page, console_server: RunningServer, visitor: Visitor
) -> None:
    await reveal_with_hostile_reason(page, console_server, visitor)
    await sign_in(page, console_server, CHEF)
    downloads = {}
    for name in ("ledger", "oversight", "figures"):
        response = await page.request.get(f"{console_server.origin}/admin/{name}.csv")
        assert response.status == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        downloads[name] = parse_csv(await response.body())
        no_formula(downloads[name])
    assert {row["action"] for row in downloads["ledger"]} >= {"given"}
    reveals = [row for row in downloads["oversight"] if row["action"] == "reveal"]
    assert "'" + HOSTILE_REASON in {row["reason"] for row in reveals}
    assert all(int(row["opened"]) >= 0 for row in downloads["figures"])
    assert "Wiśniewska" not in str(downloads), "a revealed value must never reach a record"


async def test_an_operator_gets_403_on_every_records_page(
    page: Page, console_server: RunningServer
) -> None:
    await sign_in(page, console_server, ANNA)
    for path in (
        "/admin/records",
        "/admin/ledger.csv",
        "/admin/oversight.csv",
        "/admin/figures.csv",
    ):
        response = await page.request.get(f"{console_server.origin}{path}")
        assert response.status == 403, path
    response = await page.request.post(
        f"{console_server.origin}/admin/records/verify", headers={"Origin": console_server.origin}
    )
    assert response.status == 403


async def test_verification_without_the_csrf_token_is_refused(
    page: Page, console_server: RunningServer
) -> None:
    await sign_in(page, console_server, CHEF)
    response = await page.request.post(
        f"{console_server.origin}/admin/records/verify",
        form={"csrf": "forged"},
        headers={"Origin": console_server.origin},
    )
    assert response.status == 403
