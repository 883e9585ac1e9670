"""The audit log (GDPR Art. 5(2), 30): one row per answer, written from `AnswerFinished`.

Which responder and model answered, when, how many values of each type were redacted,
and how it ended; never the text.
"""

from __future__ import annotations

from klarchat.events import AnswerFinished, Event
from klarchat.store.base import Store
from klarchat.store.records import AuditRow


class AuditLog:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def __call__(self, event: Event) -> None:
        if isinstance(event, AnswerFinished):
            await self._store.add_audit(
                AuditRow(
                    conversation=event.conversation,
                    message_id=event.message_id,
                    adapter=event.responder,
                    model=event.model,
                    started_at=event.started_at,
                    finished_at=event.finished_at,
                    entities=dict(event.entities),
                    outcome=event.outcome,
                    error_code=event.error_code,
                )
            )
