"""Which operators can take a conversation now, across every instance of the site.

An operator is available while they have said so and have the console open (its live
stream) on some instance: a closed laptop must not leave visitors waiting for somebody
who is gone. Both facts live in the database: the willingness per operator, and each open
stream per instance with a heartbeat, so that a stream of an instance that died stops
counting `STALE_MS` after its last beat.
"""

from __future__ import annotations

from klarchat.clock import Clock
from klarchat.store.base import Store

HEARTBEAT_SECONDS = 10
STALE_MS = 3 * HEARTBEAT_SECONDS * 1000


class Presence:
    def __init__(self, store: Store, clock: Clock, instance: str) -> None:
        self._store = store
        self._clock = clock
        self._instance = instance

    async def set_available(self, username: str, available: bool) -> None:
        await self._store.set_willing(username, available)

    async def is_willing(self, username: str) -> bool:
        return await self._store.is_willing(username)

    async def stream_beat(self, username: str) -> None:
        """An open stream of the operator on this instance, now (open and every beat)."""
        await self._store.stream_seen(username, self._instance, self._clock.epoch_ms())

    async def stream_closed(self, username: str) -> None:
        await self._store.stream_gone(username, self._instance)

    async def available(self) -> list[str]:
        return await self._store.available_operators(self._clock.epoch_ms() - STALE_MS)
