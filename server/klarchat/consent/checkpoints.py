"""Signed checkpoints: an outside anchor for the head of the consent ledger.

The hash chain alone cannot reveal rows deleted from its end, or a tail rewritten with
fresh hashes: what is left is still a valid chain. A checkpoint signs the head
(`seq`, `hash`) at one moment; once archived or published elsewhere, a ledger that no
longer reaches that seq, or holds another hash there, is caught. Rows after the newest
checkpoint stay unprotected, so checkpoints are worth taking regularly.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import aclosing
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from klarchat.consent.signing import SigningKey, VerifyResult, verify_signed
from klarchat.store.base import Store
from klarchat.store.records import ConsentEventRow

CHECKPOINT_VERSION = 1
CHECKPOINT_DIR = "checkpoints"
CHECKPOINT_FIELDS = {"v", "kid", "alg", "seq", "hash", "at", "count", "signature"}


async def chain_head(store: Store) -> tuple[ConsentEventRow | None, int]:
    """The last row and the number of rows, from one pass over the ledger."""
    head, count = None, 0
    async for row in store.consent_events():
        head, count = row, count + 1
    return head, count


def sign_checkpoint(key: SigningKey, head: ConsentEventRow, count: int, at: str) -> dict[str, Any]:
    return key.sign(
        {"v": CHECKPOINT_VERSION, "seq": head.seq, "hash": head.hash, "at": at, "count": count}
    )


def file_name(checkpoint: Mapping[str, Any]) -> str:
    """`checkpoint-<seq>-<UTC time>.json`, with no characters that some file systems refuse."""
    stamp = "".join(c for c in checkpoint["at"] if c not in "-:.")
    return f"checkpoint-{checkpoint['seq']}-{stamp}.json"


def verify_checkpoint(checkpoint: Mapping[str, Any], public_key: Ed25519PublicKey) -> VerifyResult:
    if set(checkpoint) != CHECKPOINT_FIELDS:
        return VerifyResult(False, f"not a checkpoint: fields must be {sorted(CHECKPOINT_FIELDS)}")
    if checkpoint["v"] != CHECKPOINT_VERSION:
        return VerifyResult(False, f"unsupported checkpoint version {checkpoint['v']!r}")
    return verify_signed(checkpoint, public_key)


async def anchor_holds(checkpoint: Mapping[str, Any], store: Store) -> VerifyResult:
    """The ledger must still hold the checkpoint's row, with the checkpoint's hash.
    Call only on a checkpoint that verified. `aclosing` ends the read at once when the
    row is found, instead of leaving the cursor to a closed database."""
    seq, last_seq = checkpoint["seq"], 0
    async with aclosing(store.consent_events()) as rows:
        async for row in rows:
            last_seq = row.seq
            if row.seq == seq:
                if row.hash == checkpoint["hash"]:
                    return VerifyResult(True)
                return VerifyResult(
                    False,
                    f"row {seq} no longer has the checkpoint's hash: "
                    f"the ledger was rewritten at or before seq {seq}",
                )
    if last_seq < seq:
        return VerifyResult(
            False,
            f"the ledger ends at seq {last_seq}, before the checkpoint's seq {seq}: "
            "rows were removed from its end",
        )
    return VerifyResult(False, f"row {seq} is missing from the ledger")
