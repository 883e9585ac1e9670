"""The console's live updates: server-sent events, one stream per open console.

Each stream gets a bounded queue fed from the bus, so a console on one instance sees the
conversations of every instance; a console that cannot keep up loses updates rather than
holding memory, and re-reads the list on its next event. Notices carry no text, so
neither does the stream: a conversation's summary at most. An open stream, beating every
`HEARTBEAT_SECONDS`, is what makes a willing operator available (`Presence`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from sse_starlette.sse import EventSourceResponse
from starlette.requests import Request
from starlette.responses import Response

from klarchat.bus.base import Notice
from klarchat.conversation.presence import HEARTBEAT_SECONDS
from klarchat.operator.auth import require_login
from klarchat.operator.summaries import summary

if TYPE_CHECKING:
    from klarchat.services import Services

QUEUE_SIZE = 256
KEEPALIVE_SECONDS = 15


class LiveStream:
    def __init__(self, services: Services) -> None:
        self._svc = services
        self._queues: set[asyncio.Queue[dict[str, Any]]] = set()
        services.bus.subscribe(self._on_notice)

    def _push(self, item: dict[str, Any]) -> None:
        for queue in self._queues:
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(item)

    async def _on_notice(self, notice: Notice) -> None:
        if not self._queues:
            return
        if notice.kind == "presence":
            await self._push_operators()
        elif notice.kind == "resync":
            for session in await self._svc.sessions.all():
                self._push({"event": "conversation", "data": summary(self._svc, session)})
            await self._push_operators()
        elif notice.conversation:
            await self._push_conversation(notice.conversation)

    async def _push_conversation(self, conversation: str) -> None:
        session = await self._svc.sessions.for_staff(conversation, read=False)
        if session is None:
            self._push({"event": "gone", "data": {"id": conversation}})
        else:
            self._push({"event": "conversation", "data": summary(self._svc, session)})

    async def _push_operators(self) -> None:
        available = len(await self._svc.presence.available())
        self._push({"event": "operators", "data": {"available": available}})

    async def operators_changed(self) -> None:
        """Every instance's consoles show the new count."""
        await self._svc.bus.publish(Notice("presence"))

    async def respond(self, request: Request) -> Response:
        login = await require_login(request)
        username = login.account.username
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_SIZE)
        presence = self._svc.presence

        async def events() -> AsyncIterator[dict[str, str]]:
            self._queues.add(queue)
            await presence.stream_beat(username)
            await self.operators_changed()
            try:
                while True:
                    try:
                        item = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                    except TimeoutError:
                        await presence.stream_beat(username)
                        continue
                    yield {"event": item["event"], "data": json.dumps(item["data"])}
            finally:
                self._queues.discard(queue)
                await presence.stream_closed(username)
                await self.operators_changed()

        return EventSourceResponse(events(), ping=KEEPALIVE_SECONDS)
