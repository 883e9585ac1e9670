"""Staff for the tests: accounts made with the real `klarchat admin` command, and a client
that uses the console's JSON API as a site owner's script would."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
from collections.abc import AsyncIterator
from typing import Any

import httpx

from tests.support.server import RunningServer, klarchat_command

PASSWORD = "correct horse battery staple"


def create_user(
    server: RunningServer,
    name: str,
    *,
    role: str = "operator",
    display_name: str | None = None,
    password: str = PASSWORD,
) -> subprocess.CompletedProcess[str]:
    """The password goes in on standard input, as a provisioning script would send it."""
    command = [*klarchat_command(), "--config", str(server.config), "admin", "create-user", name]
    command += ["--role", role, "--display-name", display_name or name.title()]
    return subprocess.run(
        command,
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=server.workdir,
        env={**os.environ, **server.env},
    )


class OperatorClient:
    def __init__(self, server: RunningServer) -> None:
        self.server = server
        self.http = httpx.AsyncClient(base_url=server.origin, timeout=20)
        self.csrf = ""
        self.events: list[tuple[str, dict[str, Any]]] = []
        self._stream: asyncio.Task[None] | None = None

    async def login(self, name: str, password: str = PASSWORD) -> httpx.Response:
        response = await self.http.post(
            "/admin/api/login", json={"username": name, "password": password}
        )
        if response.status_code == 200:
            self.csrf = response.json()["csrf"]
        return response

    async def post(self, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        return await self.http.post(path, json=body or {}, headers={"X-CSRF-Token": self.csrf})

    async def get(self, path: str) -> httpx.Response:
        return await self.http.get(path)

    async def available(self) -> None:
        """Willing and with the live stream open: what makes an operator available."""
        assert (
            await self.post("/admin/api/me/availability", {"available": True})
        ).status_code == 200
        await self.open_stream()

    async def open_stream(self) -> None:
        opened = asyncio.Event()

        async def read() -> None:
            async with self.http.stream("GET", "/admin/api/events") as response:
                opened.set()
                event = ""
                async for line in response.aiter_lines():
                    if line.startswith("event:"):
                        event = line.split(":", 1)[1].strip()
                    elif line.startswith("data:"):
                        self.events.append((event, json.loads(line.split(":", 1)[1])))

        self._stream = asyncio.create_task(read())
        await asyncio.wait_for(opened.wait(), 10)

    async def wait_for_event(self, kind: str, timeout: float = 10) -> dict[str, Any]:
        for _ in range(int(timeout / 0.05)):
            for event, data in self.events:
                if event == kind:
                    return data
            await asyncio.sleep(0.05)
        raise TimeoutError(f"no {kind} event; got {self.events}")

    async def close(self) -> None:
        if self._stream is not None:
            self._stream.cancel()
            with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
                await self._stream
        await self.http.aclose()


@contextlib.asynccontextmanager
async def operator(server: RunningServer, name: str) -> AsyncIterator[OperatorClient]:
    client = OperatorClient(server)
    try:
        assert (await client.login(name)).status_code == 200
        yield client
    finally:
        await client.close()
