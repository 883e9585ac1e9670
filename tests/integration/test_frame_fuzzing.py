"""Property-based fuzzing of the chat socket over real sockets against `klarchat serve`.

Over 10,000 generated and mutated frames (see `tests/support/frame_strategies.py`) go to
the server in batches, many per connection, some before `hello`. After each fuzz frame
the test sends a `ping` with a sentinel id; the replies that arrive before its `pong`
belong to that frame, since the server handles one frame completely before reading the
next (no consent is ever given here, so no answer streams in the background). Each frame
must get exactly one reply: an `error` with a code from the README's *Error codes* table
(`internal_error` excepted: no client frame may cause a server fault), or a reply the
protocol schema allows. The server must never close the socket, never write a traceback,
and a valid conversation must work on the same socket afterwards. Frames above uvicorn's
hard limit are closed with 1009, the one documented close code for frames.

Seeded (`derandomize=True`, no example database, no shrinking): the same command replays
the same frames, so CI's run of the whole suite is reproducible. Hypothesis also draws on
constants found in the project's loaded modules, so running this file alone draws another,
equally fixed, set; either way over 10,000 frames.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.support.chat_client import ChatClient, answer_text
from tests.support.frame_strategies import Payload, documented_error_codes, hostile_frames
from tests.support.server import RunningServer, make_server

MAX_FRAME_BYTES = 8192
UVICORN_HARD_LIMIT = 1_048_576  # max(4 * max_frame_bytes, 1 MiB): see cli/serve.py
MIN_FRAMES = 10_000
BATCH = (40, 60)
EXAMPLES = 260  # times at least 40 frames each: over 10,000
MESSAGE_TOO_BIG = 1009
SENTINEL = "zz-sentinel-"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The fuzz's `message` frames are never answered (no consent), but they count
    towards the rate limit; a high one keeps the final conversation's answer possible."""
    running = make_server(
        tmp_path_factory.mktemp("fuzz-server"),
        {
            "adapter": "echo",
            "limits": {
                "max_frame_bytes": MAX_FRAME_BYTES,
                "max_message_chars": 500,
                "messages_per_minute": 100_000,
            },
        },
    ).start()
    yield running
    running.stop()


@dataclass
class Link:
    """The socket under fuzz, and what the fuzz has learnt about it."""

    server: RunningServer
    chat: ChatClient | None = None
    welcome: dict[str, Any] | None = None
    sent: Counter[str] = field(default_factory=Counter)
    sentinel: int = 0
    before_hello: int = 0

    async def open(self, *, say_hello: bool) -> ChatClient:
        if self.chat is not None:
            await self.chat.close()
        self.chat = ChatClient(await connect(self.server.ws_url, max_size=None))
        self.welcome = await self.chat.hello("en") if say_hello else None
        return self.chat

    async def drop(self) -> None:
        if self.chat is not None:
            await self.chat.close()
        self.chat = None

    async def exchange(self, frames: list[Payload]) -> None:
        """Send every frame followed by a sentinel ping; then check each frame's replies."""
        assert self.chat is not None
        sentinels = []
        for _kind, payload in frames:
            self.sentinel += 1
            sentinels.append(f"{SENTINEL}{self.sentinel}")
            await self.chat.ws.send(payload)
            await self.chat.send({"type": "ping", "id": sentinels[-1]})
        for (kind, payload), sentinel in zip(frames, sentinels, strict=True):
            self.before_hello += self.welcome is None
            shown = f"{kind}: {payload[:200]!r} ({len(payload)} {type(payload).__name__})"
            replies = await self._replies_until(sentinel, shown)
            self._check(shown, payload, replies)
            self.sent[kind.split(":")[0]] += 1

    async def _replies_until(self, sentinel: str, shown: str) -> list[dict[str, Any]]:
        assert self.chat is not None
        replies = []
        while True:
            try:
                frame = await self.chat.recv(timeout=30)
            except ConnectionClosed as closed:
                raise AssertionError(
                    f"the server closed the socket ({closed.rcvd}) on {shown}"
                ) from None
            if frame == {"type": "pong", "id": sentinel}:
                return replies
            if frame["type"] == "welcome":
                self.welcome = frame
            replies.append(frame)

    def _check(self, shown: str, payload: str | bytes, replies: list[dict[str, Any]]) -> None:
        if not replies:
            # The one frame with nothing to answer: cancelling a handoff that is not open.
            assert _is_idle_cancel(payload), f"no reply to {shown}"
            return
        assert len(replies) == 1, f"{len(replies)} replies to {shown}: {replies}"
        reply = replies[0]
        if reply["type"] == "error":
            assert reply["code"] in documented_error_codes(), f"{reply} for {shown}"
            assert reply["code"] != "internal_error", f"server fault on {shown}"


def _is_idle_cancel(payload: str | bytes) -> bool:
    try:
        return json.loads(payload) == {"type": "handoff", "action": "cancel"}
    except (ValueError, RecursionError):
        return False


def test_hostile_frames_get_one_documented_reply_and_the_socket_lives(
    server: RunningServer,
) -> None:
    started = time.monotonic()
    with asyncio.Runner() as runner:
        link = Link(server)
        runner.run(link.open(say_hello=True))
        log_seen = len(server.logs())

        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            report_multiple_bugs=False,
            # No shrinking: over a live socket a replay is not the same experiment, and
            # the failure message already names the single offending frame.
            phases=(Phase.explicit, Phase.generate),
            suppress_health_check=list(HealthCheck),
        )
        @given(
            before_hello=st.integers(0, 9).map(lambda n: n == 0),
            frames=st.lists(hostile_frames(MAX_FRAME_BYTES), min_size=BATCH[0], max_size=BATCH[1]),
        )
        def batch(before_hello: bool, frames: list[Payload]) -> None:
            nonlocal log_seen
            if before_hello or link.chat is None:
                runner.run(link.open(say_hello=False))
            try:
                runner.run(link.exchange(frames))
                if link.welcome is None:  # no fuzz frame was a valid hello: say it now
                    runner.run(link.exchange([("hello", json.dumps({"type": "hello"}))]))
            except BaseException as exc:
                # Hypothesis reports its replay of this batch, on a fresh socket, where
                # state or timing may differ: keep the first failure in the output too.
                print(f"\nbatch failed on the fuzzed socket: {exc!r}"[:3000], file=sys.stderr)
                # Replies may be left unread: Hypothesis's replay gets a fresh socket.
                runner.run(link.drop())
                raise
            log = server.logs()
            assert "Traceback" not in log[log_seen:], log[log_seen:][-3000:]
            log_seen = len(log)

        batch()
        fuzzed = sum(link.sent.values()) - link.sent["hello"]
        assert fuzzed >= MIN_FRAMES, link.sent

        # The same socket, after all that: consent and a real answer.
        chat, welcome = link.chat, link.welcome
        assert chat is not None and welcome is not None
        chat.welcome = welcome
        assert runner.run(chat.consent(ai_chat=True))["consent"]["ai_chat"]["state"] == "given"
        frames = runner.run(chat.ask("still here after the fuzz?", "after-fuzz"))
        assert answer_text(frames) == "still here after the fuzz?"
        runner.run(chat.close())

    assert "Traceback" not in server.logs()
    print(
        f"\n{fuzzed} frames fuzzed ({link.before_hello} before hello)"
        f" in {time.monotonic() - started:.1f} s: "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(link.sent.items()))
    )


async def test_a_frame_beyond_the_hard_limit_is_closed_with_1009(server: RunningServer) -> None:
    chat = ChatClient(await connect(server.ws_url, max_size=None))
    await chat.hello("en")
    await chat.ws.send(json.dumps({"type": "message", "id": "x", "text": "x" * UVICORN_HARD_LIMIT}))
    with pytest.raises(ConnectionClosed) as closed:
        await chat.recv(timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == MESSAGE_TOO_BIG

    fresh = ChatClient(await connect(server.ws_url, max_size=None))
    await fresh.hello("en")
    await fresh.consent(ai_chat=True)
    assert answer_text(await fresh.ask("and a new socket works")) == "and a new socket works"
    await fresh.close()
    assert "Traceback" not in server.logs()
