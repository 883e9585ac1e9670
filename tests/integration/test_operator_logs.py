"""What the operator's log says when something fails: one documented line per provider
failure and per refused origin (once a minute), never message text or IP addresses."""

from __future__ import annotations

import re
import time

import httpx
import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.chat_client import ChatClient
from tests.support.fake_provider import FakeProvider
from tests.support.server import RunningServer

PROVIDER_LINE = re.compile(
    r"^WARNING klarchat\.provider: provider failed: adapter=openai model=test-model "
    r"code=(?P<code>provider_\w+) error=(?P<error>\w+) status=(?P<status>\d+|-) "
    r"after_ms=\d+$",
    re.M,
)
ORIGIN_LINE = re.compile(r"^WARNING klarchat\.origins: refused a chat from origin (.+?): ", re.M)


def wait_for(pattern: re.Pattern[str], server: RunningServer, count: int) -> list[re.Match[str]]:
    """The log is written by another process: give it a moment to flush."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        found = list(pattern.finditer(server.logs()))
        if len(found) >= count:
            return found
        time.sleep(0.05)
    return list(pattern.finditer(server.logs()))


async def test_each_provider_failure_leaves_one_line_and_healthz_tells(
    openai_server: RunningServer, provider: FakeProvider
) -> None:
    before = len(wait_for(PROVIDER_LINE, openai_server, 0))
    chat = await ChatClient.open(openai_server.ws_url)
    await chat.hello("de")
    await chat.consent(ai_chat=True)
    provider.status = 503
    secret = "Meine Bestellung 4711 von Anna Kowalski"
    frames = await chat.ask(secret, "f1")
    assert frames[-1]["code"] == "provider_error"

    lines = wait_for(PROVIDER_LINE, openai_server, before + 1)[before:]
    assert [(m["code"], m["error"], m["status"]) for m in lines] == [
        ("provider_error", "HTTPStatus", "503")
    ]
    health = httpx.get(f"{openai_server.origin}/healthz").json()
    assert health["status"] == "degraded" and health["provider"] == "failing"
    assert health["code"] == "provider_error"

    provider.status = 200
    frames = await chat.ask("Noch einmal bitte", "f2")
    assert frames[-1]["type"] == "done"
    assert httpx.get(f"{openai_server.origin}/healthz").json() == {
        "status": "ok",
        "provider": "ok",
    }
    await chat.close()
    logs = openai_server.logs()
    assert "Kowalski" not in logs and "4711" not in logs
    assert len(wait_for(PROVIDER_LINE, openai_server, before + 1)) == before + 1


async def test_a_refused_origin_is_logged_once_a_minute_and_closed_with_4403(
    echo_server: RunningServer,
) -> None:
    for _ in range(3):
        refused = await ChatClient.open(echo_server.ws_url, origin="http://shop.example:9000")
        with pytest.raises(ConnectionClosed) as closed:
            await refused.hello("de")
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
    wait_for(ORIGIN_LINE, echo_server, 1)
    time.sleep(0.3)  # a second line, if there were one, would be written by now
    lines = list(ORIGIN_LINE.finditer(echo_server.logs()))
    assert [m.group(1) for m in lines] == ["'http://shop.example:9000'"]
    assert "allowed_origins" in echo_server.logs() and "public_url" in echo_server.logs()
