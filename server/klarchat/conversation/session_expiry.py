"""Ending sessions past their idle or resume window: a job for one instance at a time.

The leader deletes the expired sessions with their sealed lines and vaults, and publishes
each as ended, so that the consent metrics count who left undecided once, not once per
instance, and every console drops it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from klarchat.background import running
from klarchat.events import SessionEnded
from klarchat.sessions import EXPIRY_EVERY_SECONDS

if TYPE_CHECKING:
    from klarchat.services import Services

logger = logging.getLogger("klarchat.sessions")


@asynccontextmanager
async def session_expiry(services: Services) -> AsyncIterator[None]:
    async with running(_end_forever(services), "klarchat-session-expiry"):
        yield


async def end_expired(services: Services) -> int:
    ended = await services.sessions.end_expired()
    for row in ended:
        await services.events.publish(SessionEnded(row.conversation, row.variant))
    return len(ended)


async def _end_forever(services: Services) -> None:
    while True:
        await asyncio.sleep(EXPIRY_EVERY_SECONDS)
        if not services.leadership.is_leader():
            continue
        try:
            await end_expired(services)
        except Exception as exc:  # a failed run must not end the schedule
            logger.error("ending expired sessions failed with %s", type(exc).__name__)
