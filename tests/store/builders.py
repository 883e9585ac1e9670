"""Rows and records for the store tests, built the way the server builds them."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from klarchat.clock import Clock
from klarchat.config import Consent
from klarchat.consent.ledger import Ledger, event_hash
from klarchat.consent.policy import Policy
from klarchat.consent.state import Action
from klarchat.oversight import OversightLog
from klarchat.store.base import ChainHead, Store
from klarchat.store.records import AuditRow, ConsentEventRow, LineRow, LiveSessionRow

POLICY = Policy(Consent(), ["de", "en"])
SUBJECT = "a" * 64
AT = "2025-01-01T00:00:00.000Z"


async def record_consent(
    ledger: Ledger,
    subject: str = SUBJECT,
    action: Action = Action.GIVEN,
    purpose: str = "ai_chat",
) -> ConsentEventRow:
    return await ledger.record(
        subject=subject,
        action=action,
        shown=POLICY.shown(purpose, "de"),
        policy_version=POLICY.version,
        origin="https://shop.example",
    )


def event(head: ChainHead, **fields: Any) -> ConsentEventRow:
    """The row after `head`, hashed as the ledger does."""
    seq, prev_hash = head
    unsigned = ConsentEventRow(
        seq=seq + 1,
        event_id=str(uuid.uuid4()),
        subject=SUBJECT,
        purpose="ai_chat",
        action="given",
        policy_version=POLICY.version,
        text_sha256="b" * 64,
        lang="de",
        origin="https://shop.example",
        at=AT,
        prev_hash=prev_hash,
        hash="",
    )
    unsigned = replace(unsigned, **fields)
    return replace(unsigned, hash=event_hash(unsigned))


def oversight_log(store: Store) -> OversightLog:
    return OversightLog(store, Clock())


def audit_row(conversation: str, finished_at: str, entities: dict[str, int]) -> AuditRow:
    return AuditRow(
        conversation, "m1", "echo", "echo", finished_at, finished_at, entities, "complete"
    )


def live_session(
    conversation: str, *, created_ms: int = 1000, seen_ms: int = 1000
) -> LiveSessionRow:
    return LiveSessionRow(
        conversation=conversation,
        subject=SUBJECT,
        lang="de",
        variant=None,
        created_ms=created_ms,
        seen_ms=seen_ms,
        started_at=AT,
        last_activity_at=AT,
        entities={},
        handoff_state="ai",
        operator=None,
        operator_name=None,
        waiting_since_ms=None,
        vault=b"sealed",
        vault_version=1,
        staff_key=None,
        last_seq=0,
    )


def line(conversation: str, at: str = "2025-01-01T00:00:01.000Z", role: str = "user") -> LineRow:
    """A line to append: the store numbers it, so its seq is 0."""
    return LineRow(conversation, 0, role, "", at, b"\x00sealed\xff")
