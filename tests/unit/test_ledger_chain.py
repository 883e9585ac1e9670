"""The hash chain on a real SQLite file, including concurrent appends."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

from klarchat.config import Consent
from klarchat.consent.ledger import Ledger, event_hash
from klarchat.consent.policy import Policy
from klarchat.consent.state import Action
from klarchat.store.base import GENESIS_HASH
from klarchat.store.sqlite import SqliteStore


async def test_concurrent_appends_form_one_unbroken_chain(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "ledger.sqlite3")
    await store.open()
    policy = Policy(Consent(), ["de", "en"])
    ledger = Ledger(store)

    async def decide(index: int) -> None:
        await ledger.record(
            subject=f"{index:064x}",
            action=Action.GIVEN if index % 2 else Action.DECLINED,
            shown=policy.shown("ai_chat", "de" if index % 3 else "en"),
            policy_version=policy.version,
            origin="https://shop.example",
        )

    await asyncio.gather(*(decide(i) for i in range(40)))
    rows = [row async for row in store.consent_events()]
    assert [row.seq for row in rows] == list(range(1, 41))
    assert rows[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    assert all(event_hash(row) == row.hash for row in rows)
    assert (await ledger.verify()).ok
    latest = await store.latest_consent(f"{3:064x}")
    assert latest["ai_chat"].action == "given"
    await store.close()


def test_policy_version_changes_with_any_word() -> None:
    base = Consent()
    edited = base.model_copy(deep=True)
    edited.purposes["transcript"].text["en"] += " "
    assert Policy(base, ["de", "en"]).version != Policy(edited, ["de", "en"]).version
    assert Policy(base, ["de", "en"]).version == Policy(Consent(), ["de", "en"]).version
