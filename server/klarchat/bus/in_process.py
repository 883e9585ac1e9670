"""The bus of a single instance (the default, and the only one with SQLite).

It hands each notice straight to this process's subscribers, awaited in order before
`publish` returns, which is what "every instance, this one included" means when there is
one instance.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace

from klarchat.bus import wire
from klarchat.bus.base import Notice, Subscriber
from klarchat.bus.fanout import Fanout


class InProcessBus:
    def __init__(self) -> None:
        self.instance = secrets.token_hex(8)
        self._fanout = Fanout()

    async def start(self) -> None:
        """Nothing to connect; here so that both buses start and close alike."""

    async def close(self) -> None:
        """Nothing to release."""

    async def publish(self, notice: Notice) -> None:
        wire.check(notice)
        await self._fanout.deliver(replace(notice, origin=self.instance))

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        return self._fanout.subscribe(subscriber)


class SoleLeader:
    """With one instance there is nobody to share the jobs with."""

    async def start(self) -> None:
        """Nothing to acquire."""

    async def close(self) -> None:
        """Nothing to release."""

    def is_leader(self) -> bool:
        return True
