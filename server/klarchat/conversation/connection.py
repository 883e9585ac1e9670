"""One chat websocket: the read loop, the dispatch of client frames, and the one way out.

The reader never waits for an answer (it streams in its own task, see `answer`), so a
`withdraw` frame is read, and takes effect, while an answer is still streaming. Every
frame is handled completely (ledger committed, side effects done) before the next one
is read. From its `hello` until it closes, the connection is listed in the registry of
live conversations.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from starlette.websockets import WebSocket, WebSocketDisconnect

from klarchat import protocol
from klarchat.conversation.answer import Answer
from klarchat.conversation.consent_flow import ConsentFlow
from klarchat.conversation.responders import Responder
from klarchat.conversation.rights_requests import RightsRequests
from klarchat.protocol import (
    ConsentChoice,
    Erase,
    ErrorCode,
    Export,
    HandoffRequest,
    Hello,
    Message,
    Ping,
    Pong,
    ProtocolError,
    ServerFrame,
    Withdraw,
)
from klarchat.sessions import Session

if TYPE_CHECKING:
    from klarchat.services import Services


class Connection:
    def __init__(self, websocket: WebSocket, services: Services, origin: str) -> None:
        self._ws = websocket
        self._svc = services
        self._send_lock = asyncio.Lock()
        self.session: Session | None = None
        self.responder: Responder = services.responder
        """The AI that answers while no person has taken the conversation over."""
        self._answer = Answer(services, self.send, lambda: self.responder)
        self._consent = ConsentFlow(
            services, origin, self.send, lambda: self._answer.cancel(notify=True)
        )
        self._rights = RightsRequests(services, self.send, self._answer)

    @property
    def conversation_id(self) -> str:
        return self.session.conversation_id if self.session else ""

    async def stop_answer(self) -> None:
        await self._answer.cancel(notify=True)

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
        self._svc.sessions.touch(session)
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
