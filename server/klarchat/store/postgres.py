"""The shared store: one PostgreSQL database for every instance of a site, through asyncpg.

Each method means what `SqliteStore`'s does; where SQLite relies on its single writer,
PostgreSQL gets the same guarantee from a lock: the hash chains from an advisory lock
per chain (see `postgres_locks.py`), numbered lines and compare-and-set from the row lock
an UPDATE takes. Transactions run at READ COMMITTED, so a statement after a lock sees
what the previous holder committed.

Columns are listed in the field order of the records they fill (`records.py`).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Collection
from contextlib import asynccontextmanager
from dataclasses import astuple, fields, replace
from typing import TypeVar

import asyncpg

from klarchat.store.base import GENESIS_HASH, ChainHead, HandoffFields
from klarchat.store.postgres_locks import Lock, keys
from klarchat.store.postgres_migrations import migrate
from klarchat.store.records import (
    METRIC_COUNTERS,
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

Row = TypeVar("Row", ConsentEventRow, OversightRow)

CHAIN_PAGE = 1000
"""Rows read per query when walking a chain: memory stays flat for a ledger of millions."""


def columns(record: type) -> str:
    return ", ".join(field.name for field in fields(record))


def placeholders(count: int) -> str:
    return ", ".join(f"${i}" for i in range(1, count + 1))


def rowcount(status: str) -> int:
    """The number at the end of a command tag ('DELETE 3', 'INSERT 0 1')."""
    return int(status.rsplit(" ", 1)[1])


_EVENT_COLUMNS = columns(ConsentEventRow)
_OVERSIGHT_COLUMNS = columns(OversightRow)
_AUDIT_COLUMNS = columns(AuditRow)
_SESSION_COLUMNS = columns(OperatorSessionRow)
_OPERATOR_COLUMNS = columns(OperatorRow)
_LIVE_COLUMNS = columns(LiveSessionRow)
_LINE_COLUMNS = columns(LineRow)


async def init_connection(conn: asyncpg.Connection) -> None:
    """jsonb to and from Python objects, as SQLite's JSON text is read."""
    await conn.set_type_codec(
        "jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog", format="text"
    )


async def _purge(
    conn: asyncpg.Connection, messages_before: str, audit_before: str, links_before: str
) -> PurgeCounts:
    messages = await conn.execute("DELETE FROM messages WHERE at < $1", messages_before)
    audit = await conn.execute("DELETE FROM audit WHERE finished_at < $1", audit_before)
    links = await conn.execute(
        "DELETE FROM subject_conversations AS s WHERE linked_at < $1"
        " AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation = s.conversation)"
        " AND NOT EXISTS (SELECT 1 FROM audit WHERE conversation = s.conversation)",
        links_before,
    )
    return PurgeCounts(rowcount(messages), rowcount(audit), rowcount(links))


class PostgresStore:
    def __init__(self, dsn: str, *, min_connections: int = 1, max_connections: int = 10) -> None:
        """A few connections suffice: every statement is short, and a chain append holds
        its connection only for one round of lock, read and insert."""
        self._dsn = dsn
        self._min = min_connections
        self._max = max_connections
        self._pool: asyncpg.Pool | None = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("the store is not open")
        return self._pool

    async def open(self) -> None:
        pool = await asyncpg.create_pool(
            self._dsn,
            min_size=self._min,
            max_size=self._max,
            init=init_connection,
            server_settings={"application_name": "klarchat"},
        )
        try:
            async with pool.acquire() as conn:
                await migrate(conn)
        except BaseException:
            await pool.close()
            raise
        self._pool = pool

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[asyncpg.Connection]:
        async with self.pool.acquire() as conn, conn.transaction():
            yield conn

    async def save_consent_text(
        self, sha256: str, purpose: str, lang: str, policy_version: str, text: str, at: str
    ) -> None:
        await self.pool.execute(
            "INSERT INTO consent_texts (sha256, purpose, lang, policy_version, text,"
            " first_shown_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            sha256,
            purpose,
            lang,
            policy_version,
            text,
            at,
        )

    async def append_consent_event(
        self, build: Callable[[ChainHead], ConsentEventRow]
    ) -> ConsentEventRow:
        return await self._append_chained(
            "consent_events", _EVENT_COLUMNS, Lock.CONSENT_LEDGER, build
        )

    async def append_oversight(self, build: Callable[[ChainHead], OversightRow]) -> OversightRow:
        return await self._append_chained(
            "oversight_events", _OVERSIGHT_COLUMNS, Lock.OVERSIGHT_LOG, build
        )

    async def _append_chained(
        self, table: str, names: str, lock: Lock, build: Callable[[ChainHead], Row]
    ) -> Row:
        """The advisory lock serialises appenders of every instance until commit; the
        unique `prev_hash` would refuse a fork even from a writer that skipped it."""
        async with self._transaction() as conn:
            await conn.execute("SELECT pg_advisory_xact_lock($1, $2)", *keys(lock))
            last = await conn.fetchrow(f"SELECT seq, hash FROM {table} ORDER BY seq DESC LIMIT 1")
            row = build((last["seq"], last["hash"]) if last else (0, GENESIS_HASH))
            values = astuple(row)  # type: ignore[call-overload]
            await conn.execute(
                f"INSERT INTO {table} ({names}) VALUES ({placeholders(len(values))})", *values
            )
        return row

    async def _walk(self, table: str, names: str) -> AsyncIterator[asyncpg.Record]:
        """Page by seq, holding no connection between pages: appends commit in seq order
        (under the chain's lock), so each page continues the one before without a gap."""
        after = 0
        while True:
            page = await self.pool.fetch(
                f"SELECT {names} FROM {table} WHERE seq > $1 ORDER BY seq LIMIT $2",
                after,
                CHAIN_PAGE,
            )
            for record in page:
                yield record
            if len(page) < CHAIN_PAGE:
                return
            after = page[-1]["seq"]

    async def consent_events(self) -> AsyncIterator[ConsentEventRow]:
        async for record in self._walk("consent_events", _EVENT_COLUMNS):
            yield ConsentEventRow(*record)

    async def latest_consent(self, subject: str) -> dict[str, ConsentEventRow]:
        records = await self.pool.fetch(
            f"SELECT {_EVENT_COLUMNS} FROM consent_events WHERE seq IN"
            " (SELECT MAX(seq) FROM consent_events WHERE subject = $1 GROUP BY purpose)",
            subject,
        )
        return {row.purpose: row for row in (ConsentEventRow(*r) for r in records)}

    async def add_message(self, row: MessageRow) -> None:
        await self.pool.execute(
            "INSERT INTO messages (conversation, role, text, at, author)"
            " VALUES ($1, $2, $3, $4, $5)",
            *astuple(row),
        )

    async def messages(self, conversation: str) -> list[MessageRow]:
        records = await self.pool.fetch(
            "SELECT conversation, role, text, at, author FROM messages WHERE conversation = $1"
            " ORDER BY id",
            conversation,
        )
        return [MessageRow(*r) for r in records]

    async def delete_messages(self, conversation: str) -> int:
        return rowcount(
            await self.pool.execute("DELETE FROM messages WHERE conversation = $1", conversation)
        )

    async def add_audit(self, row: AuditRow) -> None:
        values = astuple(row)
        await self.pool.execute(
            f"INSERT INTO audit ({_AUDIT_COLUMNS}) VALUES ({placeholders(len(values))})", *values
        )

    async def audit_rows(self, conversation: str) -> list[AuditRow]:
        records = await self.pool.fetch(
            f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE conversation = $1 ORDER BY id",
            conversation,
        )
        return [AuditRow(*r) for r in records]

    async def link_conversation(self, subject: str, conversation: str, at: str) -> None:
        await self.pool.execute(
            "INSERT INTO subject_conversations (subject, conversation, linked_at)"
            " VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            subject,
            conversation,
            at,
        )

    async def conversations_of(self, subject: str) -> list[str]:
        records = await self.pool.fetch(
            "SELECT conversation FROM subject_conversations WHERE subject = $1"
            ' ORDER BY linked_at, conversation COLLATE "C"',
            subject,
        )
        return [conversation for (conversation,) in records]

    async def consent_events_of(self, subject: str) -> list[ConsentEventRow]:
        records = await self.pool.fetch(
            f"SELECT {_EVENT_COLUMNS} FROM consent_events WHERE subject = $1 ORDER BY seq",
            subject,
        )
        return [ConsentEventRow(*r) for r in records]

    async def subjects_of_event(self, event_id_prefix: str) -> list[str]:
        records = await self.pool.fetch(
            'SELECT DISTINCT subject COLLATE "C" AS subject FROM consent_events'
            " WHERE starts_with(event_id, $1) ORDER BY 1",
            event_id_prefix,
        )
        return [subject for (subject,) in records]

    async def consent_texts(self, sha256s: Collection[str]) -> dict[str, str]:
        wanted = sorted(set(sha256s))
        if not wanted:
            return {}
        records = await self.pool.fetch(
            "SELECT sha256, text FROM consent_texts WHERE sha256 = ANY($1::text[])", wanted
        )
        return {sha256: text for sha256, text in records}

    async def erase_subject(
        self, subject: str, conversations: Collection[str], at: str
    ) -> ErasureRow:
        async with self._transaction() as conn:
            linked = await conn.fetch(
                "SELECT conversation FROM subject_conversations WHERE subject = $1", subject
            )
            every = sorted({*(c for (c,) in linked), *conversations})
            await conn.execute("DELETE FROM live_lines WHERE conversation = ANY($1)", every)
            await conn.execute(
                "UPDATE live_sessions SET vault = ''::bytea, vault_version = vault_version + 1"
                " WHERE conversation = ANY($1)",
                every,
            )
            messages = rowcount(
                await conn.execute("DELETE FROM messages WHERE conversation = ANY($1)", every)
            )
            audit = rowcount(
                await conn.execute("DELETE FROM audit WHERE conversation = ANY($1)", every)
            )
            links = rowcount(
                await conn.execute("DELETE FROM subject_conversations WHERE subject = $1", subject)
            )
            row = ErasureRow(subject, at, messages, audit, links)
            await conn.execute(
                "INSERT INTO erasures (subject, at, messages, audit, links)"
                " VALUES ($1, $2, $3, $4, $5)",
                *astuple(row),
            )
        return row

    async def erasures_of(self, subject: str) -> list[ErasureRow]:
        records = await self.pool.fetch(
            "SELECT subject, at, messages, audit, links FROM erasures WHERE subject = $1"
            " ORDER BY id",
            subject,
        )
        return [ErasureRow(*r) for r in records]

    async def purge(
        self, *, messages_before: str, audit_before: str, links_before: str, dry_run: bool = False
    ) -> PurgeCounts:
        async with self.pool.acquire() as conn:
            transaction = conn.transaction()
            await transaction.start()
            try:
                counts = await _purge(conn, messages_before, audit_before, links_before)
            except BaseException:
                await transaction.rollback()
                raise
            await (transaction.rollback() if dry_run else transaction.commit())
        return counts

    async def checkpoint(self) -> None:
        """Nothing to do: a committed transaction is in PostgreSQL's write-ahead log, and
        there is no database file of ours whose bytes a test could read. Deleted rows stay
        in dead tuples until (auto)vacuum reclaims their space."""

    async def count_metric(self, policy_version: str, variant: str, counter: str) -> None:
        if counter not in METRIC_COUNTERS:
            raise ValueError(f"unknown metric counter {counter!r}")
        await self.pool.execute(
            f"INSERT INTO consent_metrics (policy_version, variant, {counter}) VALUES ($1, $2, 1)"
            f" ON CONFLICT (policy_version, variant)"
            f" DO UPDATE SET {counter} = consent_metrics.{counter} + 1",
            policy_version,
            variant,
        )

    async def metrics(self) -> list[MetricsRow]:
        records = await self.pool.fetch(
            f"SELECT policy_version, variant, {', '.join(METRIC_COUNTERS)} FROM consent_metrics"
            ' ORDER BY policy_version COLLATE "C", variant COLLATE "C"'
        )
        return [MetricsRow(*r) for r in records]

    async def add_operator(self, row: OperatorRow) -> bool:
        values = astuple(row)
        status = await self.pool.execute(
            f"INSERT INTO operators ({_OPERATOR_COLUMNS}) VALUES ({placeholders(len(values))})"
            " ON CONFLICT DO NOTHING",
            *values,
        )
        return rowcount(status) == 1

    async def operator(self, username: str) -> OperatorRow | None:
        record = await self.pool.fetchrow(
            f"SELECT {_OPERATOR_COLUMNS} FROM operators WHERE username = $1", username
        )
        return OperatorRow(*record) if record else None

    async def set_operator_password(self, username: str, password_hash: str) -> bool:
        status = await self.pool.execute(
            "UPDATE operators SET password_hash = $1 WHERE username = $2", password_hash, username
        )
        return rowcount(status) == 1

    async def delete_operator(self, username: str) -> bool:
        async with self._transaction() as conn:
            await conn.execute("DELETE FROM operator_sessions WHERE username = $1", username)
            status = await conn.execute("DELETE FROM operators WHERE username = $1", username)
        return rowcount(status) == 1

    async def add_operator_session(self, row: OperatorSessionRow) -> None:
        values = astuple(row)
        await self.pool.execute(
            f"INSERT INTO operator_sessions ({_SESSION_COLUMNS})"
            f" VALUES ({placeholders(len(values))})",
            *values,
        )

    async def operator_session(self, token_sha256: str) -> OperatorSessionRow | None:
        record = await self.pool.fetchrow(
            f"SELECT {_SESSION_COLUMNS} FROM operator_sessions WHERE token_sha256 = $1",
            token_sha256,
        )
        return OperatorSessionRow(*record) if record else None

    async def touch_operator_session(self, token_sha256: str, seen_at_ms: int) -> None:
        await self.pool.execute(
            "UPDATE operator_sessions SET seen_at_ms = $1 WHERE token_sha256 = $2",
            seen_at_ms,
            token_sha256,
        )

    async def delete_operator_sessions(
        self, *, token_sha256: str | None = None, before_ms: int | None = None
    ) -> int:
        if token_sha256 is not None:
            status = await self.pool.execute(
                "DELETE FROM operator_sessions WHERE token_sha256 = $1", token_sha256
            )
        else:
            status = await self.pool.execute(
                "DELETE FROM operator_sessions WHERE seen_at_ms < $1", before_ms or 0
            )
        return rowcount(status)

    async def oversight_events(self) -> AsyncIterator[OversightRow]:
        async for record in self._walk("oversight_events", _OVERSIGHT_COLUMNS):
            yield OversightRow(*record)

    async def oversight_of(self, subject: str) -> list[OversightRow]:
        records = await self.pool.fetch(
            f"SELECT {_OVERSIGHT_COLUMNS} FROM oversight_events WHERE subject = $1 ORDER BY seq",
            subject,
        )
        return [OversightRow(*r) for r in records]

    async def recent_oversight(self, limit: int) -> list[OversightRow]:
        records = await self.pool.fetch(
            f"SELECT {_OVERSIGHT_COLUMNS} FROM oversight_events ORDER BY seq DESC LIMIT $1",
            limit,
        )
        return [OversightRow(*r) for r in records]

    async def add_live_session(self, row: LiveSessionRow) -> None:
        values = astuple(row)
        await self.pool.execute(
            f"INSERT INTO live_sessions ({_LIVE_COLUMNS}) VALUES ({placeholders(len(values))})",
            *values,
        )

    async def live_session(self, conversation: str) -> LiveSessionRow | None:
        record = await self.pool.fetchrow(
            f"SELECT {_LIVE_COLUMNS} FROM live_sessions WHERE conversation = $1", conversation
        )
        return LiveSessionRow(*record) if record else None

    async def live_sessions(self, seen_since_ms: int) -> list[LiveSessionRow]:
        records = await self.pool.fetch(
            f"SELECT {_LIVE_COLUMNS} FROM live_sessions WHERE seen_ms >= $1 ORDER BY created_ms",
            seen_since_ms,
        )
        return [LiveSessionRow(*r) for r in records]

    async def touch_live_session(self, conversation: str, seen_ms: int) -> None:
        await self.pool.execute(
            "UPDATE live_sessions SET seen_ms = GREATEST(seen_ms, $1) WHERE conversation = $2",
            seen_ms,
            conversation,
        )

    async def save_vault(self, conversation: str, vault: bytes, expected_version: int) -> bool:
        status = await self.pool.execute(
            "UPDATE live_sessions SET vault = $1, vault_version = vault_version + 1"
            " WHERE conversation = $2 AND vault_version = $3",
            vault,
            conversation,
            expected_version,
        )
        return rowcount(status) == 1

    async def set_staff_key(self, conversation: str, staff_key: bytes | None) -> None:
        await self.pool.execute(
            "UPDATE live_sessions SET staff_key = $1 WHERE conversation = $2",
            staff_key,
            conversation,
        )

    async def set_handoff(
        self, conversation: str, fields: HandoffFields, *, from_states: Collection[str]
    ) -> bool:
        """One UPDATE: a second claimant waits for the first one's row lock, then finds the
        state changed and updates nothing."""
        status = await self.pool.execute(
            "UPDATE live_sessions SET handoff_state = $1, operator = $2, operator_name = $3,"
            " waiting_since_ms = $4 WHERE conversation = $5 AND handoff_state = ANY($6::text[])",
            *fields,
            conversation,
            sorted(from_states),
        )
        return rowcount(status) == 1

    async def append_line(self, line: LineRow, entities: dict[str, int] | None = None) -> int:
        """The UPDATE that numbers the line locks the session's row until commit, so lines
        appended from several instances get consecutive numbers."""
        async with self._transaction() as conn:
            found = await conn.fetchrow(
                "UPDATE live_sessions SET last_seq = last_seq + 1, last_activity_at = $1"
                " WHERE conversation = $2 RETURNING last_seq, entities",
                line.at,
                line.conversation,
            )
            if found is None:
                raise LookupError("no live session for this conversation")
            seq, held = found["last_seq"], found["entities"]
            if entities:
                for kind, count in entities.items():
                    held[kind] = held.get(kind, 0) + count
                await conn.execute(
                    "UPDATE live_sessions SET entities = $1 WHERE conversation = $2",
                    held,
                    line.conversation,
                )
            values = astuple(replace(line, seq=seq))
            await conn.execute(
                f"INSERT INTO live_lines ({_LINE_COLUMNS}) VALUES ({placeholders(len(values))})",
                *values,
            )
        return seq

    async def lines(self, conversation: str, after_seq: int = 0) -> list[LineRow]:
        records = await self.pool.fetch(
            f"SELECT {_LINE_COLUMNS} FROM live_lines WHERE conversation = $1 AND seq > $2"
            " ORDER BY seq",
            conversation,
            after_seq,
        )
        return [LineRow(*r) for r in records]

    async def forget_live_chat(self, conversation: str, empty_vault: bytes) -> None:
        async with self._transaction() as conn:
            await conn.execute("DELETE FROM live_lines WHERE conversation = $1", conversation)
            await conn.execute(
                "UPDATE live_sessions SET vault = $1, vault_version = vault_version + 1"
                " WHERE conversation = $2",
                empty_vault,
                conversation,
            )

    async def end_live_sessions(
        self, *, seen_before_ms: int, created_before_ms: int
    ) -> list[LiveSessionRow]:
        records = await self.pool.fetch(
            f"DELETE FROM live_sessions WHERE seen_ms < $1 OR created_ms < $2"
            f" RETURNING {_LIVE_COLUMNS}",
            seen_before_ms,
            created_before_ms,
        )
        return [LiveSessionRow(*r) for r in records]

    async def set_willing(self, username: str, willing: bool) -> None:
        await self.pool.execute(
            "INSERT INTO operator_willing (username, willing) VALUES ($1, $2)"
            " ON CONFLICT (username) DO UPDATE SET willing = excluded.willing",
            username,
            willing,
        )

    async def is_willing(self, username: str) -> bool:
        return bool(
            await self.pool.fetchval(
                "SELECT willing FROM operator_willing WHERE username = $1", username
            )
        )

    async def stream_seen(self, username: str, instance: str, seen_ms: int) -> None:
        await self.pool.execute(
            "INSERT INTO operator_streams (username, instance, seen_ms) VALUES ($1, $2, $3)"
            " ON CONFLICT (username, instance) DO UPDATE SET seen_ms = excluded.seen_ms",
            username,
            instance,
            seen_ms,
        )

    async def stream_gone(self, username: str, instance: str) -> None:
        await self.pool.execute(
            "DELETE FROM operator_streams WHERE username = $1 AND instance = $2",
            username,
            instance,
        )

    async def available_operators(self, seen_since_ms: int) -> list[str]:
        records = await self.pool.fetch(
            'SELECT DISTINCT s.username COLLATE "C" AS username FROM operator_streams AS s'
            " JOIN operator_willing AS w ON w.username = s.username"
            " WHERE w.willing AND s.seen_ms >= $1 ORDER BY 1",
            seen_since_ms,
        )
        return [username for (username,) in records]
