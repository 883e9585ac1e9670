"""The one way to open the store: PostgreSQL when `database_url` is set, else the SQLite file
in `data_dir`.

The server opens (and, on first start, creates) the database; the command-line tools
must not create one where none was, because an empty ledger would then "verify".
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg

from klarchat.config import Settings
from klarchat.store.base import Store
from klarchat.store.postgres import PostgresStore
from klarchat.store.postgres_migrations import schema_exists
from klarchat.store.sqlite import SqliteStore

DATABASE_FILE = "klarchat.sqlite3"


class StoreUnavailable(Exception):
    """The configured PostgreSQL cannot be reached or refuses us; the message names it
    without the password."""


def database_path(settings: Settings) -> Path:
    return settings.data_dir / DATABASE_FILE


def without_password(url: str) -> str:
    """A PostgreSQL URL fit for logs and messages: a password, in the user part or as a
    query parameter, becomes ***."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        user, host = netloc.rsplit("@", 1)
        netloc = f"{user.split(':', 1)[0]}:***@{host}"
    query = urlencode(
        [(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query)], safe="*"
    )
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def store_location(settings: Settings) -> str:
    """Where the store lives, for the commands' messages."""
    if settings.database_url is None:
        return str(database_path(settings).resolve())
    return without_password(settings.database_url.get_secret_value())


def store_for(settings: Settings) -> Store:
    """The configured store, not yet opened."""
    if settings.database_url is None:
        return SqliteStore(database_path(settings))
    return PostgresStore(settings.database_url.get_secret_value())


async def open_store(settings: Settings) -> Store:
    """Open the configured store, creating and migrating it if needed."""
    store = store_for(settings)
    try:
        await store.open()
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        if settings.database_url is None:
            raise
        raise StoreUnavailable(f"cannot open {store_location(settings)}: {exc}") from None
    return store


@asynccontextmanager
async def existing_store(settings: Settings) -> AsyncIterator[Store | None]:
    """The store if it exists (None if not), closed on leaving. A PostgreSQL database
    exists for Klarchat once a server has created the schema in it."""
    if not await _exists(settings):
        yield None
        return
    store = await open_store(settings)
    try:
        yield store
    finally:
        await store.close()


async def _exists(settings: Settings) -> bool:
    if settings.database_url is None:
        return database_path(settings).exists()
    try:
        conn = await asyncpg.connect(settings.database_url.get_secret_value())
    except asyncpg.InvalidCatalogNameError:
        return False
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        raise StoreUnavailable(f"cannot open {store_location(settings)}: {exc}") from None
    try:
        return await schema_exists(conn)
    finally:
        await conn.close()
