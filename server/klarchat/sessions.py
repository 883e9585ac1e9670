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

from klarchat.adapters.base import ChatMessage
from klarchat.consent.state import PurposeConsent
from klarchat.privacy.vault import Vault


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

    def consent_for(self, purpose: str) -> PurposeConsent:
        return self.consent.get(purpose, PurposeConsent())

    def forget_chat(self) -> None:
        """What withdrawal of `ai_chat` demands: no pseudonym map, no history kept."""
        self.vault.clear()
        self.history.clear()


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

    def add(self, session: Session) -> None:
        self._sweep()
        session.last_seen = session.created = self._clock()
        self._by_subject[session.subject] = session

    def take_ended(self) -> list[Session]:
        """The sessions forgotten since the last call."""
        ended, self._ended = self._ended, []
        return ended

    def close(self) -> list[Session]:
        """Forget every session (the server stops); return all that ended."""
        for subject in list(self._by_subject):
            self._forget(subject)
        return self.take_ended()

    def touch(self, session: Session) -> None:
        session.last_seen = self._clock()

    def _sweep(self) -> None:
        cutoff = self._clock() - self._idle
        for subject in [s for s, sess in self._by_subject.items() if sess.last_seen < cutoff]:
            self._forget(subject)

    def _forget(self, subject: str) -> None:
        session = self._by_subject.pop(subject)
        session.forget_chat()
        self._ended.append(session)
