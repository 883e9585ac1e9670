"""Handing a notice to this instance's subscribers, shared by every bus.

A subscriber that raises is logged and the rest still get the notice: one broken view
must not keep the others (or the publisher, for the in-process bus) from hearing of a
change. Only the kind is logged; the conversation id stays out of the log like the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from klarchat.bus.base import Notice, Subscriber

logger = logging.getLogger("klarchat.bus")


class Fanout:
    def __init__(self) -> None:
        # Each subscription has a token of its own, so that unsubscribing one of two
        # subscriptions of the same function removes that one only, and only once.
        self._subscriptions: list[tuple[object, Subscriber]] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Returns the unsubscribe call; calling it twice is harmless."""
        entry = (object(), subscriber)
        self._subscriptions.append(entry)

        def unsubscribe() -> None:
            if entry in self._subscriptions:
                self._subscriptions.remove(entry)

        return unsubscribe

    async def deliver(self, notice: Notice) -> None:
        """Await each subscriber in the order they subscribed."""
        for _, subscriber in list(self._subscriptions):
            try:
                await subscriber(notice)
            except Exception:
                logger.exception("a bus subscriber failed on a %s notice", notice.kind)
