"""A visitor's own export and erasure requests (GDPR Art. 15, 17, 20) over the websocket."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from klarchat import rights
from klarchat.conversation.answer import Answer
from klarchat.events import Erased as ErasedEvent
from klarchat.protocol import Erased, ExportData, ServerFrame
from klarchat.sessions import Session

if TYPE_CHECKING:
    from klarchat.services import Services


class RightsRequests:
    def __init__(
        self, services: Services, send: Callable[[ServerFrame], Awaitable[None]], answer: Answer
    ) -> None:
        self._svc = services
        self._send = send
        self._answer = answer

    async def export(self, session: Session) -> None:
        data = await rights.export(
            self._svc.store, self._svc.clock, session.subject, [session.conversation_id]
        )
        await self._send(ExportData(data=data))

    async def erase(self, session: Session) -> None:
        """Stop first, then delete: no answer still running may write a row afterwards."""
        await self._answer.cancel(notify=True)
        erasure = await rights.erase(
            self._svc.store, self._svc.clock, session.subject, [session.conversation_id]
        )
        await self._svc.sessions.reload(session)
        session.lines.clear()
        self._answer.unlink()
        deleted = {"messages": erasure.messages, "audit": erasure.audit, "links": erasure.links}
        await self._svc.events.publish(ErasedEvent(session.conversation_id, erasure.at, deleted))
        await self._send(Erased.model_validate({"at": erasure.at, "deleted": deleted}))
