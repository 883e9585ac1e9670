"""One chat connection: consent gate -> redaction -> adapter -> restored stream.

The reader loop never waits for an answer: answers stream in their own task, so a
`withdraw` frame is read, and takes effect, while an answer is still streaming.
Every frame is handled completely (ledger committed, side effects done) before the
next one is read.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import aclosing, suppress
from dataclasses import replace
from datetime import timedelta
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect

from klarchat import protocol, rights
from klarchat.adapters.base import AdapterError, ChatMessage, ChatRequest
from klarchat.consent.expiry import expired_purposes
from klarchat.consent.policy import Policy
from klarchat.consent.receipts import sign_receipt
from klarchat.consent.state import Action, ConsentState, action_for_choice
from klarchat.privacy.restore import StreamRestorer
from klarchat.protocol import (
    ConsentChoice,
    Erase,
    ErrorCode,
    Export,
    Hello,
    Message,
    Ping,
    ProtocolError,
    Withdraw,
)
from klarchat.ratelimit import RateLimiter
from klarchat.services import Services
from klarchat.sessions import Session
from klarchat.store.records import AuditRow, ConsentEventRow, MessageRow

AI_CHAT = "ai_chat"
TRANSCRIPT = "transcript"

logger = logging.getLogger("klarchat.conversation")


class Conversation:
    def __init__(self, websocket: WebSocket, services: Services, origin: str) -> None:
        self._ws = websocket
        self._svc = services
        self._origin = origin
        self._limits = services.settings.limits
        self._max_age = timedelta(days=services.settings.consent.max_age_days)
        self._rate = RateLimiter(self._limits.messages_per_minute)
        self._send_lock = asyncio.Lock()
        self._session: Session | None = None
        self._answer: asyncio.Task[None] | None = None
        self._answer_id = ""
        self._linked = False

    async def run(self) -> None:
        try:
            while True:
                raw = await self._receive()
                try:
                    frame = protocol.parse(
                        raw,
                        max_frame_bytes=self._limits.max_frame_bytes,
                        max_message_chars=self._limits.max_message_chars,
                    )
                    await self._dispatch(frame)
                except ProtocolError as exc:
                    await self._send(protocol.error_frame(exc.code, exc.message, exc.frame_id))
        except WebSocketDisconnect:
            pass
        finally:
            await self._cancel_answer(notify=False)

    async def _receive(self) -> str | bytes | None:
        message = await self._ws.receive()
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        return message.get("text") if message.get("text") is not None else message.get("bytes")

    async def _send(self, frame: dict[str, Any]) -> None:
        async with self._send_lock:
            await self._ws.send_text(protocol.encode(frame))

    async def _dispatch(self, frame: protocol.ClientFrame) -> None:
        if isinstance(frame, Ping):
            await self._send({"type": "pong", **({"id": frame.id} if frame.id else {})})
            return
        if isinstance(frame, Hello):
            await self._hello(frame)
            return
        session = self._session
        if session is None:
            raise ProtocolError(ErrorCode.HELLO_REQUIRED, "Send a 'hello' frame first.")
        self._svc.sessions.touch(session)
        expired = await self._expire(session)
        if expired:
            await self._confirm(session, expired)
        if isinstance(frame, ConsentChoice):
            await self._consent(session, frame)
        elif isinstance(frame, Withdraw):
            await self._withdraw(session, frame)
        elif isinstance(frame, Message):
            await self._message(session, frame)
        elif isinstance(frame, Export):
            await self._export(session)
        elif isinstance(frame, Erase):
            await self._erase(session)

    # -- session -------------------------------------------------------------------------

    async def _hello(self, frame: Hello) -> None:
        if self._session is not None:
            raise ProtocolError(
                ErrorCode.DUPLICATE_HELLO, "This connection has already said hello."
            )
        lang = self._language(frame.lang)
        session = None
        if frame.resume:
            session = self._svc.sessions.resume(self._svc.identities.subject(frame.resume))
        resumed = session is not None
        if session is None:
            session = await self._new_session(lang)
            await self._svc.metrics.opened(session)
        await self._svc.metrics.ended(self._svc.sessions.take_ended())
        session.lang = lang
        self._session = session
        expired = await self._expire(session)
        policy = self._policy(session)
        await self._send(
            {
                "type": "welcome",
                "session": session.token,
                "resumed": resumed,
                "lang": lang,
                "assistant": self._svc.settings.assistant.name,
                "disclosure": policy.disclosure(lang),
                "policy_version": policy.version,
                "purposes": policy.describe(lang),
                "consent": self._consent_state(session),
                "persist": self._persist(session),
                "privacy_url": self._svc.settings.consent.privacy_url,
                "limits": {
                    "max_message_chars": self._limits.max_message_chars,
                    "messages_per_minute": self._limits.messages_per_minute,
                },
            }
        )
        if expired:
            await self._confirm(session, expired)

    def _language(self, requested: str | None) -> str:
        """`de-AT` means German; anything we do not speak falls back to the default."""
        supported = self._svc.settings.languages
        base = (requested or "").split("-")[0].lower()
        return base if base in supported else self._svc.settings.default_language

    async def _new_session(self, lang: str) -> Session:
        ids = self._svc.identities
        token = ids.new_token()
        session = Session(
            token=token,
            subject=ids.subject(token),
            conversation_id=ids.conversation(token),
            lang=lang,
            consent={},
            variant=self._svc.variants.pick(),
        )
        self._svc.sessions.add(session)
        return session

    def _policy(self, session: Session) -> Policy:
        """The policy of the session's wording variant (the base one without variants)."""
        return self._svc.variants.policy(session.variant)

    def _persist(self, session: Session) -> bool:
        """Whether the widget may keep the token in browser storage across page loads:
        only while the visitor consents to keeping the conversation."""
        return self._keeps_transcript(session)

    def _consent_state(self, session: Session) -> dict[str, dict[str, Any]]:
        version = self._policy(session).version
        return {
            purpose: {
                "state": session.consent_for(purpose).state.value,
                "current": session.consent_for(purpose).is_active(version),
            }
            for purpose in self._policy(session).purposes
        }

    # -- consent -------------------------------------------------------------------------

    async def _consent(self, session: Session, frame: ConsentChoice) -> None:
        policy = self._policy(session)
        if frame.policy_version != policy.version:
            raise ProtocolError(
                ErrorCode.STALE_POLICY,
                "The consent texts have changed; reconnect to see the current ones.",
            )
        self._check_purposes(frame.choices)
        decisions = {
            purpose: action_for_choice(session.consent_for(purpose).state, accepted)
            for purpose, accepted in frame.choices.items()
        }
        await self._record(session, decisions)

    async def _withdraw(self, session: Session, frame: Withdraw) -> None:
        if frame.purposes == "all":
            purposes = [
                p
                for p in self._svc.policy.purposes
                if session.consent_for(p).state is ConsentState.GIVEN
            ]
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
        await self._record(session, {purpose: Action.WITHDRAWN for purpose in purposes})

    def _check_purposes(self, purposes: Any) -> None:
        unknown = [p for p in purposes if p not in self._svc.policy.purposes]
        if unknown:
            raise ProtocolError(
                ErrorCode.UNKNOWN_PURPOSE, f"Unknown purpose: {', '.join(unknown)}."
            )

    async def _record(self, session: Session, decisions: dict[str, Action]) -> None:
        await self._confirm(session, await self._commit(session, decisions))

    async def _expire(self, session: Session) -> list[ConsentEventRow]:
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
        policy = self._policy(session)
        new_states = {
            purpose: session.consent_for(purpose).apply(action, policy.version)
            for purpose, action in decisions.items()
        }
        stopped = {p for p, a in decisions.items() if a in (Action.WITHDRAWN, Action.EXPIRED)}
        for purpose in stopped:
            session.consent[purpose] = new_states[purpose]
        if AI_CHAT in stopped:
            await self._cancel_answer(notify=True)
            session.forget_chat()
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
        await self._svc.metrics.decided(session, decisions)
        return rows

    async def _confirm(self, session: Session, rows: list[ConsentEventRow]) -> None:
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
            {
                "type": "consent_recorded",
                "events": events,
                "at": events[-1]["at"] if events else now,
                "consent": self._consent_state(session),
                "persist": self._persist(session),
                "receipt": sign_receipt(
                    self._svc.signing_key, subject=session.subject, events=rows, issued_at=now
                ),
            }
        )

    # -- data-subject rights -------------------------------------------------------------

    async def _export(self, session: Session) -> None:
        data = await rights.export(self._svc.store, session.subject, [session.conversation_id])
        await self._send({"type": "export", "data": data})

    async def _erase(self, session: Session) -> None:
        """Stop first, then delete: no answer still running may write a row afterwards."""
        await self._cancel_answer(notify=True)
        session.forget_chat()
        erasure = await rights.erase(self._svc.store, session.subject, [session.conversation_id])
        self._linked = False
        deleted = {"messages": erasure.messages, "audit": erasure.audit, "links": erasure.links}
        await self._send({"type": "erased", "at": erasure.at, "deleted": deleted})

    async def _link(self, session: Session) -> None:
        """Before this connection's first stored row: the conversation id cannot be
        computed from the subject, and export and erasure by subject need the way."""
        if not self._linked:
            await self._svc.store.link_conversation(
                session.subject, session.conversation_id, self._svc.clock.now_ms()
            )
            self._linked = True

    # -- messages ------------------------------------------------------------------------

    async def _message(self, session: Session, frame: Message) -> None:
        if not session.consent_for(AI_CHAT).is_active(self._policy(session).version):
            await self._send(
                {
                    "type": "consent_required",
                    "id": frame.id,
                    "purposes": [AI_CHAT],
                    "policy_version": self._policy(session).version,
                }
            )
            return
        if self._answer is not None and not self._answer.done():
            raise ProtocolError(
                ErrorCode.BUSY, "Please wait until the current answer is finished.", frame.id
            )
        if not self._rate.allow():
            raise ProtocolError(
                ErrorCode.RATE_LIMITED, "Too many messages; please wait a moment.", frame.id
            )
        await self._link(session)
        self._answer_id = frame.id
        self._answer = asyncio.create_task(self._respond(session, frame))

    async def _cancel_answer(self, *, notify: bool) -> None:
        task = self._answer
        if task is None or task.done():
            return
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        if notify:
            await self._send(
                {"type": "done", "id": self._answer_id, "ai": True, "outcome": "cancelled"}
            )

    def _keeps_transcript(self, session: Session) -> bool:
        return session.consent_for(TRANSCRIPT).is_active(self._policy(session).version)

    async def _respond(self, session: Session, frame: Message) -> None:
        """The audit row is written before the final frame, so that once the visitor sees
        `done` the answer is completely finished and the next message is not `busy`."""
        svc = self._svc
        started = svc.clock.now_ms()
        entities: dict[str, int] = {}
        try:
            redaction = svc.redactor.redact(frame.text, session.lang, session.vault)
            entities = {**redaction.entities, **redaction.category_counts}
            categories = [finding.as_frame() for finding in redaction.categories]
            if redaction.blocked:
                await self._audit(session, frame.id, started, entities, "blocked", "")
                await self._send(
                    protocol.error_frame(
                        ErrorCode.SPECIAL_CATEGORY,
                        svc.settings.privacy.block_notice[session.lang],
                        frame.id,
                        categories=categories,
                    )
                )
                return
            await self._send(
                {
                    "type": "redacted",
                    "id": frame.id,
                    "entities": redaction.entities,
                    "categories": categories,
                }
            )
            await self._keep(session, "user", redaction.text)
            request = ChatRequest(
                messages=(
                    ChatMessage("system", svc.settings.assistant.system_prompt[session.lang]),
                    *session.history[-self._limits.max_history_messages :],
                ),
                language=session.lang,
                conversation_id=session.conversation_id,
            )
            answer = await self._stream(session, frame.id, request)
            await self._keep(session, "assistant", answer)
            final = {"type": "done", "id": frame.id, "ai": True, "outcome": "complete"}
            outcome, error_code = "complete", ""
        except asyncio.CancelledError:
            await self._audit(session, frame.id, started, entities, "cancelled", "")
            raise
        except AdapterError as exc:
            final = protocol.error_frame(ErrorCode(exc.code), exc.message, frame.id)
            outcome, error_code = "error", exc.code
        except Exception as exc:  # one failed answer must not end the chat
            logger.error("answer failed with %s", type(exc).__name__)
            final = protocol.error_frame(
                ErrorCode.INTERNAL_ERROR, "Something went wrong; please try again.", frame.id
            )
            outcome, error_code = "error", ErrorCode.INTERNAL_ERROR.value
        await self._audit(session, frame.id, started, entities, outcome, error_code)
        await self._send(final)

    async def _audit(
        self,
        session: Session,
        message_id: str,
        started: str,
        entities: dict[str, int],
        outcome: str,
        error_code: str,
    ) -> None:
        await self._svc.store.add_audit(
            AuditRow(
                conversation=session.conversation_id,
                message_id=message_id,
                adapter=self._svc.adapter.name,
                model=self._svc.adapter.model,
                started_at=started,
                finished_at=self._svc.clock.now_ms(),
                entities=entities,
                outcome=outcome,
                error_code=error_code,
            )
        )

    async def _keep(self, session: Session, role: str, redacted_text: str) -> None:
        """History in memory for the adapter; on disk only with `transcript` consent."""
        session.history.append(ChatMessage(role, redacted_text))  # type: ignore[arg-type]
        if self._keeps_transcript(session):
            await self._svc.store.add_message(
                MessageRow(session.conversation_id, role, redacted_text, self._svc.clock.now_ms())
            )

    async def _stream(self, session: Session, frame_id: str, request: ChatRequest) -> str:
        """Forward deltas with the visitor's own values restored; return the redacted answer.

        `aclosing` closes the provider's stream even when cancellation strikes while a
        delta is being sent, so a withdrawal never leaves the provider generating.
        """
        restorer = StreamRestorer(session.vault)
        parts: list[str] = []
        async with aclosing(self._svc.adapter.stream(request)) as deltas:
            async for delta in deltas:
                parts.append(delta)
                shown = restorer.feed(delta)
                if shown:
                    await self._send({"type": "delta", "id": frame_id, "text": shown})
        tail = restorer.flush()
        if tail:
            await self._send({"type": "delta", "id": frame_id, "text": tail})
        return "".join(parts)
