"""The console's live updates: server-sent events, one stream per open console.

Each stream gets a bounded queue fed from `services.events`; a console that cannot keep
up loses updates rather than holding memory, and re-reads the list on its next event.
Events carry no text, so neither does the stream: a conversation's summary at most.
An open stream is what makes a willing operator available (`Presence`).
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

from klarchat.conversation.handoff import HandoffRefused
from klarchat.events import (
    ConsentDecided,
    ConversationChanged,
    Event,
    HandoffChanged,
    SessionEnded,
    SessionOpened,
)
from klarchat.operator.auth import require_login
from klarchat.operator.summaries import summary

if TYPE_CHECKING:
    from klarchat.services import Services

QUEUE_SIZE = 256
KEEPALIVE_SECONDS = 15
WATCHED = (ConsentDecided, ConversationChanged, HandoffChanged, SessionOpened)


class LiveStream:
    def __init__(self, services: Services) -> None:
        self._svc = services
        self._queues: set[asyncio.Queue[dict[str, Any]]] = set()
        services.events.subscribe(self._on_event)

    def _push(self, item: dict[str, Any]) -> None:
        for queue in self._queues:
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(item)

    async def _on_event(self, event: Event) -> None:
        if not self._queues:
            return
        if isinstance(event, SessionEnded):
            self._push({"event": "gone", "data": {"id": event.conversation}})
        elif isinstance(event, WATCHED):
            try:
                session = self._svc.handoffs.session(event.conversation)
            except HandoffRefused:
                return
            self._push({"event": "conversation", "data": summary(self._svc, session)})

    async def operators_changed(self) -> None:
        self._push(
            {"event": "operators", "data": {"available": len(self._svc.presence.available())}}
        )

    async def respond(self, request: Request) -> Response:
        login = await require_login(request)
        username = login.account.username
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_SIZE)

        async def events() -> AsyncIterator[dict[str, str]]:
            self._queues.add(queue)
            self._svc.presence.stream_opened(username)
            await self.operators_changed()
            try:
                while True:
                    item = await queue.get()
                    yield {"event": item["event"], "data": json.dumps(item["data"])}
            finally:
                self._queues.discard(queue)
                self._svc.presence.stream_closed(username)
                await self.operators_changed()

        return EventSourceResponse(events(), ping=KEEPALIVE_SECONDS)
