"""Signed consent receipts: the visitor's own copy of what the ledger recorded.

A receipt travels in every `consent_recorded` frame. Whoever keeps it can later show,
without trusting the site's database, which purposes were given, declined or withdrawn,
under which policy version and text, and when, and can check that the ledger still
holds exactly those rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from klarchat.consent.signing import SigningKey, VerifyResult, verify_signed
from klarchat.store.records import ConsentEventRow

RECEIPT_VERSION = 1
EVENT_FIELDS = ("event_id", "seq", "purpose", "action", "policy_version", "text_sha256", "at")
RECEIPT_FIELDS = {"v", "kid", "alg", "events", "subject", "issued_at", "signature"}


def receipt_event(row: ConsentEventRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in EVENT_FIELDS}


def sign_receipt(
    key: SigningKey, *, subject: str, events: Sequence[ConsentEventRow], issued_at: str
) -> dict[str, Any]:
    return key.sign(
        {
            "v": RECEIPT_VERSION,
            "events": [receipt_event(row) for row in events],
            "subject": subject,
            "issued_at": issued_at,
        }
    )


def verify_receipt(receipt: Mapping[str, Any], public_key: Ed25519PublicKey) -> VerifyResult:
    """Shape first, so that a wrong file is named as such rather than as a bad signature."""
    if set(receipt) != RECEIPT_FIELDS:
        return VerifyResult(False, f"not a receipt: fields must be {sorted(RECEIPT_FIELDS)}")
    if receipt["v"] != RECEIPT_VERSION:
        return VerifyResult(False, f"unsupported receipt version {receipt['v']!r}")
    events = receipt["events"]
    if not isinstance(events, list) or not all(
        isinstance(event, dict) and set(event) == set(EVENT_FIELDS) for event in events
    ):
        return VerifyResult(False, f"not a receipt: each event must have {list(EVENT_FIELDS)}")
    return verify_signed(receipt, public_key)


def compare_with_ledger(
    receipt: Mapping[str, Any], rows: Mapping[str, ConsentEventRow]
) -> VerifyResult:
    """Each receipted event must still be in the ledger (`rows`, by event_id), unchanged
    and recorded for the receipt's subject. Call only on a receipt that verified."""
    for event in receipt["events"]:
        row = rows.get(event["event_id"])
        if row is None:
            return VerifyResult(False, f"event missing from the ledger: {event['event_id']}")
        changed = [name for name, value in receipt_event(row).items() if event[name] != value]
        if row.subject != receipt["subject"]:
            changed.append("subject")
        if changed:
            return VerifyResult(
                False,
                f"event different in the ledger: {event['event_id']} ({', '.join(changed)})",
            )
    return VerifyResult(True)
