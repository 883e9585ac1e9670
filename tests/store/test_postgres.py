"""What only PostgreSQL has to show: several processes appending to one chain, the
database refusing a fork or an edit by itself, migrations racing at start, the factory's
choice, and text sorted by bytes whatever the database's collation."""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
import textwrap
import uuid
from dataclasses import astuple, replace
from pathlib import Path

import asyncpg
import pytest

from klarchat.config import Settings
from klarchat.consent.ledger import Ledger
from klarchat.store.base import GENESIS_HASH
from klarchat.store.factory import StoreUnavailable, existing_store, open_store
from klarchat.store.postgres import PostgresStore
from klarchat.store.postgres_locks import Lock, keys
from klarchat.store.postgres_migrations import MIGRATIONS_TABLE, migration_files
from klarchat.store.records import OperatorRow
from tests.store.builders import (
    SUBJECT,
    event,
    line,
    live_session,
    oversight_log,
    record_consent,
)
from tests.support.postgres import Cluster, free_port
from tests.support.server import klarchat_command

PROCESSES = 3
APPENDS = 100

APPENDER = textwrap.dedent(
    """
    import asyncio, sys
    from klarchat.config import Consent
    from klarchat.consent.ledger import Ledger
    from klarchat.consent.policy import Policy
    from klarchat.consent.state import Action
    from klarchat.store.postgres import PostgresStore

    async def main(url: str, name: str, count: int) -> None:
        store = PostgresStore(url)
        await store.open()
        print("ready", flush=True)
        sys.stdin.readline()  # every process starts appending at once
        policy = Policy(Consent(), ["de", "en"])
        ledger = Ledger(store)
        await asyncio.gather(*(
            ledger.record(
                subject=f"{name}{i:062x}",
                action=Action.GIVEN,
                shown=policy.shown("ai_chat", "de"),
                policy_version=policy.version,
                origin=name,
            )
            for i in range(count)
        ))
        await store.close()

    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
    """
)


async def test_three_processes_append_one_linear_chain(pg_url: str, tmp_path: Path) -> None:
    appenders = [
        subprocess.Popen(
            [sys.executable, "-c", APPENDER, pg_url, f"p{n}", str(APPENDS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    try:
        for process in appenders:
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
        for process in appenders:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in appenders:
            assert await asyncio.to_thread(process.wait, 120) == 0
    finally:
        for process in appenders:
            process.kill()

    store = PostgresStore(pg_url)
    await store.open()
    try:
        rows = [row async for row in store.consent_events()]
        verdict = await Ledger(store).verify()
    finally:
        await store.close()
    assert [row.seq for row in rows] == list(range(1, PROCESSES * APPENDS + 1))
    assert rows[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    assert [row.at for row in rows] == sorted(row.at for row in rows)
    assert {row.origin for row in rows} == {f"p{n}" for n in range(PROCESSES)}
    # Interleaved, not one process after the other: the lock really was contended.
    assert len([1 for a, b in itertools.pairwise(rows) if a.origin != b.origin]) > PROCESSES
    assert verdict.ok and verdict.checked == PROCESSES * APPENDS

    config = tmp_path / "klarchat.toml"
    config.write_text(f'database_url = "{pg_url}"\n', encoding="utf-8")
    verify = subprocess.run(
        [*klarchat_command(), "--config", str(config), "ledger", "verify"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert verify.returncode == 0, verify.stderr
    assert f"ledger OK: {PROCESSES * APPENDS} events, hash chain intact" in verify.stdout
    assert "oversight log OK: 0 events" in verify.stdout
    assert not (tmp_path / "klarchat-data").exists()


async def test_the_database_refuses_a_fork_without_the_lock(pg_url: str) -> None:
    store = PostgresStore(pg_url)
    await store.open()
    first = await record_consent(Ledger(store))
    viewed = await oversight_log(store).record(
        operator="eva", operator_name="Eva", action="view", conversation="c", subject=SUBJECT
    )
    await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        fork = event((1, GENESIS_HASH))  # seq 2, after the genesis hash again
        with pytest.raises(asyncpg.UniqueViolationError, match="prev_hash"):
            await conn.execute(
                "INSERT INTO consent_events (seq, event_id, subject, purpose, action,"
                " policy_version, text_sha256, lang, origin, at, prev_hash, hash, variant)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                *astuple(fork),
            )
        with pytest.raises(asyncpg.UniqueViolationError, match="prev_hash"):
            await conn.execute(
                "INSERT INTO oversight_events SELECT seq + 1, event_id || 'x', at, operator,"
                " operator_name, action, conversation, subject, entity_type, reason, prev_hash,"
                " hash FROM oversight_events"
            )
        with pytest.raises(asyncpg.UniqueViolationError, match="pkey"):
            await conn.execute(
                "INSERT INTO consent_events SELECT seq, event_id || 'x', subject, purpose,"
                " action, policy_version, text_sha256, lang, origin, at, 'other', hash, variant"
                " FROM consent_events"
            )
        assert await conn.fetchval("SELECT COUNT(*) FROM consent_events") == 1
        assert (first.seq, viewed.seq) == (1, 1)
    finally:
        await conn.close()


@pytest.mark.parametrize("table", ["consent_events", "oversight_events", "erasures"])
async def test_the_append_only_tables_refuse_update_delete_and_truncate(
    pg_url: str, table: str
) -> None:
    store = PostgresStore(pg_url)
    await store.open()
    await record_consent(Ledger(store))
    await oversight_log(store).record(
        operator="eva", operator_name="Eva", action="view", conversation="c", subject=SUBJECT
    )
    await store.erase_subject(SUBJECT, [], "2025-01-01T00:00:00.000Z")
    await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        for statement in (
            f"UPDATE {table} SET subject = 'x'",
            f"DELETE FROM {table}",
            f"TRUNCATE {table}",
        ):
            with pytest.raises(asyncpg.RestrictViolationError, match=f"{table} is append-only"):
                await conn.execute(statement)
        assert await conn.fetchval(f"SELECT COUNT(*) FROM {table}") == 1
    finally:
        await conn.close()


async def test_an_append_waits_for_the_chain_lock(pg_url: str) -> None:
    """The lock key is the one a second writer (another instance) takes."""
    store = PostgresStore(pg_url)
    await store.open()
    holder = await asyncpg.connect(pg_url)
    try:
        for lock, append in (
            (Lock.CONSENT_LEDGER, lambda: record_consent(Ledger(store))),
            (
                Lock.OVERSIGHT_LOG,
                lambda: oversight_log(store).record(
                    operator="eva", operator_name="E", action="view", conversation="c", subject="s"
                ),
            ),
        ):
            transaction = holder.transaction()
            await transaction.start()
            await holder.execute("SELECT pg_advisory_xact_lock($1, $2)", *keys(lock))
            waiting = asyncio.ensure_future(append())
            await asyncio.sleep(0.3)
            assert not waiting.done()
            await transaction.commit()
            assert (await asyncio.wait_for(waiting, 10)).seq == 1
    finally:
        await holder.close()
        await store.close()


async def test_instances_starting_together_migrate_once(pg_url: str) -> None:
    stores = [PostgresStore(pg_url) for _ in range(3)]
    await asyncio.gather(*(store.open() for store in stores))
    try:
        for store in stores:
            await store.add_operator(
                OperatorRow(f"op{id(store)}", "x", "operator", "h", "2025-01-01T00:00:00.000Z")
            )
    finally:
        for store in stores:
            await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        applied = [id_ for (id_,) in await conn.fetch(f"SELECT id FROM {MIGRATIONS_TABLE}")]
        assert applied == [id_ for id_, _ in migration_files()]
        assert await conn.fetchval("SELECT COUNT(*) FROM operators") == 3
    finally:
        await conn.close()


async def test_the_factory_uses_postgresql_when_a_url_is_set(pg_url: str, tmp_path: Path) -> None:
    settings = Settings(database_url=pg_url, data_dir=tmp_path / "data")
    async with existing_store(settings) as missing:
        assert missing is None  # an empty database is no ledger
    store = await open_store(settings)
    try:
        assert isinstance(store, PostgresStore)
        await record_consent(Ledger(store))
    finally:
        await store.close()
    async with existing_store(settings) as found:
        assert found is not None
        assert (await Ledger(found).verify()).checked == 1
        assert (await oversight_log(found).verify()).ok
    assert not (tmp_path / "data").exists()


async def test_a_missing_database_is_no_store_and_an_unreachable_one_an_error(
    pg_cluster: Cluster,
) -> None:
    absent = Settings(database_url=pg_cluster.url("no_such_database"))
    async with existing_store(absent) as store:
        assert store is None
    closed = Settings(database_url=f"postgresql://klarchat:secret@127.0.0.1:{free_port()}/db")
    with pytest.raises(StoreUnavailable) as refused:
        async with existing_store(closed):
            pass
    assert "secret" not in str(refused.value) and "klarchat:***@" in str(refused.value)
    with pytest.raises(StoreUnavailable):
        await open_store(closed)


async def test_text_sorts_by_bytes_under_a_language_collation(pg_cluster: Cluster) -> None:
    """A database created with a language's collation (here ICU English, where 'a' < 'B')
    still orders and cuts text as SQLite does."""
    name = f"klarchat_icu_{uuid.uuid4().hex[:8]}"
    pg_cluster.psql(
        f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
    )
    store = PostgresStore(pg_cluster.url(name))
    await store.open()
    try:
        assert await store.pool.fetchval("SELECT 'a' < 'B'")  # the collation really differs
        for conversation in ("b", "B", "a", "_"):
            await store.link_conversation(SUBJECT, conversation, "2025-01-01T00:00:00.000Z")
        assert await store.conversations_of(SUBJECT) == ["B", "_", "a", "b"]
        for version in ("v1", "V1"):
            await store.count_metric(version, "", "opened")
        assert [row.policy_version for row in await store.metrics()] == ["V1", "v1"]
        for operator in ("eva", "Zoe"):
            await store.add_operator(
                OperatorRow(operator, operator, "operator", "h", "2025-01-01T00:00:00.000Z")
            )
            await store.set_willing(operator, True)
            await store.stream_seen(operator, "i1", 1000)
        assert await store.available_operators(0) == ["Zoe", "eva"]
        for subject in ("b" * 64, "B" * 64):
            await store.append_consent_event(lambda head, s=subject: event(head, subject=s))
        assert await store.subjects_of_event("") == ["B" * 64, "b" * 64]
    finally:
        await store.close()


async def test_claims_queued_behind_a_row_lock_are_decided_one_by_one(pg_url: str) -> None:
    """Both UPDATEs wait on the row at the same time; when it is free, the first changes it
    and the second, re-reading the row, finds the state gone and changes nothing. Lines
    queued the same way are numbered one after another."""
    stores = [PostgresStore(pg_url) for _ in range(3)]
    for store in stores:
        await store.open()
    holder = await asyncpg.connect(pg_url)
    try:
        await stores[0].add_live_session(replace(live_session("c1"), handoff_state="waiting"))
        transaction = holder.transaction()
        await transaction.start()
        await holder.execute("SELECT 1 FROM live_sessions WHERE conversation = 'c1' FOR UPDATE")
        claims = [
            asyncio.ensure_future(
                store.set_handoff("c1", ("human", f"op{i}", "Op", None), from_states={"waiting"})
            )
            for i, store in enumerate(stores)
        ]
        lines = [asyncio.ensure_future(stores[i % 3].append_line(line("c1"))) for i in range(9)]
        await asyncio.sleep(0.3)
        assert not any(task.done() for task in [*claims, *lines])
        await transaction.commit()
        assert sorted(await asyncio.gather(*claims)) == [False, False, True]
        assert sorted(await asyncio.gather(*lines)) == list(range(1, 10))
    finally:
        await holder.close()
        for store in stores:
            await store.close()
