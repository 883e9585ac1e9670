"""The one way to open the store, so that a second backend (PostgreSQL) is added here only.

The server opens (and, on first start, creates) the database; the command-line tools
must not create one where none was, because an empty ledger would then "verify".
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from klarchat.config import Settings
from klarchat.store.base import Store
from klarchat.store.sqlite import SqliteStore

DATABASE_FILE = "klarchat.sqlite3"


def database_path(settings: Settings) -> Path:
    return settings.data_dir / DATABASE_FILE


async def open_store(settings: Settings) -> Store:
    """Open the configured store, creating and migrating it if needed."""
    store = SqliteStore(database_path(settings))
    await store.open()
    return store


@asynccontextmanager
async def existing_store(settings: Settings) -> AsyncIterator[Store | None]:
    """The store if it exists (None if not), closed on leaving."""
    if not database_path(settings).exists():
        yield None
        return
    store = await open_store(settings)
    try:
        yield store
    finally:
        await store.close()
