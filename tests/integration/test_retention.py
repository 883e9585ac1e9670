"""Storage limitation: `klarchat purge` and the server's periodic purge delete only rows
whose retention is over, on a real SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from klarchat.clock import iso_ms
from klarchat.store.factory import DATABASE_FILE
from klarchat.store.records import AuditRow, MessageRow
from klarchat.store.sqlite import SqliteStore
from tests.support.server import klarchat_command, make_server

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def days_ago(days: float, now: datetime = NOW) -> str:
    return iso_ms(now - timedelta(days=days))


def audit_row(conversation: str, finished_at: str) -> AuditRow:
    return AuditRow(conversation, "m1", "echo", "echo", finished_at, finished_at, {}, "complete")


async def aged_database(data_dir: Path) -> None:
    """Rows on both sides of the default periods (30 days transcript, 180 days audit)."""
    store = SqliteStore(data_dir / DATABASE_FILE)
    await store.open()
    for conversation, age in (("old", 31), ("young", 29)):
        await store.add_message(
            MessageRow(conversation, "user", f"{conversation} text", days_ago(age))
        )
    for conversation, age in (("old", 181), ("young", 100)):
        await store.add_audit(audit_row(conversation, days_ago(age)))
    await store.link_conversation("a" * 64, "old", days_ago(200))
    await store.link_conversation("b" * 64, "young", days_ago(200))
    await store.link_conversation("c" * 64, "just-linked", days_ago(0))
    await store.close()


def purge(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*klarchat_command(), "purge", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=data_dir,
    )


def table(data_dir: Path, sql: str) -> list[tuple[str, ...]]:
    db = sqlite3.connect(data_dir / DATABASE_FILE)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


async def test_purge_deletes_only_what_is_past_retention(tmp_path: Path) -> None:
    await aged_database(tmp_path)

    dry = purge(tmp_path, "--now", NOW.isoformat(), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert (
        "would delete 1 messages (older than 30 days), 1 audit rows (older than 180 days),"
        in dry.stdout
    )
    assert "1 conversation links" in dry.stdout
    assert len(table(tmp_path, "SELECT * FROM messages")) == 2

    result = purge(tmp_path, "--now", "2025-06-01T12:00:00Z")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("purge at 2025-06-01T12:00:00.000Z: deleted 1 messages")
    assert table(tmp_path, "SELECT conversation FROM messages") == [("young",)]
    assert table(tmp_path, "SELECT conversation FROM audit") == [("young",)]
    links = table(tmp_path, "SELECT conversation FROM subject_conversations ORDER BY conversation")
    assert links == [("just-linked",), ("young",)]

    later = purge(tmp_path, "--now", (NOW + timedelta(days=2)).isoformat())
    assert "deleted 1 messages" in later.stdout and "0 audit rows" in later.stdout
    assert table(tmp_path, "SELECT * FROM messages") == []
    assert table(tmp_path, "SELECT conversation FROM audit") == [("young",)]


def test_purge_needs_a_database_and_an_iso_time(tmp_path: Path) -> None:
    missing = purge(tmp_path)
    assert missing.returncode == 1
    assert "no database" in missing.stderr
    bad = purge(tmp_path, "--now", "next tuesday")
    assert bad.returncode == 2
    assert "ISO time" in bad.stderr


def test_retention_keys_are_checked(tmp_path: Path) -> None:
    (tmp_path / "klarchat.toml").write_text("[retention]\ntranscript_day = 7\n", encoding="utf-8")
    result = subprocess.run(
        [*klarchat_command(), "check-config"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "retention.transcript_day: unknown key" in result.stderr


def test_the_server_purges_periodically(tmp_path_factory: pytest.TempPathFactory) -> None:
    server = make_server(
        tmp_path_factory.mktemp("periodic"),
        {"adapter": "echo", "retention": {"transcript_days": 1, "purge_interval_minutes": 0.01}},
    ).start()
    try:
        now = datetime.now(UTC)
        db = sqlite3.connect(server.database)
        db.executemany(
            "INSERT INTO messages (conversation, role, text, at) VALUES (?, 'user', ?, ?)",
            [
                ("old", "expired text", days_ago(2, now)),
                ("young", "recent text", days_ago(0.5, now)),
            ],
        )
        db.execute(
            "INSERT INTO audit (conversation, message_id, adapter, model, started_at, finished_at,"
            " entities, outcome, error_code) VALUES ('old', 'm1', 'echo', 'echo', ?, ?, '{}',"
            " 'complete', '')",
            (days_ago(181, now), days_ago(181, now)),
        )
        db.commit()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 1:
                break
            time.sleep(0.1)
        assert db.execute("SELECT conversation FROM messages").fetchall() == [("young",)]
        assert db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 0
        db.close()
        time.sleep(0.5)
    finally:
        server.stop()
    logs = server.logs()
    assert "retention purge: 1 messages, 1 audit rows, 0 links deleted" in logs
    assert "retention purge: 0 messages, 0 audit rows, 0 links deleted" in logs
    assert "expired text" not in logs and "recent text" not in logs
