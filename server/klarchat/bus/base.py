"""What the instances of one site tell each other: which conversation changed, never how.

A notice names a conversation (its pseudonymous id) and what kind of thing happened; the
receiving instance reads the rest from the database. So nothing a visitor or an
operator wrote ever travels on the bus, and a notice is a few dozen bytes, far below
PostgreSQL's 8,000-byte NOTIFY limit.

Every notice goes to every instance, the publishing one included, so that one code path
serves one process and three alike. When an implementation may have missed notices (its
listener connection dropped and came back), it delivers a `resync` notice: subscribers
then re-read what they show from the database.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, Protocol

NoticeKind = Literal["handoff", "line", "consent", "session", "presence", "resync"]


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    conversation: str = ""
    """The conversation id (32 hex characters); empty for `presence` and `resync`."""
    seq: int = 0
    """For `line`: the sequence number of the line added."""
    origin: str = ""
    """The id of the instance that published it (set by the bus)."""


Subscriber = Callable[[Notice], Awaitable[None]]


class Bus(Protocol):
    instance: str
    """This instance's random id, for logs and for `Notice.origin`."""

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def publish(self, notice: Notice) -> None:
        """Deliver to every instance's subscribers, this one's included."""

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Returns the unsubscribe call."""


class Leadership(Protocol):
    """Jobs that must run on one instance at a time (retention purge, session expiry)."""

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    def is_leader(self) -> bool:
        """Whether this instance holds the lead now; checked before each run of a job."""
