"""The oversight log: every look at, and every action on, a conversation by staff.

Human oversight is only trustworthy when the overseers are overseen: who opened which
conversation when, who revealed which kind of value and why, who took over, answered,
handed back or closed. Rows are hash-chained like the consent ledger (see `chain.py`) and
append-only; they hold no message text and never a revealed value. `klarchat export`
lists a visitor's rows (GDPR Art. 15(1)(c): the recipients of their data).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from typing import Literal

from klarchat.chain import Verification, link_hash, verify_chain
from klarchat.clock import Clock
from klarchat.store.base import ChainHead, Store
from klarchat.store.records import OversightRow

OversightAction = Literal["view", "reveal", "claim", "release", "close", "message"]


def oversight_hash(row: OversightRow) -> str:
    fields = asdict(row)
    del fields["hash"]
    return link_hash(fields.pop("prev_hash"), fields)


class OversightLog:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    async def record(
        self,
        *,
        operator: str,
        operator_name: str,
        action: OversightAction,
        conversation: str,
        subject: str,
        entity_type: str = "",
        reason: str = "",
    ) -> OversightRow:
        def build(head: ChainHead) -> OversightRow:
            """Called with the chain head locked, like the ledger's: the time is taken here."""
            seq, prev_hash = head
            unsigned = OversightRow(
                seq=seq + 1,
                event_id=str(uuid.uuid4()),
                at=self._clock.now_ms(),
                operator=operator,
                operator_name=operator_name,
                action=action,
                conversation=conversation,
                subject=subject,
                entity_type=entity_type,
                reason=reason,
                prev_hash=prev_hash,
                hash="",
            )
            return replace(unsigned, hash=oversight_hash(unsigned))

        return await self._store.append_oversight(build)

    async def verify(self) -> Verification:
        return await verify_chain(self._store.oversight_events(), oversight_hash)

    async def rows(self, limit: int = 200) -> list[OversightRow]:
        """The newest first."""
        return await self._store.recent_oversight(limit)
