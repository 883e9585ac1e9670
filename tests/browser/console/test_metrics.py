"""`/metrics`: off without a token in the config, refused without the right bearer token,
and with it the documented figures, fed by a real conversation."""

from __future__ import annotations

import httpx
import pytest

from tests.browser.console.conftest import METRICS_TOKEN, Visitor
from tests.support.server import RunningServer

pytestmark = pytest.mark.browser

DOCUMENTED = (
    "klarchat_connections_open",
    "klarchat_conversations",
    "klarchat_messages_total",
    "klarchat_redaction_seconds_bucket",
    "klarchat_answer_seconds_bucket",
    "klarchat_answers_total",
    "klarchat_consent_events_total",
    "klarchat_handoffs_total",
)


def scrape(server: RunningServer, authorization: str | None) -> httpx.Response:
    headers = {"Authorization": authorization} if authorization is not None else {}
    return httpx.get(f"{server.origin}/metrics", headers=headers, timeout=10)


def test_metrics_are_off_without_a_configured_token(chat_server: RunningServer) -> None:
    assert scrape(chat_server, f"Bearer {METRICS_TOKEN}").status_code == 404


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong", f"Basic {METRICS_TOKEN}", "Bearer"]
)
def test_metrics_without_the_right_token_are_refused(
    console_server: RunningServer, authorization: str | None
) -> None:
    response = scrape(console_server, authorization)
    assert response.status_code == 401
    assert "klarchat_" not in response.text


async def test_metrics_with_the_token_count_a_conversation(
    console_server: RunningServer, visitor: Visitor
) -> None:
    await visitor.client.ask("Ich heiße Greta Lindqvist.")
    await visitor.ask_for_person()
    response = scrape(console_server, f"Bearer {METRICS_TOKEN}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    values = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in response.text.splitlines()
        if line and not line.startswith("#")
    }
    for name in DOCUMENTED:
        assert any(key.startswith(name) for key in values), f"{name} is missing"
    assert values["klarchat_connections_open"] >= 1
    assert values["klarchat_messages_total"] >= 1
    assert values['klarchat_conversations{state="waiting"}'] >= 1
    assert values['klarchat_consent_events_total{action="given",purpose="ai_chat"}'] >= 1
    assert values['klarchat_consent_events_total{action="given",purpose="human_support"}'] >= 1
    assert values['klarchat_handoffs_total{step="requested"}'] >= 1
    assert "Lindqvist" not in response.text
