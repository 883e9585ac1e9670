"""Data-subject rights: access and portability (GDPR Art. 15, 20) and erasure (Art. 17).

A subject's ledger rows are found by `subject`; its transcript and audit rows through
the conversations linked to it (`Store.link_conversation`), because the conversation id
cannot be computed from the subject. Whoever holds the session token (the widget, or
`klarchat export --token`) also passes the conversation derived from it, which finds
rows that were written before any link existed.

Erasure deletes the transcript, the audit rows and the links, and leaves the ledger
alone, and so does the oversight log (who at the operator's side looked at the
conversation, also chained): its rows hold no content, only the pseudonymous proof of what the visitor was
shown and decided, which the controller must be able to show (Art. 7(1)) and may keep
for that (Art. 17(3)(b), (e)). Rewriting the chain would also destroy the proof of every
later row. The erasure itself is appended to the `erasures` log (subject, time, counts),
outside the hash chain, so `klarchat ledger verify` keeps passing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict
from typing import Any

from klarchat.clock import Clock
from klarchat.store.base import Store
from klarchat.store.records import ErasureRow


async def is_known(store: Store, subject: str) -> bool:
    """Whether anything was ever recorded for the subject (a typo finds nothing)."""
    return bool(await store.consent_events_of(subject) or await store.conversations_of(subject))


async def export(
    store: Store, clock: Clock, subject: str, conversations: Collection[str] = ()
) -> dict[str, Any]:
    """Everything held about the subject, as one JSON-ready document."""
    events = await store.consent_events_of(subject)
    texts = await store.consent_texts({event.text_sha256 for event in events})
    transcript, audit = [], []
    for conversation in await _conversations(store, subject, conversations):
        transcript += [asdict(row) for row in await store.messages(conversation)]
        audit += [asdict(row) for row in await store.audit_rows(conversation)]
    return {
        "subject": subject,
        "exported_at": clock.now_ms(),
        "consent_events": [
            {**asdict(event), "text": texts.get(event.text_sha256)} for event in events
        ],
        "transcript": transcript,
        "audit": audit,
        "erasures": [
            {"at": row.at, "messages": row.messages, "audit": row.audit, "links": row.links}
            for row in await store.erasures_of(subject)
        ],
        # Who at the operator's side read or acted on the conversation (Art. 15(1)(c)).
        "viewed_by": [
            {
                "at": row.at,
                "operator": row.operator_name,
                "action": row.action,
                "entity_type": row.entity_type or None,
                "reason": row.reason or None,
            }
            for row in await store.oversight_of(subject)
        ],
    }


async def erase(
    store: Store, clock: Clock, subject: str, conversations: Collection[str] = ()
) -> ErasureRow:
    """Delete transcript, audit rows and links in one transaction, then log the erasure."""
    erasure = await store.erase_subject(subject, conversations, clock.now_ms())
    # With secure_delete the rows are overwritten; the checkpoint moves those pages
    # out of the write-ahead log into the file, so no copy of the old text remains.
    await store.checkpoint()
    return erasure


async def _conversations(store: Store, subject: str, extra: Collection[str]) -> list[str]:
    return list(dict.fromkeys([*await store.conversations_of(subject), *extra]))
