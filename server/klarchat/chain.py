"""Hash chains: the consent ledger and the oversight log prove their rows the same way.

`hash = sha256(prev_hash + canonical JSON of the row)`, where the row includes its own
`seq`: editing a row breaks its hash, deleting one breaks the next row's link, and
reordering breaks both.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from klarchat.store.base import GENESIS_HASH


class Chained(Protocol):
    @property
    def seq(self) -> int: ...

    @property
    def prev_hash(self) -> str: ...

    @property
    def hash(self) -> str: ...


def canonical_json(fields: Mapping[str, Any]) -> bytes:
    """One byte form for hashing and signing: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def link_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("utf-8") + canonical_json(fields)).hexdigest()


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    checked: int
    bad_seq: int | None = None
    reason: str = ""


Row = TypeVar("Row", bound=Chained)


async def verify_chain(rows: AsyncIterator[Row], row_hash: Callable[[Row], str]) -> Verification:
    """Walk the chain from the start; report the first seq where it does not hold."""
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    async for row in rows:
        if row.seq != expected_seq:
            return Verification(False, checked, expected_seq, f"row {expected_seq} is missing")
        if row.prev_hash != prev_hash:
            return Verification(
                False, checked, row.seq, "prev_hash does not link to the row before"
            )
        if row_hash(row) != row.hash:
            return Verification(False, checked, row.seq, "hash does not match the row's content")
        expected_seq, prev_hash, checked = row.seq + 1, row.hash, checked + 1
    return Verification(True, checked)
