"""Klarchat behind Debian's nginx, configured from `examples/deploy/nginx.conf`: TLS ends
at nginx (a self-signed certificate for 127.0.0.1 stands in for the placeholders, on free
loopback ports instead of 80/443), the websocket upgrade passes, the Origin check still
holds, and the server, told to trust the proxy's forwarded address, logs no address.

nginx missing is a failure, not a skip: `./scripts/test` installs it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

import httpx
import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.chat_client import answer_text
from tests.support.nginx import Nginx, open_chat, tls_context
from tests.support.operators import OperatorClient, create_user
from tests.support.server import RunningServer, make_server

IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
IPV6_CANDIDATE = re.compile(r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}")


def addresses_in(text: str) -> list[str]:
    """Every IPv4 or IPv6 address in `text` (times such as 12:30:45 are not addresses)."""
    found = IPV4.findall(text)
    for candidate in IPV6_CANDIDATE.findall(text):
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        found.append(candidate)
    return found


def test_the_address_finder_finds_addresses() -> None:
    """The log check below is only as good as this finder."""
    line = 'INFO: 127.0.0.1:51890 - "WebSocket /ws" [accepted] from ::1 and 2001:db8::7 at 12:30:45'
    assert addresses_in(line) == ["127.0.0.1", "::1", "2001:db8::7"]
    assert addresses_in("session 3f2a done in 12.5 ms, version 1.22.1") == []


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, Nginx]]:
    """A real `klarchat serve` trusting 127.0.0.1 as its proxy, and nginx in front of it."""
    root = tmp_path_factory.mktemp("reverse-proxy")
    nginx = Nginx(directory=root / "nginx", upstream_port=0)
    server = make_server(
        root / "server",
        {
            "adapter": "echo",
            "public_url": nginx.origin,
            "trusted_proxies": ["127.0.0.1"],
        },
    ).start()
    nginx.upstream_port = server.port
    try:
        nginx.start()
        yield server, nginx
    finally:
        nginx.stop()
        server.stop()


async def test_a_visitor_chats_through_nginx(proxied: tuple[RunningServer, Nginx]) -> None:
    server, nginx = proxied
    chat = await open_chat(nginx, nginx.origin)
    welcome = await chat.hello("en")
    assert welcome["type"] == "welcome"
    recorded = await chat.consent(ai_chat=True)
    assert recorded["consent"]["ai_chat"]["state"] == "given"
    frames = await chat.ask("Hello through the proxy", "via-nginx")
    assert answer_text(frames) == "Hello through the proxy"
    assert frames[-1]["type"] == "done"
    await chat.close()
    assert "Traceback" not in server.logs()


async def test_the_origin_check_holds_behind_nginx(proxied: tuple[RunningServer, Nginx]) -> None:
    _, nginx = proxied
    for foreign in ("https://evil.example", f"http://127.0.0.1:{nginx.https_port}"):
        chat = await open_chat(nginx, foreign)
        with pytest.raises(ConnectionClosed) as refused:
            await chat.recv(timeout=10)
        assert refused.value.rcvd is not None
        assert refused.value.rcvd.code == 4403, foreign


def test_pages_pass_and_plain_http_redirects(proxied: tuple[RunningServer, Nginx]) -> None:
    _, nginx = proxied
    assert nginx.certificate is not None
    with httpx.Client(verify=tls_context(nginx)) as client:
        assert client.get(f"{nginx.origin}/healthz").status_code == 200
        script = client.get(f"{nginx.origin}/klarchat.js")
        assert script.status_code == 200 and "javascript" in script.headers["content-type"]
        assert client.get(f"{nginx.origin}/privacy").status_code == 200
        assert client.get(f"{nginx.origin}/admin/api/me").status_code == 401
    redirect = httpx.get(f"http://127.0.0.1:{nginx.http_port}/privacy")
    assert redirect.status_code == 301
    assert redirect.headers["location"] == "https://127.0.0.1/privacy"


async def test_console_events_arrive_unbuffered(proxied: tuple[RunningServer, Nginx]) -> None:
    """`proxy_buffering off`: a small event reaches the console at once, not when nginx's
    buffer fills (which, for a quiet desk, would be never)."""
    server, nginx = proxied
    assert create_user(server, "anna").returncode == 0
    console = OperatorClient(server)
    await console.http.aclose()
    console.http = httpx.AsyncClient(base_url=nginx.origin, verify=tls_context(nginx), timeout=20)
    try:
        assert (await console.login("anna")).status_code == 200
        await console.open_stream()
        chat = await open_chat(nginx, nginx.origin)
        await chat.hello("en")
        await chat.consent(ai_chat=True)
        assert (await console.wait_for_event("conversation", timeout=5))["id"]
        await chat.close()
    finally:
        await console.close()


async def test_the_server_log_holds_no_address(proxied: tuple[RunningServer, Nginx]) -> None:
    """uvicorn writes the (forwarded) client address into handshake lines unless stopped."""
    server, nginx = proxied
    chat = await open_chat(nginx, nginx.origin)
    await chat.hello("de")
    await chat.send({"type": "teleport"})
    assert (await chat.expect("error"))["code"] == "unknown_type"
    await chat.close()
    refused = await open_chat(nginx, "https://evil.example")
    with pytest.raises(ConnectionClosed):
        await refused.recv(timeout=10)
    # Log records, not the start-up summary on stdout (which names the server's own address).
    records = "\n".join(
        line
        for line in server.logs().splitlines()
        if line.split(" ", 1)[0] in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
    )
    assert "klarchat.origins" in records, "the refused origin was not logged"
    assert addresses_in(records) == [], records[-2000:]
    # The example's `access_log off`: nginx keeps no record of visitors either.
    assert list(nginx.directory.rglob("access.log")) == []
