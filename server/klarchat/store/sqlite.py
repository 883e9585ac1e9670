"""The embedded default store: one SQLite file through aiosqlite.

`secure_delete` is on so that a deleted transcript is overwritten in the file, not
left behind in free pages; WAL lets readers (the CLI's `ledger verify`) run while the
server writes.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import astuple
from importlib.resources import files
from pathlib import Path

import aiosqlite
from yoyo import get_backend, read_migrations

from klarchat.store.base import GENESIS_HASH, ChainHead
from klarchat.store.records import AuditRow, ConsentEventRow, MessageRow

_EVENT_COLUMNS = (
    "seq, event_id, subject, purpose, action, policy_version, text_sha256, lang, origin, at,"
    " prev_hash, hash"
)


def migrate(path: Path) -> None:
    """Apply pending migrations; yoyo's lock keeps two starting servers from racing."""
    backend = get_backend(f"sqlite:///{path.resolve()}")
    migrations = read_migrations(str(files("klarchat.store") / "migrations" / "sqlite"))
    with backend.lock():
        backend.apply_migrations(backend.to_apply(migrations))
    backend.connection.close()


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
        self.path.parent.mkdir(parents=True, exist_ok=True)
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
        async with self._write:
            return await self._append_consent_event(build)

    async def _append_consent_event(
        self, build: Callable[[ChainHead], ConsentEventRow]
    ) -> ConsentEventRow:
        """One connection is shared by all coroutines: the caller holds the write lock so
        that no other statement joins this transaction."""
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            async with self.db.execute(
                "SELECT seq, hash FROM consent_events ORDER BY seq DESC LIMIT 1"
            ) as cursor:
                last = await cursor.fetchone()
            row = build((last[0], last[1]) if last else (0, GENESIS_HASH))
            await self.db.execute(
                f"INSERT INTO consent_events ({_EVENT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                astuple(row),
            )
        except BaseException:
            await self.db.execute("ROLLBACK")
            raise
        await self.db.execute("COMMIT")
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
                "INSERT INTO messages (conversation, role, text, at) VALUES (?, ?, ?, ?)",
                (row.conversation, row.role, row.text, row.at),
            )

    async def messages(self, conversation: str) -> list[MessageRow]:
        async with self.db.execute(
            "SELECT conversation, role, text, at FROM messages WHERE conversation = ? ORDER BY id",
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

    async def checkpoint(self) -> None:
        await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
