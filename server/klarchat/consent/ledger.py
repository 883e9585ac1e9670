"""The append-only, hash-chained record of every consent decision.

`hash = sha256(prev_hash + canonical JSON of the event)`, where the event includes its
own `seq`: editing a row breaks its hash, deleting one breaks the next row's link, and
reordering breaks both. A consent is acknowledged to the visitor only after `record`
returns, i.e. after the row is committed.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from klarchat.clock import Clock
from klarchat.consent.policy import ShownText
from klarchat.consent.state import Action
from klarchat.store.base import GENESIS_HASH, ChainHead, Store
from klarchat.store.records import ConsentEventRow


def event_hash(row: ConsentEventRow) -> str:
    """A row without a variant hashes exactly as before the column existed."""
    fields = asdict(row)
    del fields["hash"]
    prev_hash = fields.pop("prev_hash")
    if fields["variant"] is None:
        del fields["variant"]
    return hashlib.sha256(prev_hash.encode("utf-8") + canonical_json(fields)).hexdigest()


def canonical_json(fields: Mapping[str, Any]) -> bytes:
    """One byte form for hashing and signing: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    checked: int
    bad_seq: int | None = None
    reason: str = ""


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
        at = self._clock.now_ms()
        await self._store.save_consent_text(
            shown.sha256, shown.purpose, shown.lang, policy_version, shown.text, at
        )

        def build(head: ChainHead) -> ConsentEventRow:
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
                at=at,
                prev_hash=prev_hash,
                hash="",
                variant=variant,
            )
            return replace(unsigned, hash=event_hash(unsigned))

        return await self._store.append_consent_event(build)

    async def verify(self) -> Verification:
        """Walk the chain from the start; report the first seq where it does not hold."""
        expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
        async for row in self._store.consent_events():
            if row.seq != expected_seq:
                return Verification(False, checked, expected_seq, f"row {expected_seq} is missing")
            if row.prev_hash != prev_hash:
                return Verification(
                    False, checked, row.seq, "prev_hash does not link to the row before"
                )
            if event_hash(row) != row.hash:
                return Verification(
                    False, checked, row.seq, "hash does not match the row's content"
                )
            expected_seq, prev_hash, checked = row.seq + 1, row.hash, checked + 1
        return Verification(True, checked)
