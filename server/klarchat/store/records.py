"""Rows as the storage layer hands them over, independent of the database engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ConsentEventRow:
    seq: int
    event_id: str
    subject: str
    purpose: str
    action: str
    policy_version: str
    text_sha256: str
    lang: str
    origin: str
    at: str
    prev_hash: str
    hash: str
    variant: str | None = None
    """The A/B wording variant shown (`consent.variants`); None, and then left out of
    the hash, for rows without one, so rows written before variants existed still verify."""


@dataclass(frozen=True, slots=True)
class MessageRow:
    conversation: str
    role: str
    text: str
    at: str
    author: str | None = None
    """The display name of the person at the console who wrote it; None for the visitor
    and the AI."""


@dataclass(frozen=True, slots=True)
class AuditRow:
    conversation: str
    message_id: str
    adapter: str
    model: str
    started_at: str
    finished_at: str
    entities: dict[str, int]
    outcome: str
    error_code: str = ""


@dataclass(frozen=True, slots=True)
class ErasureRow:
    """That an erasure happened and what it removed; never what the rows held."""

    subject: str
    at: str
    messages: int
    audit: int
    links: int


@dataclass(frozen=True, slots=True)
class PurgeCounts:
    messages: int
    audit: int
    links: int


METRIC_COUNTERS = ("opened", "consented", "declined", "left_undecided", "withdrew")


@dataclass(frozen=True, slots=True)
class MetricsRow:
    """Consent counts for one policy version and wording variant ('' for none); no
    subject, no token, no time."""

    policy_version: str
    variant: str
    opened: int
    consented: int
    declined: int
    left_undecided: int
    withdrew: int


@dataclass(frozen=True, slots=True)
class OperatorRow:
    username: str
    display_name: str
    role: str
    password_hash: str
    created_at: str


@dataclass(frozen=True, slots=True)
class OperatorSessionRow:
    token_sha256: str
    username: str
    csrf: str
    created_at_ms: int
    seen_at_ms: int


@dataclass(frozen=True, slots=True)
class OversightRow:
    """One look at, or action on, a conversation by staff; never text or a revealed value."""

    seq: int
    event_id: str
    at: str
    operator: str
    operator_name: str
    action: str
    conversation: str
    subject: str
    entity_type: str
    reason: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class LiveSessionRow:
    """A chat session as every instance sees it (`sessions.Session` is its working copy).

    `vault` is the pseudonym map sealed with a key derived from the visitor's session token,
    which the server does not store: the database alone re-identifies nobody. `staff_key`
    is that key sealed with the server's staff key, present only while the visitor agrees
    to `human_support`, so that an operator on any instance can read and reveal then.
    """

    conversation: str
    subject: str
    lang: str
    variant: str | None
    created_ms: int
    seen_ms: int
    started_at: str
    last_activity_at: str
    entities: dict[str, int]
    handoff_state: str
    operator: str | None
    operator_name: str | None
    waiting_since_ms: int | None
    vault: bytes
    vault_version: int
    staff_key: bytes | None
    last_seq: int


@dataclass(frozen=True, slots=True)
class LineRow:
    """One message of a live conversation, numbered per conversation from 1; the redacted
    text is sealed with the session's key (`sealed`)."""

    conversation: str
    seq: int
    role: str
    author: str
    at: str
    sealed: bytes
