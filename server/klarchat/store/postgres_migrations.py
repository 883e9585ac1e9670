"""PostgreSQL's schema: plain SQL files in `migrations/postgres/`, applied in name order.

Not yoyo, which the SQLite store uses: yoyo reaches PostgreSQL only through psycopg, a
second driver beside asyncpg for a few DDL files, and its lock is a row in a table that
outlives a killed process (the next instance to start waits, then fails until somebody
runs `yoyo break-lock`). A session advisory lock ends with its connection, so instances
starting together queue behind it and a crashed one blocks nobody. Each file runs in one
transaction with its row in `schema_migrations` (PostgreSQL's DDL is transactional), so a
failed file leaves nothing half-applied.
"""

from __future__ import annotations

from importlib.resources import files

import asyncpg

from klarchat.store.postgres_locks import Lock, keys

MIGRATIONS_TABLE = "schema_migrations"


def migration_files() -> list[tuple[str, str]]:
    """(id, SQL) of every migration, in the order they apply."""
    folder = files("klarchat.store") / "migrations" / "postgres"
    return sorted(
        (entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    )


async def migrate(conn: asyncpg.Connection) -> list[str]:
    """Apply the pending migrations; returns their ids."""
    await conn.execute("SELECT pg_advisory_lock($1, $2)", *keys(Lock.MIGRATIONS))
    try:
        await conn.execute(
            f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (id TEXT PRIMARY KEY,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        applied = {id_ for (id_,) in await conn.fetch(f"SELECT id FROM {MIGRATIONS_TABLE}")}
        done = []
        for id_, sql in migration_files():
            if id_ in applied:
                continue
            async with conn.transaction():
                await conn.execute(sql)
                await conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (id) VALUES ($1)", id_)
            done.append(id_)
        return done
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1, $2)", *keys(Lock.MIGRATIONS))


async def schema_exists(conn: asyncpg.Connection) -> bool:
    """Whether a Klarchat server (or `migrate-store`) has created the schema here."""
    if not await conn.fetchval("SELECT to_regclass($1) IS NOT NULL", MIGRATIONS_TABLE):
        return False
    return bool(await conn.fetchval(f"SELECT EXISTS (SELECT 1 FROM {MIGRATIONS_TABLE})"))
