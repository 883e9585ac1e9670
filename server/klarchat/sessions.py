"""Chat sessions held in memory: the pseudonym vault and the redacted history.

Nothing here is written to disk. A session outlives its websocket so that a visitor
whose connection drops can resume with the token the widget keeps in memory; after
`idle_seconds` without activity it is forgotten, vault and all, and `resume_seconds`
after it was created a token no longer resumes it, however active it was. Forgotten
sessions wait in `take_ended()` so that the consent metrics can count who left undecided.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from klarchat.adapters.base import ChatMessage
from klarchat.consent.state import PurposeConsent
from klarchat.privacy.vault import Vault

HandoffStateName = Literal["ai", "consent", "waiting", "human", "closed"]


@dataclass(slots=True)
class HandoffState:
    """Who answers the conversation: the AI, or a person at the operator console."""

    state: HandoffStateName = "ai"
    operator: str | None = None
    """The user name of the operator who claimed it (state `human`)."""
    operator_name: str | None = None
    waiting_since: float | None = None
    """`Clock.monotonic()` when the visitor asked for a person (state `waiting`)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One message of the conversation as staff may read it: redacted text only."""

    role: Literal["visitor", "ai", "person"]
    author: str
    text: str
    at: str


@dataclass(slots=True)
class Session:
    token: str
    subject: str
    conversation_id: str
    lang: str
    consent: dict[str, PurposeConsent]
    vault: Vault = field(default_factory=Vault)
    history: list[ChatMessage] = field(default_factory=list)
    last_seen: float = 0.0
    created: float = 0.0
    variant: str | None = None
    """The consent wording variant drawn at `hello`; kept on resume."""
    handoff: HandoffState = field(default_factory=HandoffState)
    lines: list[Line] = field(default_factory=list)
    """The redacted conversation for the operator console (in memory, like `history`)."""
    entities: dict[str, int] = field(default_factory=dict)
    """How many values of each type were redacted so far (counts only)."""
    started_at: str = ""
    last_activity_at: str = ""

    def consent_for(self, purpose: str) -> PurposeConsent:
        return self.consent.get(purpose, PurposeConsent())

    def forget_chat(self) -> None:
        """What withdrawal of `ai_chat` demands: no pseudonym map, no history kept."""
        self.vault.clear()
        self.history.clear()
        self.lines.clear()


class SessionRegistry:
    def __init__(
        self,
        idle_seconds: float,
        clock: Callable[[], float] = time.monotonic,
        resume_seconds: float = math.inf,
    ) -> None:
        self._idle = idle_seconds
        self._clock = clock
        self._resume = resume_seconds
        self._by_subject: dict[str, Session] = {}
        self._by_conversation: dict[str, Session] = {}
        self._ended: list[Session] = []

    def __len__(self) -> int:
        return len(self._by_subject)

    def get(self, subject: str) -> Session | None:
        self._sweep()
        session = self._by_subject.get(subject)
        if session is not None:
            session.last_seen = self._clock()
        return session

    def resume(self, subject: str) -> Session | None:
        """The session a token resumes: not idle, and created at most `resume_seconds`
        ago; a session past that is forgotten."""
        session = self.get(subject)
        if session is not None and self._clock() - session.created > self._resume:
            self._forget(subject)
            return None
        return session

    def full(self, limit: int) -> bool:
        """Whether `limit` sessions are held even after the idle ones are forgotten."""
        if len(self._by_subject) < limit:
            return False
        self._sweep()
        return len(self._by_subject) >= limit

    def add(self, session: Session) -> None:
        self._sweep()
        session.last_seen = session.created = self._clock()
        self._by_subject[session.subject] = session
        self._by_conversation[session.conversation_id] = session

    def take_ended(self) -> list[Session]:
        """The sessions forgotten since the last call."""
        ended, self._ended = self._ended, []
        return ended

    def close(self) -> list[Session]:
        """Forget every session (the server stops); return all that ended."""
        for subject in list(self._by_subject):
            self._forget(subject)
        return self.take_ended()

    def all(self) -> list[Session]:
        """Every session held (the operator console's list)."""
        self._sweep()
        return list(self._by_subject.values())

    def by_conversation(self, conversation_id: str) -> Session | None:
        """The session of a conversation, unless it is idle (then it is forgotten): what
        the console and every console update look up, without walking all sessions."""
        session = self._by_conversation.get(conversation_id)
        if session is not None and session.last_seen < self._clock() - self._idle:
            self._forget(session.subject)
            return None
        return session

    def touch(self, session: Session) -> None:
        session.last_seen = self._clock()

    def _sweep(self) -> None:
        cutoff = self._clock() - self._idle
        for subject in [s for s, sess in self._by_subject.items() if sess.last_seen < cutoff]:
            self._forget(subject)

    def _forget(self, subject: str) -> None:
        session = self._by_subject.pop(subject)
        self._by_conversation.pop(session.conversation_id, None)
        session.forget_chat()
        self._ended.append(session)
