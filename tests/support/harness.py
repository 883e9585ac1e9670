"""A conversation `Connection` without a server: a fake websocket, real SQLite, a clock
the test moves.

For unit tests of time-dependent behaviour (consent expiry, resume windows, metrics):
the clock is the server's own `Clock` with an offset the test sets, so every timestamp
the conversation, ledger and session registry read moves together. The services are
the server's own (`Services.start`), with the clock, an echo adapter and a redactor that
does not load Presidio passed in.
"""

from __future__ import annotations

import asyncio
import json
from contextlib import suppress
from pathlib import Path
from typing import Any

from klarchat.adapters.echo import EchoAdapter
from klarchat.clock import Clock
from klarchat.config import Settings
from klarchat.conversation.connection import Connection as ChatConnection
from klarchat.identity import Identities
from klarchat.privacy.redactor import Redaction
from klarchat.privacy.vault import Vault
from klarchat.services import Services
from tests.support.protocol_check import check_server_frame

TIMEOUT_S = 5
DAY_S = 86_400.0


class ShiftedClock(Clock):
    """The real clock plus `offset` seconds, which the test sets."""

    def __init__(self) -> None:
        self.offset = 0.0
        super().__init__(lambda: self.offset)


class PassThroughRedactor:
    """Redaction is not under test here; it would load Presidio for seconds."""

    def redact(self, text: str, language: str, vault: Vault) -> Redaction:
        return Redaction(text, {})


async def make_services(tmp_path: Path, clock: Clock, **settings: Any) -> Services:
    return await Services.start(
        Settings(data_dir=tmp_path, adapter="echo", **settings),
        clock=clock,
        redactor=PassThroughRedactor(),
        adapter=EchoAdapter({}),
        identities=Identities(b"unit-test-secret"),
    )


class FakeSocket:
    """Just what `Conversation` uses of a Starlette websocket."""

    def __init__(self) -> None:
        self.incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.sent: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def receive(self) -> dict[str, Any]:
        return await self.incoming.get()

    async def send_text(self, text: str) -> None:
        await self.sent.put(check_server_frame(json.loads(text)))


class Connection:
    """One websocket connection to the conversation under test."""

    def __init__(self, services: Services, origin: str = "https://shop.example") -> None:
        self.socket = FakeSocket()
        self.welcome: dict[str, Any] = {}
        self.connection = ChatConnection(self.socket, services, origin)  # type: ignore[arg-type]
        self._task = asyncio.create_task(self.connection.run())

    def send(self, frame: dict[str, Any]) -> None:
        self.socket.incoming.put_nowait({"type": "websocket.receive", "text": json.dumps(frame)})

    async def recv(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.socket.sent.get(), TIMEOUT_S)

    async def expect(self, frame_type: str) -> dict[str, Any]:
        frame = await self.recv()
        assert frame["type"] == frame_type, frame
        return frame

    async def hello(self, resume: str | None = None) -> dict[str, Any]:
        self.send({"type": "hello", "lang": "en", **({"resume": resume} if resume else {})})
        self.welcome = await self.expect("welcome")
        return self.welcome

    async def consent(self, **choices: bool) -> dict[str, Any]:
        self.send(
            {
                "type": "consent",
                "policy_version": self.welcome["policy_version"],
                "choices": choices,
            }
        )
        return await self.expect("consent_recorded")

    async def ask(self, text: str, frame_id: str) -> list[dict[str, Any]]:
        """Frames up to and including `done`, `error` or `consent_required`."""
        self.send({"type": "message", "id": frame_id, "text": text})
        frames = []
        while True:
            frames.append(await self.recv())
            if frames[-1]["type"] in ("done", "error", "consent_required"):
                return frames

    async def close(self) -> None:
        self.socket.incoming.put_nowait({"type": "websocket.disconnect", "code": 1000})
        with suppress(asyncio.CancelledError):
            await asyncio.wait_for(self._task, TIMEOUT_S)
