"""Three real `klarchat serve` instances on one PostgreSQL database behind nginx, configured
from `examples/deploy/nginx-scaleout.conf`: requests spread over the instances, a visitor
chats through nginx over TLS, and a crashed instance is skipped and, once restarted,
served again.

This checks the harness and the example config, not the shared store: which instance
answers a resumed session is the store's and the bus's tests' business. nginx or
PostgreSQL missing is a failure, not a skip: `./scripts/test` installs both.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.support.chat_client import answer_text
from tests.support.nginx import open_chat, tls_context
from tests.support.postgres import Cluster
from tests.support.scaleout import Proxied, ScaleOut

# The example's `fail_timeout`: how long nginx leaves out an instance that refused.
FAIL_TIMEOUT_S = 10


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, pg_cluster: Cluster) -> Iterator[ScaleOut]:
    scaled = ScaleOut.start(
        tmp_path_factory.mktemp("scaleout"),
        pg_cluster.database(),
        config_overrides={"adapter": "echo"},
    )
    try:
        yield scaled
    finally:
        scaled.stop()


def ports(site: ScaleOut) -> set[int]:
    return {server.port for server in site.instances}


def lines_for(site: ScaleOut, uri: str) -> list[Proxied]:
    return [line for line in site.proxied() if line.uri == uri]


async def logged(site: ScaleOut, uri: str, count: int, after: int = 0) -> list[Proxied]:
    """The `count` lines for `uri` that follow the first `after`, once nginx has written
    them (a websocket's line follows its close by a moment)."""
    deadline = time.monotonic() + 5
    while len(lines_for(site, uri)) < after + count and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return lines_for(site, uri)[after : after + count]


async def test_requests_reach_every_instance(site: ScaleOut) -> None:
    before = len(lines_for(site, "/healthz"))
    async with httpx.AsyncClient(verify=tls_context(site.nginx)) as client:
        for _ in range(9):
            assert (await client.get(f"{site.nginx_origin}/healthz")).status_code == 200
    lines = await logged(site, "/healthz", 9, after=before)
    assert {line.tried[-1] for line in lines} == ports(site), lines


async def test_visitors_chat_through_nginx_over_tls(site: ScaleOut) -> None:
    """Three chats held open at once: least_conn gives each its own instance."""
    before = len(lines_for(site, "/ws"))
    chats = [await open_chat(site.nginx, site.nginx_origin) for _ in range(3)]
    for number, chat in enumerate(chats):
        assert (await chat.hello("en"))["type"] == "welcome"
        recorded = await chat.consent(ai_chat=True)
        assert recorded["consent"]["ai_chat"]["state"] == "given"
        frames = await chat.ask(f"Hello from visitor {number}", f"m{number}")
        assert answer_text(frames) == f"Hello from visitor {number}"
        assert frames[-1]["type"] == "done"
    for chat in chats:
        await chat.close()
    sockets = await logged(site, "/ws", 3, after=before)
    assert [line.status for line in sockets] == [101] * 3, sockets
    assert {line.tried[-1] for line in sockets} == ports(site), sockets
    for server in site.instances:
        assert "Traceback" not in server.logs()


async def test_a_crashed_instance_is_skipped_and_serves_again(site: ScaleOut) -> None:
    dead = site.instances[0]
    dead.kill()
    before = len(lines_for(site, "/healthz"))
    async with httpx.AsyncClient(verify=tls_context(site.nginx)) as client:
        for _ in range(6):
            assert (await client.get(f"{site.nginx_origin}/healthz")).status_code == 200
        lines = await logged(site, "/healthz", 6, after=before)
        assert all(line.tried[-1] != dead.port for line in lines), lines
        assert any(line.tried[0] == dead.port for line in lines), "nginx never tried it"

        site.restart(0)
        deadline = time.monotonic() + FAIL_TIMEOUT_S + 10
        while time.monotonic() < deadline:
            before = len(lines_for(site, "/healthz"))
            assert (await client.get(f"{site.nginx_origin}/healthz")).status_code == 200
            latest = await logged(site, "/healthz", 1, after=before)
            if latest and latest[0].tried == [dead.port]:
                return
            await asyncio.sleep(0.5)
    raise AssertionError(f"the restarted instance got no request: {site.proxied()[-10:]}")
