"""Receipts and checkpoints: real Ed25519 signatures, real key files, real ledger rows."""

from __future__ import annotations

import base64
import copy
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from klarchat.clock import Clock
from klarchat.config import Consent
from klarchat.consent.checkpoints import (
    anchor_holds,
    chain_head,
    file_name,
    sign_checkpoint,
    verify_checkpoint,
)
from klarchat.consent.ledger import Ledger
from klarchat.consent.policy import Policy
from klarchat.consent.receipts import compare_with_ledger, sign_receipt, verify_receipt
from klarchat.consent.signing import (
    SIGNING_KEY_FILE,
    SigningKey,
    b64url_decode,
    b64url_encode,
    canonical_json,
    load_or_create_signing_key,
    read_public_key,
)
from klarchat.consent.state import Action
from klarchat.store.base import Store
from klarchat.store.records import ConsentEventRow

SUBJECT = "a" * 64


def row(seq: int, **changes: Any) -> ConsentEventRow:
    fields: dict[str, Any] = {
        "seq": seq,
        "event_id": f"00000000-0000-4000-8000-{seq:012d}",
        "subject": SUBJECT,
        "purpose": "ai_chat",
        "action": "given",
        "policy_version": "v1-abc",
        "text_sha256": "b" * 64,
        "lang": "de",
        "origin": "https://shop.example",
        "at": "2025-03-01T10:00:00.000Z",
        "prev_hash": "0" * 64,
        "hash": f"{seq:064x}",
    }
    return ConsentEventRow(**{**fields, **changes})


@pytest.fixture
def key() -> SigningKey:
    return SigningKey(Ed25519PrivateKey.generate())


@pytest.fixture
def receipt(key: SigningKey) -> dict[str, Any]:
    return sign_receipt(
        key,
        subject=SUBJECT,
        events=[row(1), row(2, purpose="transcript")],
        issued_at=Clock().now_ms(),
    )


def test_a_receipt_verifies_and_names_its_key(key: SigningKey, receipt: dict[str, Any]) -> None:
    assert verify_receipt(receipt, key.public_key).ok
    assert receipt["v"] == 1 and receipt["alg"] == "Ed25519" and receipt["kid"] == key.kid
    assert receipt["events"][1] == {
        "event_id": "00000000-0000-4000-8000-000000000002",
        "seq": 2,
        "purpose": "transcript",
        "action": "given",
        "policy_version": "v1-abc",
        "text_sha256": "b" * 64,
        "at": "2025-03-01T10:00:00.000Z",
    }
    unsigned = {name: value for name, value in receipt.items() if name != "signature"}
    key.public_key.verify(b64url_decode(receipt["signature"]), canonical_json(unsigned))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("subject",), "c" * 64),
        (("issued_at",), "2030-01-01T00:00:00.000Z"),
        (("events", 0, "action"), "declined"),
        (("events", 0, "seq"), 7),
        (("events", 1, "purpose"), "ai_chat"),
        (("events", 1, "policy_version"), "v2"),
        (("events", 0, "text_sha256"), "c" * 64),
        (("events", 0, "at"), "2025-03-01T10:00:00.001Z"),
        (("events", 0, "event_id"), "00000000-0000-4000-8000-000000000009"),
    ],
)
def test_any_changed_field_breaks_the_signature(
    key: SigningKey, receipt: dict[str, Any], path: tuple[Any, ...], value: Any
) -> None:
    changed = copy.deepcopy(receipt)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert verify_receipt(changed, key.public_key).reason == "bad signature"


def test_dropped_or_reordered_events_break_the_signature(
    key: SigningKey, receipt: dict[str, Any]
) -> None:
    dropped = {**receipt, "events": receipt["events"][:1]}
    reordered = {**receipt, "events": receipt["events"][::-1]}
    assert verify_receipt(dropped, key.public_key).reason == "bad signature"
    assert verify_receipt(reordered, key.public_key).reason == "bad signature"


def test_every_other_signature_fails(key: SigningKey, receipt: dict[str, Any]) -> None:
    signature = b64url_decode(receipt["signature"])
    for index in (0, 31, 63):
        flipped = bytearray(signature)
        flipped[index] ^= 0x01
        bad = {**receipt, "signature": b64url_encode(bytes(flipped))}
        assert verify_receipt(bad, key.public_key).reason == "bad signature"
    last = receipt["signature"][-1]
    spelled = receipt["signature"][:-1] + ("B" if last == "A" else "A")
    padded = base64.urlsafe_b64encode(signature).decode()
    for text in (spelled, padded, "", "!" * 86, 42):
        assert verify_receipt({**receipt, "signature": text}, key.public_key).reason == (
            "bad signature"
        ), text


def test_a_foreign_key_is_an_unknown_kid(key: SigningKey, receipt: dict[str, Any]) -> None:
    other = SigningKey(Ed25519PrivateKey.generate())
    result = verify_receipt(receipt, other.public_key)
    assert not result.ok and result.reason.startswith("unknown kid"), result
    claimed = {**receipt, "kid": other.kid}
    assert verify_receipt(claimed, other.public_key).reason == "bad signature"


def test_the_shape_is_checked_before_the_signature(
    key: SigningKey, receipt: dict[str, Any]
) -> None:
    assert verify_receipt({**receipt, "v": 2}, key.public_key).reason.startswith("unsupported")
    assert verify_receipt({**receipt, "extra": 1}, key.public_key).reason.startswith(
        "not a receipt"
    )
    events = [{**receipt["events"][0], "lang": "de"}]
    assert verify_receipt({**receipt, "events": events}, key.public_key).reason.startswith(
        "not a receipt"
    )
    assert verify_receipt({**receipt, "alg": "HS256"}, key.public_key).reason.startswith(
        "unsupported alg"
    )


def test_a_receipt_is_compared_with_the_ledger(receipt: dict[str, Any]) -> None:
    rows = {r.event_id: r for r in (row(1), row(2, purpose="transcript"))}
    assert compare_with_ledger(receipt, rows).ok
    missing = compare_with_ledger(receipt, {row(1).event_id: row(1)})
    assert missing.reason == f"event missing from the ledger: {row(2).event_id}"
    edited = {**rows, row(1).event_id: row(1, action="declined", subject="c" * 64)}
    assert compare_with_ledger(receipt, edited).reason == (
        f"event different in the ledger: {row(1).event_id} (action, subject)"
    )


def test_the_key_file_is_private_and_reused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    first = load_or_create_signing_key(data_dir)
    path = data_dir / SIGNING_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert sorted(p.name for p in data_dir.iterdir()) == [SIGNING_KEY_FILE]
    second = load_or_create_signing_key(data_dir)
    assert second.kid == first.kid and len(first.kid) == 16


def test_the_published_key_checks_receipts(tmp_path: Path, key: SigningKey) -> None:
    document = key.public_document()
    assert document["alg"] == "Ed25519" and document["kid"] == key.kid
    raw = Ed25519PublicKey.from_public_bytes(b64url_decode(document["public_key"]))
    pem = tmp_path / "public.pem"
    pem.write_text(document["pem"])
    receipt = sign_receipt(key, subject=SUBJECT, events=[row(1)], issued_at=Clock().now_ms())
    assert verify_receipt(receipt, raw).ok
    assert verify_receipt(receipt, read_public_key(pem)).ok


async def test_a_checkpoint_anchors_the_head(store: Store, key: SigningKey) -> None:
    """On every backend (the `store` fixture)."""
    policy = Policy(Consent(), ["de", "en"])
    ledger = Ledger(store)
    for action in (Action.GIVEN, Action.WITHDRAWN, Action.GIVEN):
        await ledger.record(
            subject=SUBJECT,
            action=action,
            shown=policy.shown("ai_chat", "de"),
            policy_version=policy.version,
            origin="",
        )
    head, count = await chain_head(store)
    assert head is not None and (head.seq, count) == (3, 3)
    checkpoint = sign_checkpoint(key, head, count, "2025-03-01T10:00:00.000Z")
    assert file_name(checkpoint) == "checkpoint-3-20250301T100000000Z.json"
    assert verify_checkpoint(checkpoint, key.public_key).ok
    assert (await anchor_holds(checkpoint, store)).ok
    moved = {**checkpoint, "seq": 2}
    assert verify_checkpoint(moved, key.public_key).reason == "bad signature"
    rewritten = {**checkpoint, "hash": "f" * 64}
    assert "rewritten at or before seq 3" in (await anchor_holds(rewritten, store)).reason
    ahead = {**checkpoint, "seq": 5}
    assert (
        "ends at seq 3, before the checkpoint's seq 5" in (await anchor_holds(ahead, store)).reason
    )
