"""The embedded default store: one SQLite file through aiosqlite.

`secure_delete` is on so that a deleted transcript is overwritten in the file, not
left behind in free pages; WAL lets readers (the CLI's `ledger verify`) run while the
server writes.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator, Callable, Collection
from contextlib import asynccontextmanager
from dataclasses import astuple
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

import aiosqlite
from yoyo import get_backend, read_migrations

from klarchat.store.base import GENESIS_HASH, ChainHead, HandoffFields
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

_AUDIT_COLUMNS = (
    "conversation, message_id, adapter, model, started_at, finished_at, entities, outcome,"
    " error_code"
)
_EVENT_COLUMNS = (
    "seq, event_id, subject, purpose, action, policy_version, text_sha256, lang, origin, at,"
    " prev_hash, hash, variant"
)
_OVERSIGHT_COLUMNS = (
    "seq, event_id, at, operator, operator_name, action, conversation, subject, entity_type,"
    " reason, prev_hash, hash"
)
Row = TypeVar("Row", ConsentEventRow, OversightRow)
_SESSION_COLUMNS = "token_sha256, username, csrf, created_at_ms, seen_at_ms"
_LIVE_COLUMNS = (
    "conversation, subject, lang, variant, created_ms, seen_ms, started_at, last_activity_at,"
    " entities, handoff_state, operator, operator_name, waiting_since_ms, vault, vault_version,"
    " staff_key, last_seq"
)
_LINE_COLUMNS = "conversation, seq, role, author, at, sealed"


def _live_row(values: tuple) -> LiveSessionRow:  # type: ignore[type-arg]
    return LiveSessionRow(*values[:8], json.loads(values[8]), *values[9:])


def migrate(path: Path) -> None:
    """Apply pending migrations; yoyo's lock keeps two starting servers from racing."""
    backend = get_backend(f"sqlite:///{path.resolve()}")
    migrations = read_migrations(str(files("klarchat.store") / "migrations" / "sqlite"))
    with backend.lock():
        backend.apply_migrations(backend.to_apply(migrations))
    backend.connection.close()


def make_private(path: Path) -> None:
    """The folder 0700 and the database 0600, like the key files beside it: it holds
    transcripts. SQLite gives its -wal and -shm files the database file's mode."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for file in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))):
        if file.exists():
            file.chmod(0o600)


class SqliteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None
        self._write = asyncio.Lock()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("the store is not open")
        return self._db

    async def open(self) -> None:
        make_private(self.path)
        migrate(self.path)
        self._db = await aiosqlite.connect(self.path, isolation_level=None)
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA secure_delete=ON")
        await self._db.execute("PRAGMA busy_timeout=5000")
        await self._db.execute("PRAGMA foreign_keys=ON")

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def save_consent_text(
        self, sha256: str, purpose: str, lang: str, policy_version: str, text: str, at: str
    ) -> None:
        async with self._write:
            await self.db.execute(
                "INSERT OR IGNORE INTO consent_texts"
                " (sha256, purpose, lang, policy_version, text, first_shown_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (sha256, purpose, lang, policy_version, text, at),
            )

    async def append_consent_event(
        self, build: Callable[[ChainHead], ConsentEventRow]
    ) -> ConsentEventRow:
        return await self._append_chained("consent_events", _EVENT_COLUMNS, build)

    async def append_oversight(self, build: Callable[[ChainHead], OversightRow]) -> OversightRow:
        return await self._append_chained("oversight_events", _OVERSIGHT_COLUMNS, build)

    async def _append_chained(
        self, table: str, columns: str, build: Callable[[ChainHead], Row]
    ) -> Row:
        """Read the chain head and insert the next row in one transaction, under the write
        lock: the connection is shared by all coroutines, so no other statement may join."""
        async with self._transaction() as db:
            async with db.execute(
                f"SELECT seq, hash FROM {table} ORDER BY seq DESC LIMIT 1"
            ) as cur:
                last = await cur.fetchone()
            row = build((last[0], last[1]) if last else (0, GENESIS_HASH))
            values = astuple(row)  # type: ignore[call-overload]
            await db.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({','.join('?' * len(values))})", values
            )
        return row

    async def consent_events(self) -> AsyncIterator[ConsentEventRow]:
        async with self.db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM consent_events ORDER BY seq"
        ) as cursor:
            async for values in cursor:
                yield ConsentEventRow(*values)

    async def latest_consent(self, subject: str) -> dict[str, ConsentEventRow]:
        async with self.db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM consent_events WHERE seq IN"
            " (SELECT MAX(seq) FROM consent_events WHERE subject = ? GROUP BY purpose)",
            (subject,),
        ) as cursor:
            return {row.purpose: row for row in [ConsentEventRow(*v) async for v in cursor]}

    async def add_message(self, row: MessageRow) -> None:
        async with self._write:
            await self.db.execute(
                "INSERT INTO messages (conversation, role, text, at, author) VALUES (?, ?, ?, ?, ?)",
                (row.conversation, row.role, row.text, row.at, row.author),
            )

    async def messages(self, conversation: str) -> list[MessageRow]:
        async with self.db.execute(
            "SELECT conversation, role, text, at, author FROM messages WHERE conversation = ?"
            " ORDER BY id",
            (conversation,),
        ) as cursor:
            return [MessageRow(*values) async for values in cursor]

    async def delete_messages(self, conversation: str) -> int:
        async with self._write:
            cursor = await self.db.execute(
                "DELETE FROM messages WHERE conversation = ?", (conversation,)
            )
        return cursor.rowcount

    async def add_audit(self, row: AuditRow) -> None:
        async with self._write:
            await self.db.execute(
                "INSERT INTO audit (conversation, message_id, adapter, model, started_at, finished_at,"
                " entities, outcome, error_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.conversation,
                    row.message_id,
                    row.adapter,
                    row.model,
                    row.started_at,
                    row.finished_at,
                    json.dumps(row.entities, sort_keys=True),
                    row.outcome,
                    row.error_code,
                ),
            )

    async def audit_rows(self, conversation: str) -> list[AuditRow]:
        async with self.db.execute(
            f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE conversation = ? ORDER BY id",
            (conversation,),
        ) as cursor:
            rows = await cursor.fetchall()
        return [AuditRow(*r[:6], json.loads(r[6]), *r[7:]) for r in rows]

    async def link_conversation(self, subject: str, conversation: str, at: str) -> None:
        async with self._write:
            await self.db.execute(
                "INSERT OR IGNORE INTO subject_conversations (subject, conversation, linked_at)"
                " VALUES (?, ?, ?)",
                (subject, conversation, at),
            )

    async def conversations_of(self, subject: str) -> list[str]:
        async with self.db.execute(
            "SELECT conversation FROM subject_conversations WHERE subject = ?"
            " ORDER BY linked_at, conversation",
            (subject,),
        ) as cursor:
            return [values[0] async for values in cursor]

    async def consent_events_of(self, subject: str) -> list[ConsentEventRow]:
        async with self.db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM consent_events WHERE subject = ? ORDER BY seq",
            (subject,),
        ) as cursor:
            return [ConsentEventRow(*values) async for values in cursor]

    async def subjects_of_event(self, event_id_prefix: str) -> list[str]:
        async with self.db.execute(
            "SELECT DISTINCT subject FROM consent_events WHERE substr(event_id, 1, ?) = ?"
            " ORDER BY subject",
            (len(event_id_prefix), event_id_prefix),
        ) as cursor:
            return [subject async for (subject,) in cursor]

    async def consent_texts(self, sha256s: Collection[str]) -> dict[str, str]:
        wanted = sorted(set(sha256s))
        if not wanted:
            return {}
        async with self.db.execute(
            f"SELECT sha256, text FROM consent_texts WHERE sha256 IN ({','.join('?' * len(wanted))})",
            wanted,
        ) as cursor:
            return {sha256: text async for sha256, text in cursor}

    async def erase_subject(
        self, subject: str, conversations: Collection[str], at: str
    ) -> ErasureRow:
        async with self._transaction() as db:
            async with db.execute(
                "SELECT conversation FROM subject_conversations WHERE subject = ?", (subject,)
            ) as cursor:
                linked = [values[0] async for values in cursor]
            messages = audit = 0
            for conversation in sorted({*linked, *conversations}):
                await db.execute("DELETE FROM live_lines WHERE conversation = ?", (conversation,))
                await db.execute(
                    "UPDATE live_sessions SET vault = x'', vault_version = vault_version + 1"
                    " WHERE conversation = ?",
                    (conversation,),
                )
                deleted = await db.execute(
                    "DELETE FROM messages WHERE conversation = ?", (conversation,)
                )
                messages += deleted.rowcount
                deleted = await db.execute(
                    "DELETE FROM audit WHERE conversation = ?", (conversation,)
                )
                audit += deleted.rowcount
            deleted = await db.execute(
                "DELETE FROM subject_conversations WHERE subject = ?", (subject,)
            )
            row = ErasureRow(subject, at, messages, audit, deleted.rowcount)
            await db.execute(
                "INSERT INTO erasures (subject, at, messages, audit, links) VALUES (?, ?, ?, ?, ?)",
                astuple(row),
            )
        return row

    async def erasures_of(self, subject: str) -> list[ErasureRow]:
        async with self.db.execute(
            "SELECT subject, at, messages, audit, links FROM erasures WHERE subject = ? ORDER BY id",
            (subject,),
        ) as cursor:
            return [ErasureRow(*values) async for values in cursor]

    async def purge(
        self, *, messages_before: str, audit_before: str, links_before: str, dry_run: bool = False
    ) -> PurgeCounts:
        async with self._transaction(rollback=dry_run) as db:
            messages = await db.execute("DELETE FROM messages WHERE at < ?", (messages_before,))
            audit = await db.execute("DELETE FROM audit WHERE finished_at < ?", (audit_before,))
            links = await db.execute(
                "DELETE FROM subject_conversations AS s WHERE linked_at < ?"
                " AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation = s.conversation)"
                " AND NOT EXISTS (SELECT 1 FROM audit WHERE conversation = s.conversation)",
                (links_before,),
            )
        return PurgeCounts(messages.rowcount, audit.rowcount, links.rowcount)

    @asynccontextmanager
    async def _transaction(self, *, rollback: bool = False) -> AsyncIterator[aiosqlite.Connection]:
        """Several statements as one: all or nothing, under the write lock so that no other
        coroutine's statement joins the shared connection's transaction."""
        async with self._write:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                await self.db.execute("ROLLBACK")
                raise
            await self.db.execute("ROLLBACK" if rollback else "COMMIT")

    async def checkpoint(self) -> None:
        await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def count_metric(self, policy_version: str, variant: str, counter: str) -> None:
        if counter not in METRIC_COUNTERS:
            raise ValueError(f"unknown metric counter {counter!r}")
        async with self._write:
            await self.db.execute(
                f"INSERT INTO consent_metrics (policy_version, variant, {counter}) VALUES (?, ?, 1)"
                f" ON CONFLICT (policy_version, variant) DO UPDATE SET {counter} = {counter} + 1",
                (policy_version, variant),
            )

    async def metrics(self) -> list[MetricsRow]:
        async with self.db.execute(
            f"SELECT policy_version, variant, {', '.join(METRIC_COUNTERS)} FROM consent_metrics"
            " ORDER BY policy_version, variant"
        ) as cursor:
            return [MetricsRow(*values) async for values in cursor]

    async def add_operator(self, row: OperatorRow) -> bool:
        async with self._write:
            cursor = await self.db.execute(
                "INSERT OR IGNORE INTO operators"
                " (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                astuple(row),
            )
        return cursor.rowcount == 1

    async def operator(self, username: str) -> OperatorRow | None:
        async with self.db.execute(
            "SELECT username, display_name, role, password_hash, created_at FROM operators"
            " WHERE username = ?",
            (username,),
        ) as cursor:
            values = await cursor.fetchone()
        return OperatorRow(*values) if values else None

    async def set_operator_password(self, username: str, password_hash: str) -> bool:
        async with self._write:
            cursor = await self.db.execute(
                "UPDATE operators SET password_hash = ? WHERE username = ?",
                (password_hash, username),
            )
        return cursor.rowcount == 1

    async def delete_operator(self, username: str) -> bool:
        async with self._transaction() as db:
            await db.execute("DELETE FROM operator_sessions WHERE username = ?", (username,))
            cursor = await db.execute("DELETE FROM operators WHERE username = ?", (username,))
        return cursor.rowcount == 1

    async def add_operator_session(self, row: OperatorSessionRow) -> None:
        async with self._write:
            await self.db.execute(
                f"INSERT INTO operator_sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                astuple(row),
            )

    async def operator_session(self, token_sha256: str) -> OperatorSessionRow | None:
        async with self.db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM operator_sessions WHERE token_sha256 = ?",
            (token_sha256,),
        ) as cursor:
            values = await cursor.fetchone()
        return OperatorSessionRow(*values) if values else None

    async def touch_operator_session(self, token_sha256: str, seen_at_ms: int) -> None:
        async with self._write:
            await self.db.execute(
                "UPDATE operator_sessions SET seen_at_ms = ? WHERE token_sha256 = ?",
                (seen_at_ms, token_sha256),
            )

    async def delete_operator_sessions(
        self, *, token_sha256: str | None = None, before_ms: int | None = None
    ) -> int:
        async with self._write:
            if token_sha256 is not None:
                cursor = await self.db.execute(
                    "DELETE FROM operator_sessions WHERE token_sha256 = ?", (token_sha256,)
                )
            else:
                cursor = await self.db.execute(
                    "DELETE FROM operator_sessions WHERE seen_at_ms < ?", (before_ms or 0,)
                )
        return cursor.rowcount

    async def oversight_events(self) -> AsyncIterator[OversightRow]:
        async with self.db.execute(
            f"SELECT {_OVERSIGHT_COLUMNS} FROM oversight_events ORDER BY seq"
        ) as cursor:
            async for values in cursor:
                yield OversightRow(*values)

    async def oversight_of(self, subject: str) -> list[OversightRow]:
        async with self.db.execute(
            f"SELECT {_OVERSIGHT_COLUMNS} FROM oversight_events WHERE subject = ? ORDER BY seq",
            (subject,),
        ) as cursor:
            return [OversightRow(*values) async for values in cursor]

    async def recent_oversight(self, limit: int) -> list[OversightRow]:
        async with self.db.execute(
            f"SELECT {_OVERSIGHT_COLUMNS} FROM oversight_events ORDER BY seq DESC LIMIT ?",
            (limit,),
        ) as cursor:
            return [OversightRow(*values) async for values in cursor]

    async def add_live_session(self, row: LiveSessionRow) -> None:
        values = list(astuple(row))
        values[8] = json.dumps(row.entities, sort_keys=True)
        async with self._write:
            await self.db.execute(
                f"INSERT INTO live_sessions ({_LIVE_COLUMNS}) VALUES ({','.join('?' * len(values))})",
                values,
            )

    async def live_session(self, conversation: str) -> LiveSessionRow | None:
        async with self.db.execute(
            f"SELECT {_LIVE_COLUMNS} FROM live_sessions WHERE conversation = ?", (conversation,)
        ) as cursor:
            values = await cursor.fetchone()
        return _live_row(values) if values else None

    async def live_sessions(self, seen_since_ms: int) -> list[LiveSessionRow]:
        async with self.db.execute(
            f"SELECT {_LIVE_COLUMNS} FROM live_sessions WHERE seen_ms >= ? ORDER BY created_ms",
            (seen_since_ms,),
        ) as cursor:
            return [_live_row(values) async for values in cursor]

    async def touch_live_session(self, conversation: str, seen_ms: int) -> None:
        async with self._write:
            await self.db.execute(
                "UPDATE live_sessions SET seen_ms = MAX(seen_ms, ?) WHERE conversation = ?",
                (seen_ms, conversation),
            )

    async def save_vault(self, conversation: str, vault: bytes, expected_version: int) -> bool:
        async with self._write:
            cursor = await self.db.execute(
                "UPDATE live_sessions SET vault = ?, vault_version = vault_version + 1"
                " WHERE conversation = ? AND vault_version = ?",
                (vault, conversation, expected_version),
            )
        return cursor.rowcount == 1

    async def set_staff_key(self, conversation: str, staff_key: bytes | None) -> None:
        async with self._write:
            await self.db.execute(
                "UPDATE live_sessions SET staff_key = ? WHERE conversation = ?",
                (staff_key, conversation),
            )

    async def set_handoff(
        self, conversation: str, fields: HandoffFields, *, from_states: Collection[str]
    ) -> bool:
        states = sorted(from_states)
        async with self._write:
            cursor = await self.db.execute(
                "UPDATE live_sessions SET handoff_state = ?, operator = ?, operator_name = ?,"
                " waiting_since_ms = ? WHERE conversation = ?"
                f" AND handoff_state IN ({','.join('?' * len(states))})",
                (*fields, conversation, *states),
            )
        return cursor.rowcount == 1

    async def append_line(self, line: LineRow, entities: dict[str, int] | None = None) -> int:
        async with self._transaction() as db:
            async with db.execute(
                "UPDATE live_sessions SET last_seq = last_seq + 1, last_activity_at = ?"
                " WHERE conversation = ? RETURNING last_seq, entities",
                (line.at, line.conversation),
            ) as cursor:
                found = await cursor.fetchone()
            if found is None:
                raise LookupError("no live session for this conversation")
            seq, held = found[0], json.loads(found[1])
            if entities:
                for kind, count in entities.items():
                    held[kind] = held.get(kind, 0) + count
                await db.execute(
                    "UPDATE live_sessions SET entities = ? WHERE conversation = ?",
                    (json.dumps(held, sort_keys=True), line.conversation),
                )
            await db.execute(
                f"INSERT INTO live_lines ({_LINE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                (line.conversation, seq, line.role, line.author, line.at, line.sealed),
            )
        return seq

    async def lines(self, conversation: str, after_seq: int = 0) -> list[LineRow]:
        async with self.db.execute(
            f"SELECT {_LINE_COLUMNS} FROM live_lines WHERE conversation = ? AND seq > ?"
            " ORDER BY seq",
            (conversation, after_seq),
        ) as cursor:
            return [LineRow(*values) async for values in cursor]

    async def forget_live_chat(self, conversation: str, empty_vault: bytes) -> None:
        async with self._transaction() as db:
            await db.execute("DELETE FROM live_lines WHERE conversation = ?", (conversation,))
            await db.execute(
                "UPDATE live_sessions SET vault = ?, vault_version = vault_version + 1"
                " WHERE conversation = ?",
                (empty_vault, conversation),
            )

    async def end_live_sessions(
        self, *, seen_before_ms: int, created_before_ms: int
    ) -> list[LiveSessionRow]:
        async with (
            self._transaction() as db,
            db.execute(
                f"DELETE FROM live_sessions WHERE seen_ms < ? OR created_ms < ?"
                f" RETURNING {_LIVE_COLUMNS}",
                (seen_before_ms, created_before_ms),
            ) as cursor,
        ):
            return [_live_row(values) async for values in cursor]

    async def set_willing(self, username: str, willing: bool) -> None:
        async with self._write:
            await self.db.execute(
                "INSERT INTO operator_willing (username, willing) VALUES (?, ?)"
                " ON CONFLICT (username) DO UPDATE SET willing = excluded.willing",
                (username, int(willing)),
            )

    async def is_willing(self, username: str) -> bool:
        async with self.db.execute(
            "SELECT willing FROM operator_willing WHERE username = ?", (username,)
        ) as cursor:
            values = await cursor.fetchone()
        return bool(values and values[0])

    async def stream_seen(self, username: str, instance: str, seen_ms: int) -> None:
        async with self._write:
            await self.db.execute(
                "INSERT INTO operator_streams (username, instance, seen_ms) VALUES (?, ?, ?)"
                " ON CONFLICT (username, instance) DO UPDATE SET seen_ms = excluded.seen_ms",
                (username, instance, seen_ms),
            )

    async def stream_gone(self, username: str, instance: str) -> None:
        async with self._write:
            await self.db.execute(
                "DELETE FROM operator_streams WHERE username = ? AND instance = ?",
                (username, instance),
            )

    async def available_operators(self, seen_since_ms: int) -> list[str]:
        async with self.db.execute(
            "SELECT DISTINCT s.username FROM operator_streams AS s"
            " JOIN operator_willing AS w ON w.username = s.username"
            " WHERE w.willing = 1 AND s.seen_ms >= ? ORDER BY s.username",
            (seen_since_ms,),
        ) as cursor:
            return [username async for (username,) in cursor]
