"""The commands that read or change stored data, against PostgreSQL (`KLARCHAT_DATABASE_URL`):
they find the store the server created, never create one, and name it without a password."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from klarchat.consent.ledger import Ledger
from klarchat.consent.state import Action
from klarchat.store.postgres import PostgresStore
from klarchat.store.records import MessageRow
from tests.store.builders import SUBJECT, audit_row, record_consent
from tests.support.server import klarchat_command


def klarchat(url: str, cwd: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*klarchat_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "KLARCHAT_DATABASE_URL": url},
    )


async def test_commands_need_the_schema_and_never_create_it(pg_url: str, tmp_path: Path) -> None:
    for args in (["ledger", "verify"], ["metrics"], ["purge"], ["export", "--subject", SUBJECT]):
        result = klarchat(pg_url, tmp_path, *args)
        assert result.returncode == 1, (args, result.stderr)
        assert f"at {pg_url}" in result.stderr
    store = PostgresStore(pg_url)
    await store.open()  # the schema is there now, but still no ledger row
    await store.close()
    assert klarchat(pg_url, tmp_path, "ledger", "verify").returncode == 0
    assert list(tmp_path.iterdir()) == []


async def test_export_erase_purge_and_accounts_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    store = PostgresStore(pg_url)
    await store.open()
    given = await record_consent(Ledger(store), SUBJECT, Action.GIVEN)
    await store.link_conversation(SUBJECT, "c1", "2025-01-01T00:00:00.000Z")
    await store.add_message(MessageRow("c1", "user", "Hallo", "2025-01-01T00:00:00.000Z"))
    await store.add_audit(audit_row("c1", "2025-01-01T00:00:00.000Z", {}))
    await store.add_message(MessageRow("old", "user", "alt", "2020-01-01T00:00:00.000Z"))
    await store.close()

    exported = klarchat(pg_url, tmp_path, "export", "--subject", given.event_id[:8])
    assert exported.returncode == 0, exported.stderr
    assert '"Hallo"' in exported.stdout and given.event_id in exported.stdout

    purged = klarchat(pg_url, tmp_path, "purge", "--now", "2025-01-15T00:00:00Z")
    assert purged.returncode == 0, purged.stderr
    assert "deleted 1 messages" in purged.stdout and "0 audit rows" in purged.stdout

    erased = klarchat(pg_url, tmp_path, "erase", "--subject", SUBJECT)
    assert erased.returncode == 0, erased.stderr
    assert "1 messages, 1 audit rows, 1 conversation links deleted" in erased.stdout

    created = klarchat(
        pg_url, tmp_path, "admin", "create-user", "eva", stdin="correct horse battery staple\n"
    )
    assert created.returncode == 0, created.stderr
    metrics = klarchat(pg_url, tmp_path, "metrics", "--json")
    assert metrics.returncode == 0 and '"metrics": []' in metrics.stdout

    store = PostgresStore(pg_url)
    await store.open()
    try:
        assert await store.messages("c1") == [] and await store.messages("old") == []
        assert [e.messages for e in await store.erasures_of(SUBJECT)] == [1]
        assert (await store.operator("eva")) is not None
        assert [row async for row in store.consent_events()] == [given]
    finally:
        await store.close()
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_database_is_a_configuration_error(tmp_path: Path) -> None:
    result = klarchat("postgresql://klarchat:secret@127.0.0.1:1/db", tmp_path, "ledger", "verify")
    assert result.returncode == 2
    assert "cannot open postgresql://klarchat:***@127.0.0.1:1/db" in result.stderr
    assert "secret" not in result.stderr
