"""One chat websocket: the read loop, the dispatch of client frames, and the one way out.

The reader never waits for an answer (it streams in its own task, see `answer`), so a
`withdraw` frame is read, and takes effect, while an answer is still streaming. Every
frame is handled completely (ledger committed, side effects done) before the next one
is read. From its `hello` until it closes, the connection is listed in the registry of
live conversations.

What another instance (or the console) changed reaches the connection as a notice: it
re-reads the conversation, stops an AI answer a person has taken over, and sends its
visitor what is new, lines in the order of their numbers (`catch_up`), so that a client
that keeps the highest number it saw can resume with exactly what it missed.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import TYPE_CHECKING

from starlette.websockets import WebSocket, WebSocketDisconnect

from klarchat import protocol
from klarchat.bus.base import Notice
from klarchat.conversation.answer import Answer
from klarchat.conversation.consent_flow import ConsentFlow
from klarchat.conversation.purposes import AI_CHAT, is_active
from klarchat.conversation.responders import Responder
from klarchat.conversation.rights_requests import RightsRequests
from klarchat.protocol import (
    Author,
    ConsentChoice,
    Erase,
    ErrorCode,
    Export,
    HandoffRequest,
    Hello,
    Message,
    PersonMessage,
    Ping,
    Pong,
    ProtocolError,
    ServerFrame,
    Withdraw,
)
from klarchat.sessions import Line, Session, SessionExpired

if TYPE_CHECKING:
    from klarchat.services import Services


class Connection:
    def __init__(self, websocket: WebSocket, services: Services, origin: str) -> None:
        self._ws = websocket
        self._svc = services
        self._send_lock = asyncio.Lock()
        self._catch_up_lock = asyncio.Lock()
        self._turn = asyncio.Lock()
        """Held while a frame or a notice changes the session copy, so that a notice never
        takes this connection's own change for another instance's."""
        self.session: Session | None = None
        self.responder: Responder = services.responder
        """The AI that answers while no person has taken the conversation over."""
        self._answer = Answer(services, self.send, lambda: self.responder, self.deliver, self._turn)
        self._consent = ConsentFlow(
            services, origin, self.send, lambda: self._answer.cancel(notify=True)
        )
        self._rights = RightsRequests(services, self.send, self._answer)

    @property
    def conversation_id(self) -> str:
        return self.session.conversation_id if self.session else ""

    async def stop_answer(self) -> None:
        await self._answer.cancel(notify=True)

    async def notice(self, notice: Notice) -> None:
        session = self.session
        if session is None:
            return
        if notice.kind == "line" and any(line.seq == notice.seq for line in session.lines[-4:]):
            return  # a line this connection wrote itself
        try:
            async with self._turn:
                await self._on_notice(session)
        except WebSocketDisconnect:
            pass  # the visitor left while the notice was handled

    async def _on_notice(self, session: Session) -> None:
        before = (session.handoff.state, session.handoff.operator)
        try:
            await self._svc.sessions.reload(session)
        except SessionExpired:
            return
        chatting = is_active(self._svc, session, AI_CHAT)
        if not chatting:  # withdrawn elsewhere: the lines are gone from the database too
            await self.stop_answer()
            session.lines.clear()
        handoff = session.handoff
        if (handoff.state, handoff.operator) != before:
            if handoff.state in ("human", "closed"):
                await self.stop_answer()
            released = before[0] == "human" and handoff.state == "ai"
            frame = await self._svc.handoffs.frame(session, "released" if released else None)
            await self.send(frame)
        await self.catch_up(session)

    async def catch_up(self, session: Session) -> None:
        async with self._catch_up_lock:
            await self._catch_up(session, None)

    async def deliver(self, session: Session, line: Line, frame: ServerFrame) -> None:
        """Send the frame of a line this connection wrote, after every line numbered
        before it: the visitor's client never sees a number before a smaller one."""
        async with self._catch_up_lock:
            if line.seq != session.last_seq + 1:  # numbered elsewhere in between
                await self._catch_up(session, line.seq)
            await self.send(frame)
            session.last_seq = max(session.last_seq, line.seq)

    async def _catch_up(self, session: Session, before: int | None) -> None:
        """Send the lines this copy has not seen yet (below `before`), in order: a
        person's message as a `person_message`; the visitor's and the AI's, written by
        another connection of the same conversation, are only taken into the history."""
        known = {line.seq for line in session.lines}
        for line in await self._svc.sessions.lines_after(session, session.last_seq):
            if before is not None and line.seq >= before:
                break
            if line.seq not in known:
                session.lines.append(line)
                if line.role == "person":
                    await self.send(self._person_frame(session, line))
            session.last_seq = line.seq
        if before is not None:
            session.last_seq = max(session.last_seq, before - 1)

    @staticmethod
    def _person_frame(session: Session, line: Line) -> PersonMessage:
        return PersonMessage(
            id=f"p-{uuid.uuid4().hex[:12]}",
            text=session.vault.restore(line.text),
            author=Author(kind="person", name=line.author),
            at=line.at,
            seq=line.seq,
        )

    async def send(self, frame: ServerFrame) -> None:
        async with self._send_lock:
            await self._ws.send_text(protocol.encode(frame))

    async def run(self) -> None:
        limits = self._svc.settings.limits
        try:
            while True:
                raw = await self._receive()
                try:
                    frame = protocol.parse(
                        raw,
                        max_frame_bytes=limits.max_frame_bytes,
                        max_message_chars=limits.max_message_chars,
                    )
                    async with self._turn:
                        await self._dispatch(frame)
                except ProtocolError as exc:
                    await self.send(protocol.error_frame(exc.code, exc.message, exc.frame_id))
        except WebSocketDisconnect:
            pass
        finally:
            await self._answer.cancel(notify=False)
            if self.session is not None:
                self._svc.live.remove(self)

    async def _receive(self) -> str | bytes | None:
        message = await self._ws.receive()
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        return message.get("text") if message.get("text") is not None else message.get("bytes")

    async def _dispatch(self, frame: protocol.ClientFrame) -> None:
        if isinstance(frame, Ping):
            await self.send(Pong(id=frame.id))
            if self.session is not None:
                await self._svc.sessions.touch(self.session)
            return
        if isinstance(frame, Hello):
            if self.session is not None:
                raise ProtocolError(
                    ErrorCode.DUPLICATE_HELLO, "This connection has already said hello."
                )
            self.session = await self._consent.hello(frame)
            self._svc.live.add(self)
            return
        session = self.session
        if session is None:
            raise ProtocolError(ErrorCode.HELLO_REQUIRED, "Send a 'hello' frame first.")
        await self._svc.sessions.touch(session)
        expired = await self._consent.expire(session)
        if expired:
            await self._consent.confirm(session, expired)
        if isinstance(frame, ConsentChoice):
            await self._consent.decide(session, frame)
        elif isinstance(frame, Withdraw):
            await self._consent.withdraw(session, frame)
        elif isinstance(frame, Message):
            await self._answer.start(session, frame)
        elif isinstance(frame, Export):
            await self._rights.export(session)
        elif isinstance(frame, Erase):
            await self._rights.erase(session)
        elif isinstance(frame, HandoffRequest):
            if frame.action == "cancel":
                await self._svc.handoffs.cancel(session)
            else:
                await self._svc.handoffs.request(session)
