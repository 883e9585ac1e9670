"""Typed events of a conversation, fanned out to whoever subscribed.

The conversation publishes what happened; metrics, the audit log, and later the
operator console and the bus between instances, subscribe. Nothing is called by hand
from the conversation, so a new observer is one `subscribe` call. Events never carry
message text: counts, ids and outcomes only, so no subscriber can leak what a visitor
wrote.

`publish` awaits each listener in turn, in the order they subscribed: the audit row is
written before the answer's last frame goes out, as before events existed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from klarchat.consent.state import Action


@dataclass(frozen=True, slots=True)
class Event:
    conversation: str
    """The pseudonymous conversation id (never the session token)."""


@dataclass(frozen=True, slots=True)
class SessionOpened(Event):
    variant: str | None


@dataclass(frozen=True, slots=True)
class SessionEnded(Event):
    """The session is forgotten (idle or past its resume window; the leader deletes it)."""

    variant: str | None


@dataclass(frozen=True, slots=True)
class ConsentDecided(Event):
    """After the ledger committed the decisions."""

    variant: str | None
    decisions: Mapping[str, Action]


@dataclass(frozen=True, slots=True)
class MessageRedacted(Event):
    message_id: str
    entities: Mapping[str, int]
    blocked: bool
    seconds: float
    """How long redaction took (monotonic), for the operations metrics' latency histogram."""


@dataclass(frozen=True, slots=True)
class AnswerStarted(Event):
    message_id: str
    responder: str


@dataclass(frozen=True, slots=True)
class AnswerFinished(Event):
    message_id: str
    responder: str
    model: str
    started_at: str
    finished_at: str
    entities: Mapping[str, int]
    outcome: str
    """`complete`, `cancelled`, `blocked` or `error`."""
    error_code: str = ""
    failure: str = ""
    """On a provider failure: the class of the error (`ConnectError`, `HTTPStatus`, ...)."""
    status: int | None = None
    """On a provider failure: the provider's HTTP status, when it answered with one."""


@dataclass(frozen=True, slots=True)
class Erased(Event):
    at: str
    deleted: Mapping[str, int]
    """Rows deleted, by kind: `messages`, `audit`, `links`."""


@dataclass(frozen=True, slots=True)
class HandoffChanged(Event):
    """The conversation moved between AI and person (`sessions.HandoffState`)."""

    state: str
    operator: str | None = None
    outcome: str = ""
    """For a request nobody could take: `nobody_online`, `outside_hours`, `declined`,
    `disabled`."""


@dataclass(frozen=True, slots=True)
class ConversationChanged(Event):
    """Something staff may see changed (a message, consent, entity counts); no content."""

    seq: int = 0
    """The number of the line added, if a line was added."""


Listener = Callable[[Event], Awaitable[None]]


class Events:
    def __init__(self) -> None:
        self._listeners: list[tuple[str | None, Listener]] = []

    def subscribe(
        self, listener: Listener, *, conversation: str | None = None
    ) -> Callable[[], None]:
        """Listen to every event, or to one conversation's; returns the unsubscribe call."""
        entry = (conversation, listener)
        self._listeners.append(entry)
        return lambda: self._listeners.remove(entry)

    async def publish(self, event: Event) -> None:
        for conversation, listener in list(self._listeners):
            if conversation is None or conversation == event.conversation:
                await listener(event)
