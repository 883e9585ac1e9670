"""Copying an SQLite store into an empty PostgreSQL database (`klarchat migrate-store`).

Rows go over verbatim, the chains' seq, prev_hash and hash included, so the ledger and
the oversight log are the same chains in PostgreSQL: they verify there, and receipts and
checkpoints issued before still match. The columns are PostgreSQL's, read from its
schema and asked of SQLite by name, so a column one side lacks fails the copy instead of
being dropped. Everything is one transaction over locked tables: a failed copy leaves the
target empty, and no server can write into it half-way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite
import asyncpg

from klarchat.store.postgres_migrations import MIGRATIONS_TABLE, migrate
from klarchat.store.sqlite import migrate as migrate_sqlite

COPIED = (
    "consent_texts",
    "consent_events",
    "messages",
    "audit",
    "subject_conversations",
    "erasures",
    "consent_metrics",
    "operators",
    "operator_sessions",
    "operator_willing",
    "oversight_events",
    "live_sessions",
    "live_lines",
)
"""In dependency order: a table comes after those it references."""

SKIPPED = {
    "operator_streams": "open console streams of the instances that ran on SQLite, gone with them",
}
IDENTITY_TABLES = ("messages", "audit", "erasures")
"""Tables whose copied `id`s the identity must continue after."""
BATCH = 5000


class TargetNotEmpty(Exception):
    """The target holds rows or tables of its own; the message says which."""


@dataclass(frozen=True, slots=True)
class TableCount:
    table: str
    source: int
    target: int


async def _check_target(conn: asyncpg.Connection) -> None:
    """Refuse a database with tables that are not Klarchat's (the URL is likely a wrong
    one) before anything is created in it."""
    ours = {*COPIED, *SKIPPED, MIGRATIONS_TABLE}
    foreign = sorted(
        name
        for (name,) in await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        if name not in ours
    )
    if foreign:
        raise TargetNotEmpty(f"it holds tables that are not Klarchat's: {', '.join(foreign)}")


async def copy_store(source: Path, dsn: str) -> list[TableCount]:
    """Copy every table of `COPIED`; the counts of rows read and of rows in the target.

    The SQLite file is first brought to the current schema, as a server start would, so
    that a file written by an older version copies too. The target gets its own
    connection, without the store's jsonb codec: SQLite's JSON text goes into jsonb as it
    is."""
    conn = await asyncpg.connect(dsn)
    try:
        await _check_target(conn)
        await migrate(conn)
        migrate_sqlite(source)
        async with aiosqlite.connect(source, isolation_level=None) as sqlite:
            await sqlite.execute("BEGIN")  # one snapshot, even if a server still writes
            try:
                async with conn.transaction():
                    await _lock_and_check_empty(conn)
                    read = {table: await _copy(sqlite, conn, table) for table in COPIED}
                    for table in IDENTITY_TABLES:
                        await conn.execute(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                            f" COALESCE(MAX(id), 0) + 1, false) FROM {table}"
                        )
            finally:
                await sqlite.execute("ROLLBACK")
        return [
            TableCount(table, read[table], await conn.fetchval(f"SELECT COUNT(*) FROM {table}"))
            for table in COPIED
        ]
    finally:
        await conn.close()


async def _lock_and_check_empty(conn: asyncpg.Connection) -> None:
    tables = [*COPIED, *SKIPPED]
    await conn.execute(f"LOCK TABLE {', '.join(tables)} IN EXCLUSIVE MODE")
    counts = await conn.fetchrow(
        "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t}) AS {t}" for t in tables)
    )
    filled = [f"{table} ({count})" for table, count in counts.items() if count]
    if filled:
        raise TargetNotEmpty(f"it holds rows: {', '.join(filled)}")


async def _copy(sqlite: aiosqlite.Connection, conn: asyncpg.Connection, table: str) -> int:
    """Copy one table in batches; returns how many rows were read."""
    described = await conn.fetch(
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        table,
    )
    names = [name for name, _ in described]
    booleans = [i for i, (_, kind) in enumerate(described) if kind == "boolean"]
    read = 0
    async with sqlite.execute(f"SELECT {', '.join(names)} FROM {table}") as cursor:
        while batch := await cursor.fetchmany(BATCH):
            records = [_record(row, booleans) for row in batch]
            await conn.copy_records_to_table(table, records=records, columns=names)
            read += len(batch)
    return read


def _record(row: Sequence[Any], booleans: list[int]) -> tuple[Any, ...]:
    """SQLite's 0/1 as PostgreSQL's booleans."""
    values = list(row)
    for i in booleans:
        values[i] = bool(values[i])
    return tuple(values)
