"""The answer to one message: gate, redact, respond, stream, keep, audit; and cancel.

The answer streams in its own task, so that the connection reads on: a `withdraw`
arriving mid-answer is read, and stops the answer, at once. The audit event is published
before the final frame, so that once the visitor sees `done` the answer is completely
finished and the next message is not `busy`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import aclosing, suppress
from typing import TYPE_CHECKING, Literal

from klarchat.adapters.base import AdapterError, ChatMessage, ChatRequest
from klarchat.conversation.purposes import AI_CHAT, TRANSCRIPT, is_active, policy_of
from klarchat.conversation.responders import Responder
from klarchat.events import (
    AnswerFinished,
    AnswerStarted,
    ConversationChanged,
    MessageRedacted,
)
from klarchat.privacy.redactor import Redaction
from klarchat.privacy.restore import StreamRestorer
from klarchat.protocol import (
    Author,
    ConsentRequired,
    Delta,
    Done,
    ErrorCode,
    Message,
    ProtocolError,
    Redacted,
    ServerFrame,
    error_frame,
)
from klarchat.ratelimit import RateLimiter
from klarchat.sessions import Line, Session
from klarchat.store.records import MessageRow

if TYPE_CHECKING:
    from klarchat.services import Services

logger = logging.getLogger("klarchat.conversation")

Send = Callable[[ServerFrame], Awaitable[None]]
Deliver = Callable[[Session, Line, ServerFrame], Awaitable[None]]
VAULT_WRITES = 3
"""Tries to redact and keep the vault when a person's message changes it meanwhile."""


class Answer:
    def __init__(
        self,
        services: Services,
        send: Send,
        responder: Callable[[], Responder],
        deliver: Deliver,
        turn: asyncio.Lock,
    ) -> None:
        self._svc = services
        self._send = send
        self._deliver = deliver
        self._turn = turn
        self._responder = responder
        self._rate = RateLimiter(services.settings.limits.messages_per_minute)
        self._task: asyncio.Task[None] | None = None
        self._id = ""
        self._by: Responder | None = None
        self._linked = False

    async def start(self, session: Session, frame: Message) -> None:
        """The gate: consent for the current wording, then one answer at a time, then the
        rate limit; a message stopped here is dropped unseen."""
        if not is_active(self._svc, session, AI_CHAT):
            await self._send(
                ConsentRequired(
                    id=frame.id,
                    purposes=[AI_CHAT],
                    policy_version=policy_of(self._svc, session).version,
                )
            )
            return
        if session.handoff.state == "closed":
            raise ProtocolError(ErrorCode.CLOSED, "This conversation has been closed.", frame.id)
        if self._task is not None and not self._task.done():
            raise ProtocolError(
                ErrorCode.BUSY, "Please wait until the current answer is finished.", frame.id
            )
        if not self._rate.allow():
            raise ProtocolError(
                ErrorCode.RATE_LIMITED, "Too many messages; please wait a moment.", frame.id
            )
        await self._link(session)
        self._id, self._by = frame.id, self._responder()
        self._task = asyncio.create_task(self._respond(session, frame, self._by))

    async def cancel(self, *, notify: bool) -> None:
        task = self._task
        if task is None or task.done():
            return
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        if notify and self._by is not None:
            await self._send(self._done(self._id, self._by.author, "cancelled"))

    def unlink(self) -> None:
        """After an erasure the link is gone; the next stored row writes it again."""
        self._linked = False

    async def _link(self, session: Session) -> None:
        """Before this connection's first stored row: the conversation id cannot be
        computed from the subject, and export and erasure by subject need the way."""
        if not self._linked:
            await self._svc.store.link_conversation(
                session.subject, session.conversation_id, self._svc.clock.now_ms()
            )
            self._linked = True

    @staticmethod
    def _done(
        frame_id: str,
        author: Author,
        outcome: Literal["complete", "cancelled", "handoff"],
        seq: int | None = None,
    ) -> Done:
        """`ai` is derived from who wrote it, so the two can never disagree."""
        return Done(id=frame_id, ai=author.kind == "ai", author=author, outcome=outcome, seq=seq)

    def _to_person(self, session: Session, frame_id: str) -> Done:
        """A message that goes to a person (waiting or answering), not to the AI."""
        handoff = session.handoff
        name = handoff.operator_name or self._svc.settings.handoff.team.get(session.lang, "")
        return self._done(frame_id, Author(kind="person", name=name), "handoff")

    async def _respond(self, session: Session, frame: Message, responder: Responder) -> None:
        svc = self._svc
        started = svc.clock.now_ms()
        entities: dict[str, int] = {}

        failure: dict[str, str | int | None] = {}

        async def finished(outcome: str, error_code: str = "") -> None:
            await svc.events.publish(
                AnswerFinished(
                    session.conversation_id,
                    message_id=frame.id,
                    responder=responder.name,
                    model=responder.model,
                    started_at=started,
                    finished_at=svc.clock.now_ms(),
                    entities=entities,
                    outcome=outcome,
                    error_code=error_code,
                    **failure,  # type: ignore[arg-type]
                )
            )

        final: ServerFrame
        line: Line | None = None
        try:
            began = svc.clock.monotonic()
            redaction = await self._redact(session, frame.text)
            entities = {**redaction.entities, **redaction.category_counts}
            categories = [finding.as_frame() for finding in redaction.categories]
            await svc.events.publish(
                MessageRedacted(
                    session.conversation_id,
                    frame.id,
                    entities,
                    redaction.blocked,
                    seconds=svc.clock.monotonic() - began,
                )
            )
            if redaction.blocked:
                await finished("blocked")
                await self._send(
                    error_frame(
                        ErrorCode.SPECIAL_CATEGORY,
                        svc.settings.privacy.block_notice[session.lang],
                        frame.id,
                        categories=categories,
                    )
                )
                return
            visitor = await self._keep(session, "visitor", redaction.text, redaction.entities)
            await svc.events.publish(ConversationChanged(session.conversation_id, seq=visitor.seq))
            await self._deliver(
                session,
                visitor,
                Redacted.model_validate(
                    {
                        "id": frame.id,
                        "entities": redaction.entities,
                        "categories": categories,
                        "seq": visitor.seq,
                    }
                ),
            )
            desk, with_ai = svc.handoffs, session.handoff.state == "ai"
            asks = with_ai and desk.asks_for_person(frame.text)
            sensitive = (
                with_ai
                and not asks
                and desk.is_sensitive(frame.text, [c.category for c in redaction.categories])
            )
            if asks or sensitive or not with_ai:
                await finished("sensitive" if sensitive else "handoff")
                await self._send(self._to_person(session, frame.id))
                if asks or sensitive:
                    async with self._turn:
                        await desk.request(session, sensitive=sensitive)
                return
            await svc.events.publish(
                AnswerStarted(session.conversation_id, frame.id, responder.name)
            )
            answer = await self._stream(session, frame.id, responder)
            line = await self._keep(session, "ai", answer)
            final, outcome, error_code = (
                self._done(frame.id, responder.author, "complete", line.seq),
                "complete",
                "",
            )
        except asyncio.CancelledError:
            await finished("cancelled")
            raise
        except AdapterError as exc:
            failure = {"failure": exc.cause or type(exc).__name__, "status": exc.status}
            final = error_frame(ErrorCode(exc.code), exc.message, frame.id)
            outcome, error_code = "error", exc.code
        except Exception as exc:  # one failed answer must not end the chat
            logger.error("answer failed with %s", type(exc).__name__)
            final = error_frame(
                ErrorCode.INTERNAL_ERROR, "Something went wrong; please try again.", frame.id
            )
            outcome, error_code = "error", ErrorCode.INTERNAL_ERROR.value
        await finished(outcome, error_code)
        if line is None:
            await self._send(final)
            return
        await svc.events.publish(ConversationChanged(session.conversation_id, seq=line.seq))
        await self._deliver(session, line, final)

    async def _redact(self, session: Session, text: str) -> Redaction:
        """Redact with the conversation's vault and keep the vault; when a person's message
        on another instance changed it meanwhile, read it again and redo, so that no
        placeholder is ever given to two values."""
        sessions = self._svc.sessions
        for _ in range(VAULT_WRITES):
            redaction = await self._svc.redactor.redact(text, session.lang, session.vault)
            if not redaction.entities or await sessions.save_vault(session):
                return redaction
            await sessions.reload(session)
        raise RuntimeError("the vault kept changing while this message was redacted")

    async def _keep(
        self,
        session: Session,
        role: Literal["visitor", "ai"],
        redacted_text: str,
        entities: dict[str, int] | None = None,
    ) -> Line:
        """A numbered line in the database (sealed: for the responder, for staff with
        consent, for a resume on any instance); a readable row only with `transcript`."""
        svc = self._svc
        author = "" if role == "visitor" else self._responder().author.name
        line = await svc.sessions.add_line(session, role, author, redacted_text, entities)
        if is_active(svc, session, TRANSCRIPT):
            await svc.store.add_message(
                MessageRow(
                    session.conversation_id,
                    "user" if role == "visitor" else "assistant",
                    redacted_text,
                    line.at,
                )
            )
        return line

    async def _stream(self, session: Session, frame_id: str, responder: Responder) -> str:
        """Forward deltas with the visitor's own values restored; return the redacted answer.

        `aclosing` closes the responder's stream even when cancellation strikes while a
        delta is being sent, so a withdrawal never leaves the provider generating.
        """
        svc = self._svc
        request = ChatRequest(
            messages=(
                ChatMessage("system", svc.settings.assistant.system_prompt[session.lang]),
                *session.history[-svc.settings.limits.max_history_messages :],
            ),
            language=session.lang,
            conversation_id=session.conversation_id,
        )
        restorer = StreamRestorer(session.vault)
        parts: list[str] = []
        async with aclosing(responder.stream(request)) as deltas:
            async for delta in deltas:
                parts.append(delta)
                shown = restorer.feed(delta)
                if shown:
                    await self._send(Delta(id=frame_id, text=shown))
        tail = restorer.flush()
        if tail:
            await self._send(Delta(id=frame_id, text=tail))
        return "".join(parts)
