"""`klarchat migrate-store [--to postgresql://...] [--from FILE]`: move a site from the
embedded SQLite file to PostgreSQL, so that several instances can share it.

The target must be empty: the ledger cannot be merged, only continued, so a database that
already holds rows is refused. After the copy both hash chains are walked in PostgreSQL
and their heads compared with SQLite's, and every table's rows are counted on both sides.
Stop the server first: rows it writes after the copy began stay behind in SQLite.

Exit codes: 0 copied and verified, 1 a count, chain or head differs, 2 no source file, a
wrong URL, an unreachable or non-empty target.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import asyncpg

from klarchat.chain import Chained, Verification, verify_chain
from klarchat.cli.common import EXIT_CHECK_FAILED, Commands, UsageError
from klarchat.config import Settings
from klarchat.consent.ledger import event_hash
from klarchat.oversight import oversight_hash
from klarchat.store.base import GENESIS_HASH, Store
from klarchat.store.factory import database_path, without_password
from klarchat.store.postgres import PostgresStore
from klarchat.store.sqlite import SqliteStore
from klarchat.store.transfer import SKIPPED, TableCount, TargetNotEmpty, copy_store

CHAINS: tuple[tuple[str, Callable[[Store], AsyncIterator[Chained]], Callable[..., str]], ...] = (
    ("ledger", lambda store: store.consent_events(), event_hash),
    ("oversight log", lambda store: store.oversight_events(), oversight_hash),
)


def register(commands: Commands) -> None:
    migrate = commands.add_parser(
        "migrate-store", help="copy the SQLite store into an empty PostgreSQL database"
    )
    migrate.add_argument(
        "--to",
        dest="target",
        help="postgresql://user@host/db (default: database_url of the configuration, which"
        " keeps a password out of the process list)",
    )
    migrate.add_argument(
        "--from",
        dest="source",
        type=Path,
        help="the SQLite file (default: klarchat.sqlite3 in the configured data_dir)",
    )
    migrate.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    target = args.target or (
        settings.database_url.get_secret_value() if settings.database_url else ""
    )
    if not target:
        raise UsageError("name the target: --to postgresql://... or database_url in the config")
    if target.split("://", 1)[0].lower() not in ("postgresql", "postgres"):
        raise UsageError("the target must be a postgresql:// URL")
    source = args.source or database_path(settings)
    if not source.is_file():
        raise UsageError(f"no SQLite store at {source}")
    return asyncio.run(_migrate(source, target))


async def _migrate(source: Path, target: str) -> int:
    shown = without_password(target)
    try:
        counts = await copy_store(source, target)
    except TargetNotEmpty as exc:
        raise UsageError(
            f"refusing to copy into {shown}: {exc}; migrate-store fills only an empty database"
        ) from None
    except sqlite3.Error as exc:
        raise UsageError(f"cannot read {source}: {exc}") from None
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        raise UsageError(f"cannot copy into {shown}: {exc}") from None
    print(f"copied {source} to {shown}")
    print(_table(counts))
    problems = [
        f"{c.table}: {c.source} rows in SQLite, {c.target} in PostgreSQL"
        for c in counts
        if c.source != c.target
    ]
    problems += await _compare_chains(source, target)
    for problem in problems:
        print(f"migrate-store FAILED: {problem}", file=sys.stderr)
    if problems:
        return EXIT_CHECK_FAILED
    print("migrate-store OK: every row copied, both chains intact and identical")
    return 0


def _table(counts: list[TableCount]) -> str:
    width = max(len(name) for name in [*(c.table for c in counts), *SKIPPED])
    lines = [f"  {'table'.ljust(width)}  {'sqlite':>9}  {'postgresql':>10}"]
    lines += [f"  {c.table.ljust(width)}  {c.source:>9}  {c.target:>10}" for c in counts]
    lines += [f"  {table.ljust(width)}  skipped: {why}" for table, why in SKIPPED.items()]
    return "\n".join(lines)


async def _compare_chains(source: Path, target: str) -> list[str]:
    """Walk each chain on both sides: it must hold in PostgreSQL and end in the same hash."""
    sqlite, postgres = SqliteStore(source), PostgresStore(target, max_connections=2)
    await sqlite.open()
    try:
        await postgres.open()
        try:
            problems = []
            for name, rows, row_hash in CHAINS:
                before, head_before = await _walk(rows(sqlite), row_hash)
                after, head_after = await _walk(rows(postgres), row_hash)
                if not after.ok:
                    broken = "" if before.ok else " (already broken in SQLite)"
                    problems.append(
                        f"{name} broken in PostgreSQL at seq {after.bad_seq}: {after.reason}{broken}"
                    )
                elif head_after != head_before:
                    problems.append(f"{name} ends in another hash than in SQLite")
                else:
                    print(f"{name} OK: {after.checked} events, hash chain intact, same head")
            return problems
        finally:
            await postgres.close()
    finally:
        await sqlite.close()


async def _walk(
    rows: AsyncIterator[Chained], row_hash: Callable[..., str]
) -> tuple[Verification, str]:
    """The chain's verification and its last hash, from one pass."""
    head = GENESIS_HASH

    async def tracked() -> AsyncIterator[Chained]:
        nonlocal head
        async for row in rows:
            head = row.hash
            yield row

    return await verify_chain(tracked(), row_hash), head
