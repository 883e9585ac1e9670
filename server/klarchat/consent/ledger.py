"""The append-only, hash-chained record of every consent decision (see `chain.py`).

A consent is acknowledged to the visitor only after `record` returns, i.e. after the row
is committed.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace

from klarchat.chain import Verification, link_hash, verify_chain
from klarchat.clock import Clock
from klarchat.consent.policy import ShownText
from klarchat.consent.state import Action
from klarchat.store.base import ChainHead, Store
from klarchat.store.records import ConsentEventRow


def event_hash(row: ConsentEventRow) -> str:
    """A row without a variant hashes exactly as before the column existed."""
    fields = asdict(row)
    del fields["hash"]
    prev_hash = fields.pop("prev_hash")
    if fields["variant"] is None:
        del fields["variant"]
    return link_hash(prev_hash, fields)


class Ledger:
    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock = clock or Clock()

    async def record(
        self,
        *,
        subject: str,
        action: Action,
        shown: ShownText,
        policy_version: str,
        origin: str,
        variant: str | None = None,
    ) -> ConsentEventRow:
        await self._store.save_consent_text(
            shown.sha256,
            shown.purpose,
            shown.lang,
            policy_version,
            shown.text,
            self._clock.now_ms(),
        )

        def build(head: ChainHead) -> ConsentEventRow:
            """Called by the store with the chain head locked: the time is taken here, so
            that the chain's order is also the order of its timestamps across instances."""
            seq, prev_hash = head
            unsigned = ConsentEventRow(
                seq=seq + 1,
                event_id=str(uuid.uuid4()),
                subject=subject,
                purpose=shown.purpose,
                action=action.value,
                policy_version=policy_version,
                text_sha256=shown.sha256,
                lang=shown.lang,
                origin=origin,
                at=self._clock.now_ms(),
                prev_hash=prev_hash,
                hash="",
                variant=variant,
            )
            return replace(unsigned, hash=event_hash(unsigned))

        return await self._store.append_consent_event(build)

    async def verify(self) -> Verification:
        return await verify_chain(self._store.consent_events(), event_hash)
