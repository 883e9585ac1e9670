"""What Klarchat needs from a database, so that PostgreSQL can sit beside SQLite.

Only the storage layer knows SQL. The ledger's hash chain needs one thing a backend
must guarantee: `append_consent_event` reads the chain head and inserts the next row
atomically, even with several server processes on one database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Collection
from typing import Protocol

from klarchat.store.records import (
    AuditRow,
    ConsentEventRow,
    ErasureRow,
    LineRow,
    LiveSessionRow,
    MessageRow,
    MetricsRow,
    OperatorRow,
    OperatorSessionRow,
    OversightRow,
    PurgeCounts,
)

HandoffFields = tuple[str, str | None, str | None, int | None]
"""(state, operator, operator_name, waiting_since_ms) of a live session."""

GENESIS_HASH = "0" * 64
"""The `prev_hash` of the first ledger row."""

ChainHead = tuple[int, str]
"""(seq, hash) of the last row of a chain; (0, GENESIS_HASH) for an empty one."""


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

    async def audit_rows(self, conversation: str) -> list[AuditRow]: ...

    async def link_conversation(self, subject: str, conversation: str, at: str) -> None:
        """Remember that a conversation belongs to a subject (idempotent): the two are
        derived from the session token separately, and export and erasure need the way
        from one to the other without the token."""

    async def conversations_of(self, subject: str) -> list[str]: ...

    async def consent_events_of(self, subject: str) -> list[ConsentEventRow]:
        """One subject's ledger rows in seq order."""

    async def subjects_of_event(self, event_id_prefix: str) -> list[str]:
        """The subjects of the ledger rows whose event id starts with the prefix: a visitor
        who asks for their data quotes an event id, or a receipt's file name (its first
        eight characters)."""

    async def consent_texts(self, sha256s: Collection[str]) -> dict[str, str]:
        """The texts shown, by their sha256."""

    async def erase_subject(
        self, subject: str, conversations: Collection[str], at: str
    ) -> ErasureRow:
        """Atomically: delete the messages and audit rows of the subject's linked
        conversations and of `conversations`, delete the links, and append the erasure
        record. The live lines of those conversations go too, and their sealed vault is
        emptied (`b""`); the live session row (state and counts) stays, so that a chat
        still open goes on. The ledger is not touched."""

    async def erasures_of(self, subject: str) -> list[ErasureRow]: ...

    async def purge(
        self, *, messages_before: str, audit_before: str, links_before: str, dry_run: bool = False
    ) -> PurgeCounts:
        """Delete messages and audit rows older than their cutoff, and links older than
        `links_before` whose conversation has no row left; with `dry_run`, only count."""

    async def checkpoint(self) -> None:
        """Flush write-ahead state into the main file (tests read its bytes)."""

    async def count_metric(self, policy_version: str, variant: str, counter: str) -> None:
        """Add one to a consent counter (one of `METRIC_COUNTERS`)."""

    async def metrics(self) -> list[MetricsRow]:
        """Every consent counter row, by policy version and variant."""

    async def add_operator(self, row: OperatorRow) -> bool:
        """False if the name is taken."""

    async def operator(self, username: str) -> OperatorRow | None: ...

    async def set_operator_password(self, username: str, password_hash: str) -> bool: ...

    async def delete_operator(self, username: str) -> bool:
        """The account and its sessions; False if there was none."""

    async def add_operator_session(self, row: OperatorSessionRow) -> None: ...

    async def operator_session(self, token_sha256: str) -> OperatorSessionRow | None: ...

    async def touch_operator_session(self, token_sha256: str, seen_at_ms: int) -> None: ...

    async def delete_operator_sessions(
        self, *, token_sha256: str | None = None, before_ms: int | None = None
    ) -> int:
        """One session (logout) or every session last seen before a time (expiry)."""

    async def append_oversight(self, build: Callable[[ChainHead], OversightRow]) -> OversightRow:
        """Atomically, like `append_consent_event`, for the oversight chain."""

    def oversight_events(self) -> AsyncIterator[OversightRow]:
        """Every oversight row in seq order, for verification."""

    async def oversight_of(self, subject: str) -> list[OversightRow]: ...

    async def recent_oversight(self, limit: int) -> list[OversightRow]:
        """The newest rows first."""

    # -- live sessions, shared by every instance ------------------------------------------

    async def add_live_session(self, row: LiveSessionRow) -> None: ...

    async def live_session(self, conversation: str) -> LiveSessionRow | None: ...

    async def live_sessions(self, seen_since_ms: int) -> list[LiveSessionRow]:
        """Every session seen at or after the time (the operator console's list)."""

    async def touch_live_session(self, conversation: str, seen_ms: int) -> None: ...

    async def save_vault(self, conversation: str, vault: bytes, expected_version: int) -> bool:
        """Replace the sealed vault if nobody else changed it since `expected_version`
        (then its version goes up by one); False if somebody did."""

    async def set_staff_key(self, conversation: str, staff_key: bytes | None) -> None: ...

    async def set_handoff(
        self, conversation: str, fields: HandoffFields, *, from_states: Collection[str]
    ) -> bool:
        """Set the handoff state only if it is one of `from_states` now, in one statement:
        of two instances claiming at once, exactly one gets True."""

    async def append_line(self, line: LineRow, entities: dict[str, int] | None = None) -> int:
        """Atomically: number the line after the session's last one (`line.seq` is ignored),
        insert it, add `entities` to the session's counts and set its last activity.
        Returns the line's number."""

    async def lines(self, conversation: str, after_seq: int = 0) -> list[LineRow]:
        """The lines numbered above `after_seq`, in order."""

    async def forget_live_chat(self, conversation: str, empty_vault: bytes) -> None:
        """What withdrawal of `ai_chat` demands: the lines go and the vault is emptied.
        The numbering goes on, so that a client never sees a number twice."""

    async def end_live_sessions(
        self, *, seen_before_ms: int, created_before_ms: int
    ) -> list[LiveSessionRow]:
        """Delete the sessions idle since `seen_before_ms` or created before
        `created_before_ms`, with their lines; returns them (for the metrics)."""

    # -- operator presence, shared by every instance --------------------------------------

    async def set_willing(self, username: str, willing: bool) -> None: ...

    async def is_willing(self, username: str) -> bool: ...

    async def stream_seen(self, username: str, instance: str, seen_ms: int) -> None:
        """An open console stream of the operator on an instance, seen now (heartbeat)."""

    async def stream_gone(self, username: str, instance: str) -> None: ...

    async def available_operators(self, seen_since_ms: int) -> list[str]:
        """Operators who are willing and have a console stream seen since the time."""
