"""The `variant` column: rows without one hash exactly as before it existed, rows with one
include it, and a ledger written before migration 0003 still verifies after it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, replace
from importlib.resources import files
from pathlib import Path

from yoyo import get_backend, read_migrations

from klarchat.config import Settings
from klarchat.consent.ledger import Ledger, event_hash
from klarchat.consent.policy import Policy
from klarchat.consent.state import Action
from klarchat.store.base import GENESIS_HASH
from klarchat.store.records import ConsentEventRow
from klarchat.store.sqlite import SqliteStore

ROW = ConsentEventRow(
    seq=1,
    event_id="00000000-0000-4000-8000-000000000001",
    subject="a" * 64,
    purpose="ai_chat",
    action="given",
    policy_version="0123456789abcdef",
    text_sha256="b" * 64,
    lang="de",
    origin="https://shop.example",
    at="2025-01-01T00:00:00.000Z",
    prev_hash=GENESIS_HASH,
    hash="",
)


def hash_before_variants(row: ConsentEventRow) -> str:
    """The hash as the ledger computed it before the variant column existed."""
    fields = {k: v for k, v in asdict(row).items() if k not in ("hash", "prev_hash", "variant")}
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(row.prev_hash.encode() + canonical.encode()).hexdigest()


def test_a_row_without_variant_hashes_as_before() -> None:
    assert event_hash(ROW) == hash_before_variants(ROW)


def test_a_row_with_variant_hashes_it() -> None:
    with_variant = replace(ROW, variant="short")
    assert event_hash(with_variant) != event_hash(ROW)
    assert event_hash(with_variant) != event_hash(replace(ROW, variant="long"))
    assert event_hash(replace(ROW, variant="")) != event_hash(ROW)


def apply_migrations_up_to(path: Path, last: str) -> None:
    backend = get_backend(f"sqlite:///{path}")
    migrations = read_migrations(str(files("klarchat.store") / "migrations" / "sqlite"))
    wanted = [m for m in migrations if m.id <= last]
    with backend.lock():
        backend.apply_migrations(backend.to_apply(migrations.__class__(wanted)))
    backend.connection.close()


async def test_a_ledger_from_before_the_migration_still_verifies(tmp_path: Path) -> None:
    path = tmp_path / "klarchat.sqlite3"
    apply_migrations_up_to(path, "0002_subject_conversations")
    old = sqlite3.connect(path)
    assert "variant" not in {c[1] for c in old.execute("PRAGMA table_info(consent_events)")}
    prev = GENESIS_HASH
    for seq in (1, 2):
        row = replace(ROW, seq=seq, event_id=f"event-{seq}", prev_hash=prev)
        row = replace(row, hash=hash_before_variants(row))
        old.execute(
            "INSERT INTO consent_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            tuple(asdict(row).values())[:12],
        )
        prev = row.hash
    old.commit()
    old.close()

    store = SqliteStore(path)
    await store.open()  # applies 0003
    ledger = Ledger(store)
    assert (await ledger.verify()).ok
    policy = Policy.from_settings(Settings())
    for variant in (None, "short"):
        await ledger.record(
            subject="c" * 64,
            action=Action.GIVEN,
            shown=policy.shown("ai_chat", "en"),
            policy_version=policy.version,
            origin="",
            variant=variant,
        )
    rows = [row async for row in store.consent_events()]
    assert [row.variant for row in rows] == [None, None, None, "short"]
    assert (await ledger.verify()).ok
    await store.close()

    # Setting a variant on an old row, or removing one from a new row, is caught.
    for name, statement, bad_seq in (
        ("added", "UPDATE consent_events SET variant = 'short' WHERE seq = 2", 2),
        ("removed", "UPDATE consent_events SET variant = NULL WHERE seq = 4", 4),
    ):
        copy = tmp_path / f"{name}.sqlite3"
        copy.write_bytes(path.read_bytes())
        db = sqlite3.connect(copy)
        db.execute("DROP TRIGGER consent_events_append_only_update")
        db.execute(statement)
        db.commit()
        db.close()
        store = SqliteStore(copy)
        await store.open()
        result = await Ledger(store).verify()
        await store.close()
        assert (result.ok, result.bad_seq) == (False, bad_seq)


def test_policy_versions_are_unchanged_by_the_new_settings() -> None:
    """`max_age_days` and `variants` are not wording: they leave the version alone."""
    plain = Policy.from_settings(Settings())
    tuned = Policy.from_settings(
        Settings(consent={"max_age_days": 30, "variants": {"x": {"weight": 2}}})
    )
    assert plain.version == tuned.version
