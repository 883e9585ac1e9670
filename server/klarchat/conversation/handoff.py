"""Handing a conversation from the AI to a person and back: the states and their rules.

`ai` → `waiting` (the visitor asked for a person) → `human` (an operator claimed it) →
`ai` (released) or `closed`; `consent` is the moment the visitor is asked for
`human_support`. The visitor's side (request, cancel, the consent decision, withdrawal)
arrives from the connection, the staff side (claim, message, release, close, reveal) from
the operator console, both through this one desk, so that the rules hold whoever acts.

The state lives in the shared database. Every change is a compare-and-set there
(`LiveSessions.set_handoff`): of two operators claiming at once, on one instance or on
two, exactly one wins. A staff action is published as an event; the bus carries it to the
instance that holds the visitor's socket, which re-reads the state, stops an AI answer
still streaming and tells the visitor (`Connection.notice`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from klarchat.conversation.purposes import (
    HUMAN_SUPPORT,
    TRANSCRIPT,
    is_active,
)
from klarchat.events import ConversationChanged, HandoffChanged
from klarchat.opening_hours import is_open
from klarchat.protocol import Contact, Handoff
from klarchat.sessions import HandoffState, Line, Session
from klarchat.store.records import MessageRow

if TYPE_CHECKING:
    from klarchat.services import Services

Unavailable = Literal["nobody_online", "outside_hours", "declined", "disabled"]
STAFF_WRITES = 3
"""Tries to write a person's message when the visitor's instance changes the vault meanwhile."""
_OPEN = ("ai", "consent", "waiting", "human")


def _words(phrases: list[str]) -> re.Pattern[str] | None:
    """Any of the phrases as whole words, in any case; None for none."""
    escaped = [re.escape(p.strip()) for p in phrases if p.strip()]
    if not escaped:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(escaped) + r")(?!\w)", re.IGNORECASE)


class HandoffRefused(Exception):
    """A staff action the conversation's state does not allow; `code` is the API's error."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Staff:
    username: str
    display_name: str


class HandoffDesk:
    def __init__(self, services: Services) -> None:
        self._svc = services
        settings = services.settings.handoff
        self._phrases = _words(settings.phrases)
        self._topics = _words(settings.offer_for_topics)
        self._categories = set(settings.offer_for_categories)

    def asks_for_person(self, text: str) -> bool:
        """Whether a message asks for a person in words (`handoff.phrases`); never while
        handoff is off, so that "Ihr Mitarbeiter sagte …" still reaches the AI there."""
        return (
            self._svc.settings.handoff_offered()
            and self._phrases is not None
            and self._phrases.search(text) is not None
        )

    def is_sensitive(self, text: str, categories: list[str]) -> bool:
        """Whether a message should go to a person rather than the AI
        (`handoff.offer_for_categories`, `handoff.offer_for_topics`)."""
        return bool(self._categories.intersection(categories)) or (
            self._topics is not None and self._topics.search(text) is not None
        )

    # -- what the visitor sees -----------------------------------------------------------

    def _contact(self, lang: str) -> Contact:
        settings = self._svc.settings
        channels = settings.handoff.contact
        return Contact(
            email=channels.email or settings.controller.email or None,
            phone=channels.phone or settings.controller.phone or None,
            url=channels.url or None,
            hours=channels.hours.get(lang) or None,
        )

    async def frame(self, session: Session, reason: str | None = None) -> Handoff:
        """The `handoff` frame for the session's state."""
        state = session.handoff
        available = bool(await self._svc.presence.available())
        return Handoff.model_validate(
            {
                "state": state.state,
                "operator": state.operator_name if state.state == "human" else None,
                "team": self._svc.settings.handoff.team.get(session.lang)
                if state.state == "human"
                else None,
                "available": available if state.state == "waiting" else None,
                "reason": reason,
                "contact": self._contact(session.lang)
                if state.state == "waiting" and not available
                else None,
            }
        )

    async def _change(
        self, session: Session, state: HandoffState, reason: str | None = None
    ) -> bool:
        """Set the state if nobody changed it since this copy was read; then tell this
        instance's connections of the conversation and, through the event, every other
        instance and the consoles. False (and the copy re-read) if somebody was first."""
        if not await self._svc.sessions.set_handoff(
            session, state, from_states=(session.handoff.state,)
        ):
            await self._svc.sessions.reload(session)
            return False
        await self._svc.live.send(session.conversation_id, await self.frame(session, reason))
        await self._svc.events.publish(
            HandoffChanged(session.conversation_id, state.state, state.operator)
        )
        return True

    async def _unavailable(self, session: Session, reason: Unavailable) -> None:
        if session.handoff.state != "ai":
            await self._svc.sessions.set_handoff(
                session, HandoffState(), from_states=(session.handoff.state,)
            )
        frame = Handoff(state="unavailable", reason=reason, contact=self._contact(session.lang))
        await self._svc.live.send(session.conversation_id, frame)
        await self._svc.events.publish(
            HandoffChanged(session.conversation_id, "ai", None, outcome=reason)
        )

    # -- the visitor's side --------------------------------------------------------------

    async def request(self, session: Session, *, sensitive: bool = False) -> None:
        """The visitor asks for a person (or is offered one for a sensitive topic):
        unavailable at once, or consent, or waiting."""
        svc, state = self._svc, session.handoff
        if state.state in ("consent", "waiting", "human", "closed"):
            await svc.live.send(session.conversation_id, await self.frame(session))
            return
        if not svc.settings.handoff_offered():
            await self._unavailable(session, "disabled")
            return
        settings = svc.settings.handoff
        if not is_open(settings.opening_hours, settings.timezone, svc.clock.now()):
            await self._unavailable(session, "outside_hours")
            return
        if not await svc.presence.available() and not settings.queue_when_unavailable:
            await self._unavailable(session, "nobody_online")
            return
        reason = "sensitive" if sensitive else None
        if not is_active(svc, session, HUMAN_SUPPORT):
            await self._change(session, HandoffState("consent"), reason)
            return
        await self._wait(session, reason)

    async def consent_decided(self, session: Session, given: bool) -> None:
        """After the ledger has the visitor's answer to the `human_support` question."""
        if session.handoff.state != "consent":
            return
        if given:
            await self._wait(session)
        else:
            await self._unavailable(session, "declined")

    async def _wait(self, session: Session, reason: str | None = None) -> None:
        waiting = HandoffState("waiting", waiting_since_ms=self._svc.clock.epoch_ms())
        await self._change(session, waiting, reason)

    async def cancel(self, session: Session) -> None:
        """The visitor no longer wants to wait (or to be asked)."""
        if session.handoff.state in ("consent", "waiting"):
            await self._change(session, HandoffState())

    async def consent_ended(self, session: Session) -> None:
        """`human_support` (or the chat itself) was withdrawn or expired: no person may
        read on; the AI answers again, if the chat goes on at all."""
        if session.handoff.state in ("consent", "waiting", "human"):
            await self._change(session, HandoffState(), "released")

    # -- the staff side ------------------------------------------------------------------

    async def session(self, conversation_id: str) -> Session:
        """A staff copy of the conversation, read from the database now."""
        session = await self._svc.sessions.for_staff(conversation_id)
        if session is None:
            raise HandoffRefused("unknown_conversation", "No such conversation is held now.")
        return session

    def may_read(self, session: Session) -> bool:
        return is_active(self._svc, session, HUMAN_SUPPORT) and session.key is not None

    async def _staff_change(self, session: Session, state: HandoffState) -> None:
        if not await self._svc.sessions.set_handoff(
            session, state, from_states=(session.handoff.state,)
        ):
            raise HandoffRefused("already_claimed", "Somebody changed the conversation first.")
        await self._svc.events.publish(
            HandoffChanged(session.conversation_id, state.state, state.operator)
        )

    async def claim(self, conversation_id: str, staff: Staff) -> Session:
        session = await self.session(conversation_id)
        state = session.handoff
        if state.state == "closed":
            raise HandoffRefused("closed", "The conversation is closed.")
        if state.state == "human":
            if state.operator == staff.username:
                return session
            raise HandoffRefused("already_claimed", f"{state.operator_name} has taken it over.")
        if not self.may_read(session):
            raise HandoffRefused("no_consent", "The visitor has not agreed to talk to a person.")
        await self._staff_change(session, HandoffState("human", staff.username, staff.display_name))
        return session

    async def _claimed_by(self, conversation_id: str, staff: Staff) -> Session:
        session = await self.session(conversation_id)
        if session.handoff.state != "human" or session.handoff.operator != staff.username:
            raise HandoffRefused("not_claimed", "Claim the conversation first.")
        return session

    async def release(self, conversation_id: str, staff: Staff) -> Session:
        session = await self._claimed_by(conversation_id, staff)
        await self._staff_change(session, HandoffState())
        return session

    async def close(self, conversation_id: str, staff: Staff) -> Session:
        session = await self.session(conversation_id)
        if session.handoff.state == "human" and session.handoff.operator != staff.username:
            raise HandoffRefused("already_claimed", f"{session.handoff.operator_name} has it.")
        if session.handoff.state == "closed":
            return session
        await self._staff_change(
            session, HandoffState("closed", staff.username, staff.display_name)
        )
        return session

    async def say(self, conversation_id: str, staff: Staff, text: str) -> Line:
        """A person's message: redacted like the visitor's before it is kept (the AI reads
        the history when it answers again); the instance holding the visitor's socket
        shows it with the visitor's own values (`Connection.notice`)."""
        svc = self._svc
        for _ in range(STAFF_WRITES):
            session = await self._claimed_by(conversation_id, staff)
            if not self.may_read(session):
                raise HandoffRefused("no_consent", "The visitor has withdrawn their consent.")
            redaction = await svc.redactor.redact(text, session.lang, session.vault)
            if await svc.sessions.save_vault(session):
                break
        else:
            raise HandoffRefused("busy", "The conversation is changing; please send again.")
        line = await svc.sessions.add_line(
            session, "person", staff.display_name, redaction.text, redaction.entities
        )
        if is_active(svc, session, TRANSCRIPT):
            await svc.store.add_message(
                MessageRow(
                    conversation_id, "assistant", redaction.text, line.at, staff.display_name
                )
            )
        await svc.events.publish(ConversationChanged(conversation_id, seq=line.seq))
        return line
