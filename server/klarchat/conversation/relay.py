"""Between this instance and the others: local events out to the bus, notices in to the
live connections held here.

Out: what happened to a conversation (a line added, its handoff or consent changed, a
session opened or ended) goes on the bus as a notice with ids only. In: a notice for a
conversation with a connection here makes that connection re-read the conversation from
the database and tell its visitor what changed (`Connection.notice`); `resync`, after the
bus may have lost notices, makes every connection here do so.

Every notice reaches the publishing instance too, so one process and three run one path.
Each connection handles a notice in a task of its own, never inside the `publish` that
sent it: a connection that publishes while it handles a frame (and holds its turn) must not
wait for itself, and a visitor whose socket has stalled must not hold up the others. The
order of two notices does not matter: each makes the connection re-read the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from klarchat.bus.base import Notice, NoticeKind
from klarchat.conversation.registry import Live
from klarchat.events import (
    ConsentDecided,
    ConversationChanged,
    Erased,
    Event,
    HandoffChanged,
    SessionEnded,
    SessionOpened,
)

if TYPE_CHECKING:
    from klarchat.services import Services

logger = logging.getLogger("klarchat.bus")

_KINDS: dict[type[Event], NoticeKind] = {
    ConversationChanged: "line",
    HandoffChanged: "handoff",
    ConsentDecided: "consent",
    SessionOpened: "session",
    SessionEnded: "session",
    Erased: "consent",
}
_FOR_CONNECTIONS = frozenset({"line", "handoff", "consent"})


class Relay:
    def __init__(self, services: Services) -> None:
        self._svc = services
        self._running: set[asyncio.Task[None]] = set()
        services.events.subscribe(self._outgoing)
        services.bus.subscribe(self._incoming)

    async def close(self) -> None:
        for task in list(self._running):
            task.cancel()
        for task in list(self._running):
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _outgoing(self, event: Event) -> None:
        kind = _KINDS.get(type(event))
        if kind is None:
            return
        seq = event.seq if isinstance(event, ConversationChanged) else 0
        try:
            await self._svc.bus.publish(Notice(kind, event.conversation, seq=seq))
        except Exception as exc:  # the chat goes on; other instances catch up on resync
            logger.error("could not publish a %s notice: %s", kind, type(exc).__name__)

    async def _incoming(self, notice: Notice) -> None:
        live = self._svc.live
        if notice.kind == "resync":
            targets = live.everyone()
        elif notice.kind in _FOR_CONNECTIONS:
            targets = live.connections(notice.conversation)
        else:
            return
        for connection in targets:
            task = asyncio.create_task(self._tell(connection, notice))
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    @staticmethod
    async def _tell(connection: Live, notice: Notice) -> None:
        try:
            await connection.notice(notice)
        except Exception as exc:  # that connection's loss; the others go on
            logger.error("a connection failed on a %s notice: %s", notice.kind, type(exc).__name__)
