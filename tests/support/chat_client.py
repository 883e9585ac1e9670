"""A thin websocket client that speaks Klarchat's protocol, for integration tests."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from unittest.mock import ANY

from websockets.asyncio.client import ClientConnection, connect

from tests.support.protocol_check import check_server_frame

RECV_TIMEOUT_S = 20


class ChatClient:
    def __init__(self, connection: ClientConnection) -> None:
        self.ws = connection
        self.welcome: dict[str, Any] = {}

    @classmethod
    async def open(cls, url: str, origin: str | None = None) -> ChatClient:
        return cls(await connect(url, origin=origin, max_size=None))

    async def close(self) -> None:
        await self.ws.close()

    async def send(self, frame: dict[str, Any] | str) -> None:
        await self.ws.send(frame if isinstance(frame, str) else json.dumps(frame))

    async def recv(self, timeout: float = RECV_TIMEOUT_S) -> dict[str, Any]:
        """The next frame, checked against the published protocol schema."""
        return check_server_frame(json.loads(await asyncio.wait_for(self.ws.recv(), timeout)))

    async def expect(self, frame_type: str, timeout: float = RECV_TIMEOUT_S) -> dict[str, Any]:
        frame = await self.recv(timeout)
        assert frame["type"] == frame_type, frame
        return frame

    async def hello(
        self, lang: str = "de", resume: str | None = None, last_seq: int | None = None
    ) -> dict[str, Any]:
        frame: dict[str, Any] = {"type": "hello", "lang": lang}
        if resume:
            frame["resume"] = resume
        if last_seq is not None:
            frame["last_seq"] = last_seq
        await self.send(frame)
        self.welcome = await self.expect("welcome")
        return self.welcome

    async def consent(self, **choices: bool) -> dict[str, Any]:
        await self.send(
            {
                "type": "consent",
                "policy_version": self.welcome["policy_version"],
                "choices": choices,
            }
        )
        return await self.expect("consent_recorded")

    async def ask(self, text: str, frame_id: str = "m1") -> list[dict[str, Any]]:
        """Send a message; collect frames up to and including its `done` or `error`."""
        await self.send({"type": "message", "id": frame_id, "text": text})
        frames = []
        while True:
            frame = await self.recv()
            frames.append(frame)
            if frame["type"] in ("done", "error", "consent_required"):
                return frames


def answer_text(frames: list[dict[str, Any]]) -> str:
    return "".join(f["text"] for f in frames if f["type"] == "delta")


def ai_done(frame_id: str, outcome: str, welcome: dict[str, Any]) -> dict[str, Any]:
    """The `done` frame of an answer by the AI assistant that `welcome` named; a complete
    answer carries its number in the conversation, whatever it is."""
    return {
        "type": "done",
        "id": frame_id,
        "ai": True,
        "author": {"kind": "ai", "name": welcome["assistant"]},
        "outcome": outcome,
        **({"seq": ANY} if outcome == "complete" else {}),
    }
