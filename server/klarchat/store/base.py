"""What Klarchat needs from a database, so that PostgreSQL can sit beside SQLite.

Only the storage layer knows SQL. The ledger's hash chain needs one thing a backend
must guarantee: `append_consent_event` reads the chain head and inserts the next row
atomically, even with several server processes on one database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Protocol

from klarchat.store.records import AuditRow, ConsentEventRow, MessageRow

GENESIS_HASH = "0" * 64
"""The `prev_hash` of the first ledger row."""

ChainHead = tuple[int, str]
"""(seq, hash) of the last ledger row; (0, GENESIS_HASH) for an empty ledger."""


class Store(Protocol):
    async def open(self) -> None:
        """Connect and bring the schema up to date (migrations)."""

    async def close(self) -> None: ...

    async def save_consent_text(
        self, sha256: str, purpose: str, lang: str, policy_version: str, text: str, at: str
    ) -> None:
        """Keep the exact text shown, once per hash, so that proof shows what was read."""

    async def append_consent_event(
        self, build: Callable[[ChainHead], ConsentEventRow]
    ) -> ConsentEventRow:
        """Atomically: read the chain head, build the next row from it, insert, commit."""

    def consent_events(self) -> AsyncIterator[ConsentEventRow]:
        """Every ledger row in seq order, for verification."""

    async def latest_consent(self, subject: str) -> dict[str, ConsentEventRow]:
        """The newest event per purpose of one subject."""

    async def add_message(self, row: MessageRow) -> None: ...

    async def messages(self, conversation: str) -> list[MessageRow]: ...

    async def delete_messages(self, conversation: str) -> int: ...

    async def add_audit(self, row: AuditRow) -> None: ...

    async def checkpoint(self) -> None:
        """Flush write-ahead state into the main file (tests read its bytes)."""
