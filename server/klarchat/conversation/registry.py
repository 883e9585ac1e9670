"""The conversations whose sockets this process holds, by conversation id.

Other parts find a connection here without holding its socket: the relay, to tell a
connection that its conversation changed on this or another instance (`notice`). A conversation is listed from its `hello`
until its socket closes; two tabs resuming one session are two connections of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from klarchat.bus.base import Notice
from klarchat.events import Events, Listener
from klarchat.protocol import ServerFrame


class Live(Protocol):
    """What the registry needs of a connection."""

    @property
    def conversation_id(self) -> str: ...

    async def send(self, frame: ServerFrame) -> None: ...

    async def stop_answer(self) -> None:
        """Cancel an AI answer still streaming (a person takes over)."""

    async def notice(self, notice: Notice) -> None:
        """The conversation changed somewhere: re-read it and tell the visitor."""


class LiveConversations:
    def __init__(self, events: Events) -> None:
        self._events = events
        self._by_id: dict[str, list[Live]] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def add(self, connection: Live) -> None:
        self._by_id.setdefault(connection.conversation_id, []).append(connection)

    def remove(self, connection: Live) -> None:
        connections = self._by_id.get(connection.conversation_id, [])
        if connection in connections:
            connections.remove(connection)
        if not connections:
            self._by_id.pop(connection.conversation_id, None)

    def find(self, conversation_id: str) -> Live | None:
        """The newest connection of the conversation, if it is live here."""
        connections = self._by_id.get(conversation_id)
        return connections[-1] if connections else None

    def connections(self, conversation_id: str) -> list[Live]:
        return list(self._by_id.get(conversation_id, []))

    def everyone(self) -> list[Live]:
        return [c for connections in self._by_id.values() for c in connections]

    def is_live(self, conversation_id: str) -> bool:
        return conversation_id in self._by_id

    async def send(self, conversation_id: str, frame: ServerFrame) -> bool:
        """Send a server frame to every connection of the conversation; False if none."""
        connections = list(self._by_id.get(conversation_id, []))
        for connection in connections:
            await connection.send(frame)
        return bool(connections)

    def subscribe(self, conversation_id: str, listener: Listener) -> Callable[[], None]:
        """The conversation's events (never its text); returns the unsubscribe call."""
        return self._events.subscribe(listener, conversation=conversation_id)
