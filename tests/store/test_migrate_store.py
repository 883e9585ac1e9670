"""`klarchat migrate-store`: a real SQLite store, filled through the Store and chain APIs,
copied into PostgreSQL by the real command; every row read back the same through both
stores, both chains continued afterwards; a non-empty target refused."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import asyncpg

from klarchat.consent.ledger import Ledger
from klarchat.consent.state import Action
from klarchat.store.base import Store
from klarchat.store.factory import DATABASE_FILE
from klarchat.store.postgres import PostgresStore
from klarchat.store.postgres_migrations import MIGRATIONS_TABLE
from klarchat.store.records import MessageRow, OperatorRow, OperatorSessionRow
from klarchat.store.sqlite import SqliteStore
from klarchat.store.transfer import COPIED, SKIPPED
from tests.store.builders import (
    POLICY,
    SUBJECT,
    audit_row,
    line,
    live_session,
    oversight_log,
    record_consent,
)
from tests.support.server import klarchat_command

OTHER = "b" * 64
AT = "2025-01-01T00:00:00.000Z"


async def filled_sqlite(path: Path) -> None:
    """Something in every table, as a site that ran for a while has it."""
    store = SqliteStore(path)
    await store.open()
    ledger = Ledger(store)
    for subject, action in (
        (SUBJECT, Action.GIVEN),
        (OTHER, Action.GIVEN),
        (SUBJECT, Action.WITHDRAWN),
    ):
        await record_consent(ledger, subject, action)
    await record_consent(ledger, OTHER, Action.DECLINED, purpose="transcript")
    for conversation, subject in (("c1", SUBJECT), ("c2", OTHER), ("gone", OTHER)):
        await store.link_conversation(subject, conversation, AT)
        await store.add_message(MessageRow(conversation, "user", "Ich bin <PERSON_1>", AT))
        await store.add_message(MessageRow(conversation, "assistant", "Hallo", AT, author="Eva"))
        await store.add_audit(audit_row(conversation, AT, {"PERSON": 1}))
    await store.erase_subject(OTHER, ["gone"], "2025-01-02T00:00:00.000Z")
    await store.link_conversation(OTHER, "c2", AT)
    await store.add_message(MessageRow("c2", "user", "again", AT))
    for counter in ("opened", "opened", "consented"):
        await store.count_metric(POLICY.version, "", counter)
    await store.count_metric(POLICY.version, "short", "declined")
    for name, role in (("eva", "operator"), ("ada", "admin")):
        await store.add_operator(OperatorRow(name, name.title(), role, f"argon-{name}", AT))
    await store.add_operator_session(OperatorSessionRow("t1", "eva", "csrf", 1000, 2000))
    await store.set_willing("eva", True)
    await store.set_willing("ada", False)
    await store.stream_seen("eva", "instance-1", 3000)
    log = oversight_log(store)
    for action in ("view", "claim", "message", "release"):
        await log.record(
            operator="eva", operator_name="Eva", action=action, conversation="c1", subject=SUBJECT
        )
    await store.add_live_session(
        replace(live_session("c1"), staff_key=b"\x01", entities={"PERSON": 1}, variant="short")
    )
    await store.append_line(line("c1"), {"PERSON": 1})
    await store.append_line(line("c1", role="assistant"))
    await store.close()


async def snapshot(store: Store) -> dict[str, object]:
    """Everything the store hands over, through its own methods."""
    events = [row async for row in store.consent_events()]
    return {
        "events": events,
        "texts": await store.consent_texts({row.text_sha256 for row in events}),
        "oversight": [row async for row in store.oversight_events()],
        "messages": {c: await store.messages(c) for c in ("c1", "c2", "gone")},
        "audit": {c: await store.audit_rows(c) for c in ("c1", "c2", "gone")},
        "links": {s: await store.conversations_of(s) for s in (SUBJECT, OTHER)},
        "erasures": await store.erasures_of(OTHER),
        "metrics": await store.metrics(),
        "operators": [await store.operator(name) for name in ("eva", "ada")],
        "session": await store.operator_session("t1"),
        "willing": [await store.is_willing(name) for name in ("eva", "ada")],
        "live": await store.live_session("c1"),
        "lines": await store.lines("c1"),
    }


def migrate_store(
    *args: str, env: dict[str, str] | None = None, cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*klarchat_command(), "migrate-store", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


async def test_a_store_is_copied_verbatim_and_both_chains_go_on(
    pg_url: str, tmp_path: Path
) -> None:
    source = tmp_path / "data" / DATABASE_FILE
    await filled_sqlite(source)

    result = migrate_store("--to", pg_url, "--from", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ledger OK: 4 events, hash chain intact, same head" in result.stdout
    assert "oversight log OK: 4 events, hash chain intact, same head" in result.stdout
    assert "migrate-store OK" in result.stdout
    assert "operator_streams" in result.stdout and "skipped" in result.stdout
    for table, count in (
        ("consent_events", 4),
        ("messages", 3),
        ("erasures", 1),
        ("live_lines", 2),
    ):
        assert any(
            line.split() == [table, str(count), str(count)] for line in result.stdout.splitlines()
        )

    sqlite_store, postgres_store = SqliteStore(source), PostgresStore(pg_url)
    await sqlite_store.open()
    await postgres_store.open()
    try:
        before = await snapshot(sqlite_store)
        assert before["events"] and before["oversight"] and before["live"] and before["erasures"]
        assert await snapshot(postgres_store) == before
        assert await postgres_store.available_operators(0) == []  # streams stayed behind

        # PostgreSQL continues the chains and the numbering where SQLite stopped.
        row = await record_consent(Ledger(postgres_store), SUBJECT, Action.GIVEN)
        assert (row.seq, row.prev_hash) == (5, before["events"][-1].hash)  # type: ignore[index]
        assert (await Ledger(postgres_store).verify()).checked == 5
        viewed = await oversight_log(postgres_store).record(
            operator="ada", operator_name="Ada", action="view", conversation="c2", subject=OTHER
        )
        assert viewed.seq == 5 and (await oversight_log(postgres_store).verify()).ok
        await postgres_store.add_message(MessageRow("c1", "user", "after", AT))
        assert [m.text for m in await postgres_store.messages("c1")][-1] == "after"
        assert await postgres_store.append_line(line("c1")) == 3
    finally:
        await sqlite_store.close()
        await postgres_store.close()

    verify = subprocess.run(
        [*klarchat_command(), "ledger", "verify"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "KLARCHAT_DATABASE_URL": pg_url},
    )
    assert verify.returncode == 0, verify.stderr
    assert "ledger OK: 5 events" in verify.stdout


async def test_a_target_with_rows_or_foreign_tables_is_refused(pg_url: str, tmp_path: Path) -> None:
    source = tmp_path / "data" / DATABASE_FILE
    await filled_sqlite(source)
    # The defaults: the configured data_dir's file, the configured database_url.
    env = {"KLARCHAT_DATA_DIR": str(tmp_path / "data"), "KLARCHAT_DATABASE_URL": pg_url}
    assert migrate_store(env=env, cwd=tmp_path).returncode == 0

    again = migrate_store(env=env, cwd=tmp_path)
    assert again.returncode == 2
    assert "refusing to copy into" in again.stderr and "consent_events (4)" in again.stderr
    assert "fills only an empty database" in again.stderr
    conn = await asyncpg.connect(pg_url)
    try:
        assert await conn.fetchval("SELECT COUNT(*) FROM consent_events") == 4
    finally:
        await conn.close()


async def test_a_database_of_another_application_is_left_alone(pg_url: str, tmp_path: Path) -> None:
    source = tmp_path / DATABASE_FILE
    await filled_sqlite(source)
    conn = await asyncpg.connect(pg_url)
    try:
        await conn.execute("CREATE TABLE invoices (id INT)")
        result = migrate_store("--to", pg_url, "--from", str(source), cwd=tmp_path)
        assert result.returncode == 2
        assert "holds tables that are not Klarchat's: invoices" in result.stderr
        tables = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        assert [name for (name,) in tables] == ["invoices"]
    finally:
        await conn.close()


async def test_a_broken_source_chain_fails_the_migration(pg_url: str, tmp_path: Path) -> None:
    source = tmp_path / DATABASE_FILE
    await filled_sqlite(source)
    db = sqlite3.connect(source)
    db.execute("DROP TRIGGER consent_events_append_only_update")
    db.execute("UPDATE consent_events SET action = 'given' WHERE seq = 3")
    db.commit()
    db.close()
    result = migrate_store("--to", pg_url, "--from", str(source), cwd=tmp_path)
    assert result.returncode == 1
    assert "ledger broken in PostgreSQL at seq 3" in result.stderr
    assert "(already broken in SQLite)" in result.stderr
    assert "oversight log OK" in result.stdout


def test_the_command_line_is_checked(tmp_path: Path) -> None:
    no_target = migrate_store("--from", str(tmp_path / "x.sqlite3"), cwd=tmp_path)
    assert no_target.returncode == 2 and "name the target" in no_target.stderr
    not_postgres = migrate_store("--to", "mysql://h/db", cwd=tmp_path)
    assert not_postgres.returncode == 2 and "postgresql://" in not_postgres.stderr
    no_source = migrate_store(
        "--to",
        "postgresql://u:pw@127.0.0.1:1/db",
        "--from",
        str(tmp_path / "x.sqlite3"),
        cwd=tmp_path,
    )
    assert no_source.returncode == 2 and "no SQLite store at" in no_source.stderr
    assert not (tmp_path / "x.sqlite3").exists()
    (tmp_path / "x.sqlite3").touch()
    unreachable = migrate_store(
        "--to",
        "postgresql://u:pw@127.0.0.1:1/db",
        "--from",
        str(tmp_path / "x.sqlite3"),
        cwd=tmp_path,
    )
    assert unreachable.returncode == 2
    assert "cannot copy into postgresql://u:***@127.0.0.1:1/db" in unreachable.stderr
    assert "pw" not in unreachable.stderr


async def test_every_table_is_copied_or_skipped_on_purpose(pg_url: str, tmp_path: Path) -> None:
    """A table added by a later migration must be named in `transfer.py` (both schemas)."""
    store = PostgresStore(pg_url)
    await store.open()
    try:
        tables = {
            name
            for (name,) in await store.pool.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
    finally:
        await store.close()
    assert tables == {*COPIED, *SKIPPED, MIGRATIONS_TABLE}
    sqlite_store = SqliteStore(tmp_path / DATABASE_FILE)
    await sqlite_store.open()
    await sqlite_store.close()
    db = sqlite3.connect(tmp_path / DATABASE_FILE)
    try:
        sqlite_tables = {
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith(("_yoyo", "yoyo"))
        }
    finally:
        db.close()
    assert sqlite_tables == {*COPIED, *SKIPPED}
