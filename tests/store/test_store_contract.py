"""What every `Store` method promises, checked on SQLite and on PostgreSQL alike (the
`store` fixture runs each test once per backend)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest

from klarchat.consent.ledger import Ledger
from klarchat.consent.state import Action
from klarchat.store.base import GENESIS_HASH, ChainHead, Store
from klarchat.store.records import (
    ConsentEventRow,
    ErasureRow,
    MessageRow,
    MetricsRow,
    OperatorRow,
    OperatorSessionRow,
    PurgeCounts,
)
from tests.store.builders import (
    POLICY,
    SUBJECT,
    audit_row,
    event,
    line,
    live_session,
    oversight_log,
    record_consent,
)

OTHER = "b" * 64


async def test_open_twice_is_harmless(store: Store, make_store: Callable[[], Store]) -> None:
    """A second instance opening the same database finds the schema and migrates nothing."""
    await record_consent(Ledger(store))
    second = make_store()
    await second.open()
    try:
        assert [row.seq async for row in second.consent_events()] == [1]
    finally:
        await second.close()


async def test_consent_texts_are_kept_once_per_hash(store: Store) -> None:
    await store.save_consent_text(
        "h1", "ai_chat", "de", "v1", "Erster Text", "2025-01-01T00:00:00.000Z"
    )
    await store.save_consent_text("h1", "ai_chat", "de", "v1", "anders", "2025-02-01T00:00:00.000Z")
    await store.save_consent_text(
        "h2", "transcript", "en", "v1", "Second", "2025-01-01T00:00:00.000Z"
    )
    assert await store.consent_texts(["h1", "h2", "h1", "missing"]) == {
        "h1": "Erster Text",
        "h2": "Second",
    }
    assert await store.consent_texts([]) == {}


async def test_the_chain_head_is_handed_to_build(store: Store) -> None:
    heads: list[ChainHead] = []

    def build(head: ChainHead) -> ConsentEventRow:
        heads.append(head)
        return event(head)

    first = await store.append_consent_event(build)
    second = await store.append_consent_event(build)
    assert heads == [(0, GENESIS_HASH), (1, first.hash)]
    assert (first.seq, second.seq, second.prev_hash) == (1, 2, first.hash)
    assert [row async for row in store.consent_events()] == [first, second]


async def test_a_failing_build_appends_nothing(store: Store) -> None:
    def build(head: ChainHead) -> ConsentEventRow:
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        await store.append_consent_event(build)
    assert [row async for row in store.consent_events()] == []
    assert (await record_consent(Ledger(store))).seq == 1


async def test_rows_come_back_exactly_as_written(store: Store) -> None:
    with_variant = await store.append_consent_event(lambda head: event(head, variant="short"))
    plain = await store.append_consent_event(lambda head: event(head, origin="", lang="en"))
    assert [row async for row in store.consent_events()] == [with_variant, plain]
    assert (with_variant.variant, plain.variant) == ("short", None)


async def test_consent_queries_by_subject_and_event_id(store: Store) -> None:
    ledger = Ledger(store)
    given = await record_consent(ledger, SUBJECT, Action.GIVEN)
    await record_consent(ledger, OTHER, Action.GIVEN)
    withdrawn = await record_consent(ledger, SUBJECT, Action.WITHDRAWN)
    transcript = await record_consent(ledger, SUBJECT, Action.DECLINED, purpose="transcript")
    latest = await store.latest_consent(SUBJECT)
    assert latest == {"ai_chat": withdrawn, "transcript": transcript}
    assert await store.latest_consent("c" * 64) == {}
    assert [r.seq for r in await store.consent_events_of(SUBJECT)] == [1, 3, 4]
    assert await store.subjects_of_event(given.event_id[:8]) == [SUBJECT]
    assert await store.subjects_of_event(given.event_id) == [SUBJECT]
    assert await store.subjects_of_event("ffffffff-no") == []
    assert await store.subjects_of_event("") == [SUBJECT, OTHER]


async def test_messages_in_order_and_their_deletion(store: Store) -> None:
    rows = [
        MessageRow("c1", "user", "Hallo <PERSON_1>", "2025-01-01T00:00:02.000Z"),
        MessageRow("c1", "assistant", "Guten Tag", "2025-01-01T00:00:01.000Z"),
        MessageRow("c1", "assistant", "Ich bin Eva", "2025-01-01T00:00:03.000Z", author="Eva"),
        MessageRow("c2", "user", "other", "2025-01-01T00:00:00.000Z"),
    ]
    for row in rows:
        await store.add_message(row)
    assert await store.messages("c1") == rows[:3]
    assert await store.delete_messages("c1") == 3
    assert await store.delete_messages("c1") == 0
    assert await store.messages("c1") == []
    assert await store.messages("c2") == rows[3:]


async def test_audit_rows_keep_their_entity_counts(store: Store) -> None:
    rows = [
        audit_row("c1", "2025-01-01T00:00:01.000Z", {"PERSON": 2, "EMAIL_ADDRESS": 1}),
        replace(audit_row("c1", "2025-01-01T00:00:00.000Z", {}), outcome="error", error_code="x"),
        audit_row("c2", "2025-01-01T00:00:00.000Z", {}),
    ]
    for row in rows:
        await store.add_audit(row)
    assert await store.audit_rows("c1") == rows[:2]
    assert await store.audit_rows("none") == []


async def test_links_are_idempotent_and_ordered_by_time_then_bytes(store: Store) -> None:
    at = "2025-01-01T00:00:00.000Z"
    for conversation in ("b", "a", "B", "_"):
        await store.link_conversation(SUBJECT, conversation, at)
    await store.link_conversation(SUBJECT, "a", "2020-01-01T00:00:00.000Z")
    await store.link_conversation(SUBJECT, "early", "2024-01-01T00:00:00.000Z")
    await store.link_conversation(OTHER, "z", at)
    assert await store.conversations_of(SUBJECT) == ["early", "B", "_", "a", "b"]
    assert await store.conversations_of("c" * 64) == []


async def test_erasure_removes_what_the_subject_left_and_logs_it(store: Store) -> None:
    at = "2025-01-01T00:00:00.000Z"
    await store.link_conversation(SUBJECT, "linked", at)
    await store.link_conversation(OTHER, "kept", at)
    for conversation in ("linked", "linked", "by-token", "kept"):
        await store.add_message(MessageRow(conversation, "user", "text", at))
    for conversation in ("linked", "by-token", "kept"):
        await store.add_audit(audit_row(conversation, at, {}))
    for conversation in ("by-token", "kept"):
        await store.add_live_session(live_session(conversation))
        await store.append_line(line(conversation))
    event_before = await record_consent(Ledger(store), SUBJECT)

    erased = await store.erase_subject(SUBJECT, ["by-token"], "2025-02-01T00:00:00.000Z")
    assert erased == ErasureRow(SUBJECT, "2025-02-01T00:00:00.000Z", 3, 2, 1)
    assert await store.erasures_of(SUBJECT) == [erased]
    assert await store.messages("linked") == [] and await store.messages("by-token") == []
    assert await store.audit_rows("by-token") == []
    assert await store.conversations_of(SUBJECT) == []
    # The live session stays (a chat still open goes on), without lines and with no vault.
    session = await store.live_session("by-token")
    assert session is not None
    assert (session.vault, session.vault_version, session.last_seq) == (b"", 2, 1)
    assert await store.lines("by-token") == []
    # Nobody else's rows, and never the ledger.
    assert len(await store.messages("kept")) == 1 and len(await store.audit_rows("kept")) == 1
    assert len(await store.lines("kept")) == 1
    assert (await store.live_session("kept")).vault == b"sealed"  # type: ignore[union-attr]
    assert await store.conversations_of(OTHER) == ["kept"]
    assert [row async for row in store.consent_events()] == [event_before]

    again = await store.erase_subject(SUBJECT, [], "2025-03-01T00:00:00.000Z")
    assert again == ErasureRow(SUBJECT, "2025-03-01T00:00:00.000Z", 0, 0, 0)
    assert await store.erasures_of(SUBJECT) == [erased, again]
    assert await store.erasures_of(OTHER) == []


async def test_purge_deletes_by_age_and_dry_run_only_counts(store: Store) -> None:
    await store.add_message(MessageRow("old", "user", "x", "2025-01-01T00:00:00.000Z"))
    await store.add_message(MessageRow("young", "user", "x", "2025-03-01T00:00:00.000Z"))
    await store.add_audit(audit_row("old", "2024-06-01T00:00:00.000Z", {}))
    await store.add_audit(audit_row("young", "2025-03-01T00:00:00.000Z", {}))
    await store.link_conversation("s1", "old", "2024-01-01T00:00:00.000Z")
    await store.link_conversation("s2", "young", "2024-01-01T00:00:00.000Z")
    await store.link_conversation("s3", "empty-but-new", "2025-03-01T00:00:00.000Z")
    cutoffs = {
        "messages_before": "2025-02-01T00:00:00.000Z",
        "audit_before": "2025-01-01T00:00:00.000Z",
        "links_before": "2025-02-01T00:00:00.000Z",
    }
    assert await store.purge(**cutoffs, dry_run=True) == PurgeCounts(1, 1, 1)
    assert len(await store.messages("old")) == 1 and len(await store.audit_rows("old")) == 1
    assert await store.conversations_of("s1") == ["old"]
    assert await store.purge(**cutoffs) == PurgeCounts(1, 1, 1)
    assert await store.messages("old") == [] and await store.audit_rows("old") == []
    assert await store.conversations_of("s1") == []
    assert await store.conversations_of("s2") == ["young"]
    assert await store.conversations_of("s3") == ["empty-but-new"]
    assert await store.purge(**cutoffs) == PurgeCounts(0, 0, 0)


async def test_checkpoint_keeps_everything(store: Store) -> None:
    row = await record_consent(Ledger(store))
    await store.checkpoint()
    assert [r async for r in store.consent_events()] == [row]


async def test_metrics_count_per_version_and_variant(store: Store) -> None:
    for version, variant, counter in (
        ("v2", "", "opened"),
        ("v1", "short", "opened"),
        ("v1", "short", "consented"),
        ("v1", "short", "opened"),
        ("v1", "", "withdrew"),
        ("V1", "", "declined"),
    ):
        await store.count_metric(version, variant, counter)
    assert await store.metrics() == [
        MetricsRow("V1", "", 0, 0, 1, 0, 0),
        MetricsRow("v1", "", 0, 0, 0, 0, 1),
        MetricsRow("v1", "short", 2, 1, 0, 0, 0),
        MetricsRow("v2", "", 1, 0, 0, 0, 0),
    ]
    with pytest.raises(ValueError, match="unknown metric counter"):
        await store.count_metric("v1", "", "opened; DROP TABLE audit")


async def test_operator_accounts(store: Store) -> None:
    eva = OperatorRow("eva", "Eva", "operator", "hash-1", "2025-01-01T00:00:00.000Z")
    assert await store.add_operator(eva)
    assert not await store.add_operator(replace(eva, display_name="Other Eva"))
    assert await store.operator("eva") == eva
    assert await store.operator("nobody") is None
    assert await store.set_operator_password("eva", "hash-2")
    assert not await store.set_operator_password("nobody", "hash-2")
    assert (await store.operator("eva")).password_hash == "hash-2"  # type: ignore[union-attr]
    await store.add_operator_session(OperatorSessionRow("t1", "eva", "csrf", 1000, 1000))
    await store.set_willing("eva", True)
    assert await store.delete_operator("eva")
    assert not await store.delete_operator("eva")
    assert await store.operator("eva") is None
    assert await store.operator_session("t1") is None
    assert not await store.is_willing("eva")


async def test_operator_sessions(store: Store) -> None:
    await store.add_operator(OperatorRow("eva", "Eva", "admin", "h", "2025-01-01T00:00:00.000Z"))
    sessions = [
        OperatorSessionRow(f"t{i}", "eva", f"csrf{i}", 1000 * i, 1000 * i) for i in (1, 2, 3)
    ]
    for session in sessions:
        await store.add_operator_session(session)
    assert await store.operator_session("t2") == sessions[1]
    assert await store.operator_session("none") is None
    await store.touch_operator_session("t1", 5000)
    assert (await store.operator_session("t1")).seen_at_ms == 5000  # type: ignore[union-attr]
    assert await store.delete_operator_sessions(token_sha256="t3") == 1
    assert await store.delete_operator_sessions(token_sha256="t3") == 0
    assert await store.delete_operator_sessions(before_ms=2500) == 1  # t2; t1 was touched
    assert await store.operator_session("t1") is not None
    assert await store.delete_operator_sessions() == 0


async def test_the_oversight_chain(store: Store) -> None:
    log = oversight_log(store)
    rows = [
        await log.record(
            operator="eva",
            operator_name="Eva",
            action=action,
            conversation="c1",
            subject=subject,
            reason="asked",
        )
        for action, subject in (("view", SUBJECT), ("claim", OTHER), ("reveal", SUBJECT))
    ]
    assert [(r.seq, r.prev_hash) for r in rows] == [
        (1, GENESIS_HASH),
        (2, rows[0].hash),
        (3, rows[1].hash),
    ]
    assert [r async for r in store.oversight_events()] == rows
    assert await store.oversight_of(SUBJECT) == [rows[0], rows[2]]
    assert await store.recent_oversight(2) == [rows[2], rows[1]]
    assert (await log.verify()).ok


async def test_live_sessions_round_trip(store: Store) -> None:
    first = live_session("c1", created_ms=2000, seen_ms=2000)
    second = replace(
        live_session("c2", created_ms=1000, seen_ms=3000),
        variant="short",
        handoff_state="human",
        operator="eva",
        operator_name="Eva",
        waiting_since_ms=900,
        staff_key=b"\x01\x02",
        entities={"PERSON": 1},
    )
    await store.add_live_session(first)
    await store.add_live_session(second)
    assert await store.live_session("c1") == first
    assert await store.live_session("c2") == second
    assert await store.live_session("none") is None
    assert await store.live_sessions(0) == [second, first]
    assert await store.live_sessions(2500) == [second]
    await store.touch_live_session("c1", 4000)
    await store.touch_live_session("c1", 3500)  # an older heartbeat never moves it back
    assert (await store.live_session("c1")).seen_ms == 4000  # type: ignore[union-attr]
    await store.set_staff_key("c1", b"key")
    assert (await store.live_session("c1")).staff_key == b"key"  # type: ignore[union-attr]
    await store.set_staff_key("c1", None)
    assert (await store.live_session("c1")).staff_key is None  # type: ignore[union-attr]


async def test_vault_compare_and_set(store: Store) -> None:
    await store.add_live_session(live_session("c1"))
    assert await store.save_vault("c1", b"v2", expected_version=1)
    assert not await store.save_vault("c1", b"stale", expected_version=1)
    assert not await store.save_vault("none", b"x", expected_version=1)
    session = await store.live_session("c1")
    assert session is not None and (session.vault, session.vault_version) == (b"v2", 2)


async def test_handoff_compare_and_set(store: Store) -> None:
    await store.add_live_session(live_session("c1"))
    assert await store.set_handoff("c1", ("waiting", None, None, 500), from_states={"ai"})
    assert not await store.set_handoff("c1", ("waiting", None, None, 600), from_states={"ai"})
    claim = ("human", "eva", "Eva", None)
    assert await store.set_handoff("c1", claim, from_states={"waiting", "consent"})
    assert not await store.set_handoff("c1", ("human", "max", "Max", None), from_states=["waiting"])
    assert not await store.set_handoff("none", claim, from_states={"ai", "waiting"})
    session = await store.live_session("c1")
    assert session is not None
    assert (session.handoff_state, session.operator, session.operator_name) == (
        "human",
        "eva",
        "Eva",
    )
    assert session.waiting_since_ms is None


async def test_lines_are_numbered_per_conversation(store: Store) -> None:
    await store.add_live_session(live_session("c1"))
    await store.add_live_session(live_session("c2"))
    seqs = [
        await store.append_line(line("c1", at="2025-01-01T00:00:01.000Z"), {"PERSON": 1}),
        await store.append_line(line("c2")),
        await store.append_line(
            line("c1", at="2025-01-01T00:00:05.000Z", role="assistant"), {"PERSON": 2, "IBAN": 1}
        ),
        await store.append_line(line("c1", at="2025-01-01T00:00:06.000Z"), {}),
    ]
    assert seqs == [1, 1, 2, 3]
    lines = await store.lines("c1")
    assert [(x.seq, x.role, x.sealed) for x in lines] == [
        (1, "user", b"\x00sealed\xff"),
        (2, "assistant", b"\x00sealed\xff"),
        (3, "user", b"\x00sealed\xff"),
    ]
    assert [x.seq for x in await store.lines("c1", after_seq=2)] == [3]
    session = await store.live_session("c1")
    assert session is not None
    assert (session.last_seq, session.entities) == (3, {"PERSON": 3, "IBAN": 1})
    assert session.last_activity_at == "2025-01-01T00:00:06.000Z"
    with pytest.raises(LookupError):
        await store.append_line(line("none"))


async def test_forgetting_a_chat_keeps_the_numbering(store: Store) -> None:
    await store.add_live_session(live_session("c1"))
    await store.append_line(line("c1"))
    await store.append_line(line("c1"))
    await store.forget_live_chat("c1", b"empty")
    assert await store.lines("c1") == []
    session = await store.live_session("c1")
    assert session is not None and (session.vault, session.vault_version) == (b"empty", 2)
    assert await store.append_line(line("c1")) == 3


async def test_ending_sessions_takes_their_lines(store: Store) -> None:
    sessions = {
        "idle": live_session("idle", created_ms=5000, seen_ms=1000),
        "old": live_session("old", created_ms=100, seen_ms=9000),
        "live": live_session("live", created_ms=5000, seen_ms=9000),
    }
    for session in sessions.values():
        await store.add_live_session(session)
        await store.append_line(line(session.conversation))
    ended = await store.end_live_sessions(seen_before_ms=2000, created_before_ms=200)
    assert sorted(s.conversation for s in ended) == ["idle", "old"]
    assert ended[0].last_seq == 1
    assert await store.live_session("idle") is None and await store.lines("idle") == []
    assert [s.conversation for s in await store.live_sessions(0)] == ["live"]
    assert len(await store.lines("live")) == 1


async def test_operator_presence(store: Store) -> None:
    for name in ("max", "eva", "Zoe", "ann"):
        await store.add_operator(
            OperatorRow(name, name, "operator", "h", "2025-01-01T00:00:00.000Z")
        )
    assert not await store.is_willing("eva")
    for name in ("max", "eva", "Zoe", "ann"):
        await store.set_willing(name, True)
    await store.set_willing("ann", False)
    assert await store.is_willing("eva") and not await store.is_willing("ann")
    await store.stream_seen("eva", "i1", 1000)
    await store.stream_seen("eva", "i2", 5000)  # two consoles: named once
    await store.stream_seen("max", "i1", 1000)
    await store.stream_seen("max", "i1", 6000)  # a heartbeat moves it on
    await store.stream_seen("Zoe", "i1", 7000)
    await store.stream_seen("ann", "i1", 9000)  # not willing
    assert await store.available_operators(4000) == ["Zoe", "eva", "max"]
    await store.stream_gone("eva", "i2")
    assert await store.available_operators(4000) == ["Zoe", "max"]
    assert await store.available_operators(0) == ["Zoe", "eva", "max"]
    await store.set_willing("max", False)
    assert await store.available_operators(0) == ["Zoe", "eva"]


async def test_concurrent_appends_form_one_unbroken_chain(store: Store) -> None:
    """Moved from tests/unit/test_ledger_chain.py, now on both backends."""
    ledger = Ledger(store)

    async def decide(index: int) -> None:
        await ledger.record(
            subject=f"{index:064x}",
            action=Action.GIVEN if index % 2 else Action.DECLINED,
            shown=POLICY.shown("ai_chat", "de" if index % 3 else "en"),
            policy_version=POLICY.version,
            origin="https://shop.example",
        )

    await asyncio.gather(*(decide(i) for i in range(40)))
    rows = [row async for row in store.consent_events()]
    assert [row.seq for row in rows] == list(range(1, 41))
    assert rows[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    assert [row.at for row in rows] == sorted(row.at for row in rows)
    assert (await ledger.verify()).ok
    latest = await store.latest_consent(f"{3:064x}")
    assert latest["ai_chat"].action == "given"


async def test_chain_walks_cross_page_boundaries(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PostgreSQL store reads a chain in pages; SQLite in one cursor."""
    monkeypatch.setattr("klarchat.store.postgres.CHAIN_PAGE", 3)
    ledger, log = Ledger(store), oversight_log(store)
    for _ in range(7):
        await record_consent(ledger)
        await log.record(
            operator="eva", operator_name="Eva", action="view", conversation="c", subject=SUBJECT
        )
    assert [r.seq async for r in store.consent_events()] == list(range(1, 8))
    assert (await ledger.verify()).ok and (await log.verify()).ok


async def test_two_instances_claim_at_once_and_exactly_one_wins(
    store: Store, make_store: Callable[[], Store]
) -> None:
    other = make_store()
    await other.open()
    try:
        for round_ in range(20):
            conversation = f"c{round_}"
            await store.add_live_session(
                replace(live_session(conversation), handoff_state="waiting")
            )
            won = await asyncio.gather(
                store.set_handoff(
                    conversation, ("human", "eva", "Eva", None), from_states={"waiting"}
                ),
                other.set_handoff(
                    conversation, ("human", "max", "Max", None), from_states={"waiting"}
                ),
            )
            assert sorted(won) == [False, True]
            session = await other.live_session(conversation)
            assert session is not None
            assert session.operator == ("eva" if won[0] else "max")
    finally:
        await other.close()


async def test_instances_appending_lines_get_consecutive_numbers(
    store: Store, make_store: Callable[[], Store]
) -> None:
    others = [make_store() for _ in range(2)]
    for other in others:
        await other.open()
    try:
        await store.add_live_session(live_session("c1"))
        instances = [store, *others]
        seqs = await asyncio.gather(
            *(instances[i % 3].append_line(line("c1"), {"PERSON": 1}) for i in range(30))
        )
        assert sorted(seqs) == list(range(1, 31))
        assert [x.seq for x in await store.lines("c1")] == list(range(1, 31))
        session = await others[0].live_session("c1")
        assert session is not None and (session.last_seq, session.entities) == (30, {"PERSON": 30})
    finally:
        for other in others:
            await other.close()


async def test_instances_appending_consent_form_one_chain(
    store: Store, make_store: Callable[[], Store]
) -> None:
    other = make_store()
    await other.open()
    try:
        ledgers = [Ledger(store), Ledger(other)]
        await asyncio.gather(*(record_consent(ledgers[i % 2]) for i in range(40)))
        rows = [row async for row in other.consent_events()]
        assert [row.seq for row in rows] == list(range(1, 41))
        assert (await ledgers[0].verify()).ok
    finally:
        await other.close()
