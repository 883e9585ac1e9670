"""The consent side of a conversation: hello, consent, withdrawal, expiry, and the ledger.

Every decision is committed to the ledger before it is confirmed to the visitor. A
withdrawal (or expiry) of `ai_chat` first stops the running answer and forgets the
pseudonyms and history, and only then is proved in the ledger: processing ends at once,
not after a database write.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from klarchat.consent.expiry import expired_purposes
from klarchat.consent.receipts import sign_receipt
from klarchat.consent.state import Action, ConsentState, action_for_choice
from klarchat.conversation.purposes import (
    AI_CHAT,
    HUMAN_SUPPORT,
    TRANSCRIPT,
    is_active,
    policy_of,
)
from klarchat.conversation.redraw import history
from klarchat.events import ConsentDecided, SessionOpened
from klarchat.protocol import (
    ConsentChoice,
    ConsentRecorded,
    ErrorCode,
    Hello,
    ProtocolError,
    ServerFrame,
    Welcome,
    Withdraw,
)
from klarchat.sessions import Session
from klarchat.store.records import ConsentEventRow

if TYPE_CHECKING:
    from klarchat.services import Services

Send = Callable[[ServerFrame], Awaitable[None]]


class ConsentFlow:
    def __init__(
        self,
        services: Services,
        origin: str,
        send: Send,
        stop_answer: Callable[[], Awaitable[None]],
    ) -> None:
        self._svc = services
        self._origin = origin
        self._send = send
        self._stop_answer = stop_answer
        self._max_age = timedelta(days=services.settings.consent.max_age_days)

    async def hello(self, frame: Hello) -> Session:
        """A resumed or new session, welcomed; consent that expired meanwhile is recorded
        and confirmed after the welcome."""
        svc = self._svc
        lang = self._language(frame.lang)
        session = await svc.sessions.resume(frame.resume) if frame.resume else None
        resumed = session is not None
        if session is None:
            session = await self._new_session(lang)
            await svc.events.publish(SessionOpened(session.conversation_id, session.variant))
        else:
            await svc.sessions.load_lines(session)
        session.lang = lang
        expired = await self.expire(session)
        policy = policy_of(svc, session)
        limits = svc.settings.limits
        keeps = is_active(svc, session, TRANSCRIPT)
        await self._send(
            Welcome.model_validate(
                {
                    "session": session.token,
                    "resumed": resumed,
                    "lang": lang,
                    "assistant": svc.settings.assistant.name,
                    "disclosure": policy.disclosure(lang),
                    "policy_version": policy.version,
                    "purposes": policy.describe(lang),
                    "consent": self._consent_state(session),
                    "persist": keeps,
                    "privacy_url": svc.settings.consent.privacy_url,
                    "limits": {
                        "max_message_chars": limits.max_message_chars,
                        "messages_per_minute": limits.messages_per_minute,
                    },
                    "handoff": svc.settings.handoff_offered(),
                    "greeting": svc.settings.assistant.greeting[lang],
                    "suggestions": svc.settings.assistant.suggestions.get(lang, []),
                    "history": self._history(session, resumed, keeps, frame.last_seq),
                    "last_seq": session.last_seq,
                }
            )
        )
        if expired:
            await self.confirm(session, expired)
        if session.handoff.state != "ai":
            await self._send(await svc.handoffs.frame(session))
        return session

    @staticmethod
    def _history(
        session: Session, resumed: bool, keeps: bool, last_seq: int | None
    ) -> list[dict[str, str | int]]:
        """After a reconnect, exactly what the client missed; after a reload, everything,
        if the visitor lets the conversation be kept."""
        if not resumed:
            return []
        if last_seq is not None:
            return history(session, last_seq)
        return history(session) if keeps else []

    def _language(self, requested: str | None) -> str:
        """`de-AT` means German; anything we do not speak falls back to the default."""
        supported = self._svc.settings.languages
        base = (requested or "").split("-")[0].lower()
        return base if base in supported else self._svc.settings.default_language

    async def _new_session(self, lang: str) -> Session:
        """A new session, unless this instance already holds `limits.max_sessions` chats."""
        if len(self._svc.live) >= self._svc.settings.limits.max_sessions:
            raise ProtocolError(
                ErrorCode.SERVER_BUSY, "The chat is very busy right now; please try again soon."
            )
        return await self._svc.sessions.create(lang, self._svc.variants.pick())

    def _consent_state(self, session: Session) -> dict[str, dict[str, Any]]:
        return {
            purpose: {
                "state": session.consent_for(purpose).state.value,
                "current": is_active(self._svc, session, purpose),
            }
            for purpose in policy_of(self._svc, session).purposes
        }

    async def decide(self, session: Session, frame: ConsentChoice) -> None:
        if frame.policy_version != policy_of(self._svc, session).version:
            raise ProtocolError(
                ErrorCode.STALE_POLICY,
                "The consent texts have changed; reconnect to see the current ones.",
            )
        self._check_purposes(frame.choices)
        decisions = {
            purpose: action_for_choice(session.consent_for(purpose).state, accepted)
            for purpose, accepted in frame.choices.items()
        }
        await self.confirm(session, await self._commit(session, decisions))
        if HUMAN_SUPPORT in decisions:
            given = is_active(self._svc, session, HUMAN_SUPPORT)
            await self._svc.handoffs.consent_decided(session, given)

    async def withdraw(self, session: Session, frame: Withdraw) -> None:
        if frame.purposes == "all":
            purposes = [
                p
                for p in self._svc.policy.purposes
                if session.consent_for(p).state is ConsentState.GIVEN
            ]
            if not purposes:
                raise ProtocolError(
                    ErrorCode.NOT_GIVEN, "Nothing to withdraw: no consent is given."
                )
        else:
            purposes = list(dict.fromkeys(frame.purposes))
            self._check_purposes(purposes)
            not_given = [
                p for p in purposes if session.consent_for(p).state is not ConsentState.GIVEN
            ]
            if not_given:
                raise ProtocolError(
                    ErrorCode.NOT_GIVEN, f"Nothing to withdraw for: {', '.join(not_given)}."
                )
        decisions = dict.fromkeys(purposes, Action.WITHDRAWN)
        await self.confirm(session, await self._commit(session, decisions))

    def _check_purposes(self, purposes: Iterable[str]) -> None:
        unknown = [p for p in purposes if p not in self._svc.policy.purposes]
        if unknown:
            raise ProtocolError(
                ErrorCode.UNKNOWN_PURPOSE, f"Unknown purpose: {', '.join(unknown)}."
            )

    async def expire(self, session: Session) -> list[ConsentEventRow]:
        """Consent given more than `consent.max_age_days` ago is recorded as expired."""
        purposes = expired_purposes(session.consent, self._svc.clock.now(), self._max_age)
        if not purposes:
            return []
        return await self._commit(session, dict.fromkeys(purposes, Action.EXPIRED))

    async def _commit(
        self, session: Session, decisions: dict[str, Action]
    ) -> list[ConsentEventRow]:
        """Stop first, then prove: a withdrawal (or expiry) halts processing before it is
        committed."""
        policy = policy_of(self._svc, session)
        new_states = {
            purpose: session.consent_for(purpose).apply(action, policy.version)
            for purpose, action in decisions.items()
        }
        stopped = {p for p, a in decisions.items() if a in (Action.WITHDRAWN, Action.EXPIRED)}
        for purpose in stopped:
            session.consent[purpose] = new_states[purpose]
        if HUMAN_SUPPORT in stopped:
            await self._svc.sessions.let_staff_read(session, False)
        if stopped & {AI_CHAT, HUMAN_SUPPORT}:
            await self._svc.handoffs.consent_ended(session)
        if AI_CHAT in stopped:
            await self._stop_answer()
            await self._svc.sessions.forget_chat(session)
        if TRANSCRIPT in stopped:
            await self._svc.store.delete_messages(session.conversation_id)
        rows: list[ConsentEventRow] = []
        for purpose, action in decisions.items():
            row = await self._svc.ledger.record(
                subject=session.subject,
                action=action,
                shown=policy.shown(purpose, session.lang),
                policy_version=policy.version,
                origin=self._origin,
                variant=session.variant,
            )
            session.consent[purpose] = replace(new_states[purpose], since=row.at)
            rows.append(row)
        if decisions.get(HUMAN_SUPPORT) is Action.GIVEN:
            await self._svc.sessions.let_staff_read(session, True)
        await self._svc.events.publish(
            ConsentDecided(session.conversation_id, session.variant, decisions)
        )
        return rows

    async def confirm(self, session: Session, rows: list[ConsentEventRow]) -> None:
        """A consent event is confirmed to the visitor only once its row is committed."""
        events = [
            {
                "event_id": r.event_id,
                "purpose": r.purpose,
                "action": r.action,
                "seq": r.seq,
                "at": r.at,
            }
            for r in rows
        ]
        now = self._svc.clock.now_ms()
        await self._send(
            ConsentRecorded.model_validate(
                {
                    "events": events,
                    "at": events[-1]["at"] if events else now,
                    "consent": self._consent_state(session),
                    "persist": is_active(self._svc, session, TRANSCRIPT),
                    "receipt": sign_receipt(
                        self._svc.signing_key, subject=session.subject, events=rows, issued_at=now
                    ),
                }
            )
        )
