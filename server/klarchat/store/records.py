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
