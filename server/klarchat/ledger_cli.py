"""The receipt and checkpoint commands of `klarchat ledger`, called from `cli.py`.

`verify-receipt FILE` and `verify --checkpoint FILE` check a signature and then the
ledger, so that an owner can answer "is this proof genuine, and does our database still
agree with it?" in one step. `checkpoint` signs the chain head for archiving elsewhere.
Exit codes as everywhere: 0 valid, 1 a check failed, 2 a file or key cannot be used.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from klarchat.cli import EXIT_BAD_CONFIG, EXIT_CHECK_FAILED
from klarchat.config import Settings
from klarchat.consent.checkpoints import (
    CHECKPOINT_DIR,
    anchor_holds,
    chain_head,
    file_name,
    sign_checkpoint,
    verify_checkpoint,
)
from klarchat.consent.ledger import Ledger, utc_now_ms
from klarchat.consent.receipts import compare_with_ledger, verify_receipt
from klarchat.consent.signing import (
    SIGNING_KEY_FILE,
    SigningKey,
    VerifyResult,
    read_public_key,
    read_signing_key,
)
from klarchat.store.base import Store
from klarchat.store.sqlite import SqliteStore


class UsageError(Exception):
    """A file or key that cannot be used: the command was wrong, not the ledger (exit 2)."""


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.ledger_command == "verify-receipt":
        return _run(_verify_receipt(settings, args.file, args.public_key))
    return _run(_checkpoint(settings, args.out))


def verify_checkpoint_file(settings: Settings, path: Path, public_key: Path | None) -> int:
    """The checkpoint half of `ledger verify --checkpoint`; the chain half stays in cli.py."""
    return _run(_verify_checkpoint(settings, path, public_key))


def _run(command: Coroutine[Any, Any, int]) -> int:
    try:
        return asyncio.run(command)
    except UsageError as exc:
        print(f"klarchat: {exc}", file=sys.stderr)
        return EXIT_BAD_CONFIG


async def _verify_receipt(settings: Settings, path: Path, public_key: Path | None) -> int:
    receipt = _read_json(path, "receipt")
    result = verify_receipt(receipt, _public_key(settings, public_key))
    compared = ""
    if result.ok:
        async with _ledger(settings) as store:
            if store is None:
                compared = "; no ledger here, events not compared"
            else:
                wanted = {event["event_id"] for event in receipt["events"]}
                rows = {r.event_id: r async for r in store.consent_events() if r.event_id in wanted}
                result = compare_with_ledger(receipt, rows)
                compared = ", each event found unchanged in the ledger"
    if not result.ok:
        return _failed("receipt INVALID", result)
    print(
        f"receipt OK: {len(receipt['events'])} events, signature valid (kid {receipt['kid']}){compared}"
    )
    return 0


async def _checkpoint(settings: Settings, out: Path | None) -> int:
    """Signs only a chain that verifies: a checkpoint must never bless tampering."""
    key = _signing_key(settings)
    async with _ledger(settings) as store:
        if store is None:
            return _failed("checkpoint NOT written", VerifyResult(False, "no ledger found"))
        head, count = await chain_head(store)
        chain = await Ledger(store).verify()
    if not chain.ok:
        reason = f"the ledger is broken at seq {chain.bad_seq}: {chain.reason}"
        return _failed("checkpoint NOT written", VerifyResult(False, reason))
    if head is None:
        return _failed("checkpoint NOT written", VerifyResult(False, "the ledger is empty"))
    checkpoint = sign_checkpoint(key, head, count, utc_now_ms())
    path = out or settings.data_dir / CHECKPOINT_DIR / file_name(checkpoint)
    text = json.dumps(checkpoint, indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    print(text, end="")
    print(f"checkpoint of seq {head.seq} written to {path}", file=sys.stderr)
    return 0


async def _verify_checkpoint(settings: Settings, path: Path, public_key: Path | None) -> int:
    checkpoint = _read_json(path, "checkpoint")
    result = verify_checkpoint(checkpoint, _public_key(settings, public_key))
    if result.ok:
        async with _ledger(settings) as store:
            result = (
                VerifyResult(False, "no ledger found")
                if store is None
                else await anchor_holds(checkpoint, store)
            )
    if not result.ok:
        return _failed("checkpoint FAILED", result)
    print(
        f"checkpoint OK: seq {checkpoint['seq']} still has the signed hash "
        f"(checkpoint of {checkpoint['at']}, kid {checkpoint['kid']})"
    )
    return 0


def _failed(verdict: str, result: VerifyResult) -> int:
    print(f"{verdict}: {result.reason}", file=sys.stderr)
    return EXIT_CHECK_FAILED


def _read_json(path: Path, what: str) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UsageError(f"{what} {path} is not JSON") from None
    if not isinstance(document, dict):
        raise UsageError(f"{what} {path} is not a JSON object")
    return document


def _signing_key(settings: Settings) -> SigningKey:
    """Never created here: a key made by another user than the server's would lock it out."""
    path = settings.data_dir / SIGNING_KEY_FILE
    try:
        return read_signing_key(path)
    except FileNotFoundError:
        raise UsageError(f"no signing key at {path}; start the server once to create it") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot use the signing key {path}: {exc}") from None


def _public_key(settings: Settings, pem: Path | None) -> Ed25519PublicKey:
    if pem is None:
        return _signing_key(settings).public_key
    try:
        return read_public_key(pem)
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot use the public key {pem}: {exc}") from None


@asynccontextmanager
async def _ledger(settings: Settings) -> AsyncIterator[Store | None]:
    """The ledger if there is one; opening a missing database would create an empty one."""
    from klarchat.services import DATABASE_FILE

    path = settings.data_dir / DATABASE_FILE
    if not path.exists():
        yield None
        return
    store = SqliteStore(path)
    await store.open()
    try:
        yield store
    finally:
        await store.close()
