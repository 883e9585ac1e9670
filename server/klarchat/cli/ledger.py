"""`klarchat ledger verify | verify-receipt | checkpoint`: prove the consent ledger.

`verify` walks the hash chain; with `--checkpoint FILE` it also proves that the ledger
still holds the signed head. `verify-receipt FILE` checks a receipt's signature and
then each of its events against the ledger, so that an owner can answer "is this proof
genuine, and does our database still agree with it?" in one step. `checkpoint` signs
the chain head for archiving elsewhere. Exit codes as everywhere: 0 valid, 1 a check
failed, 2 a file or key cannot be used.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from klarchat.cli.common import EXIT_CHECK_FAILED, Commands, UsageError, failed, read_json
from klarchat.clock import clock_from_environment
from klarchat.config import Settings
from klarchat.consent.checkpoints import (
    CHECKPOINT_DIR,
    anchor_holds,
    chain_head,
    file_name,
    sign_checkpoint,
    verify_checkpoint,
)
from klarchat.consent.ledger import Ledger
from klarchat.consent.receipts import compare_with_ledger, verify_receipt
from klarchat.consent.signing import (
    SIGNING_KEY_FILE,
    SigningKey,
    VerifyResult,
    read_public_key,
    read_signing_key,
)
from klarchat.oversight import OversightLog
from klarchat.store.factory import existing_store, store_location

PUBLIC_KEY_HELP = "PEM public key (default: the data dir's)"


def register(commands: Commands) -> None:
    ledger = commands.add_parser("ledger", help="consent ledger tools")
    ledger_commands = ledger.add_subparsers(dest="ledger_command", required=True)
    verify = ledger_commands.add_parser("verify", help="prove the hash chain is intact")
    verify.add_argument("--data-dir", type=Path, help="folder holding klarchat.sqlite3")
    verify.add_argument("--checkpoint", type=Path, help="also prove this signed checkpoint holds")
    verify.add_argument("--public-key", type=Path, help=PUBLIC_KEY_HELP)
    verify.set_defaults(run=lambda args, settings: asyncio.run(_verify(settings, args)))
    receipt = ledger_commands.add_parser("verify-receipt", help="check a signed consent receipt")
    receipt.add_argument("file", type=Path, help="the receipt as JSON")
    receipt.add_argument("--data-dir", type=Path, help="folder holding the key and the ledger")
    receipt.add_argument("--public-key", type=Path, help=PUBLIC_KEY_HELP)
    receipt.set_defaults(
        run=lambda args, settings: asyncio.run(
            _verify_receipt(settings, args.file, args.public_key)
        )
    )
    checkpoint = ledger_commands.add_parser("checkpoint", help="sign the ledger's head")
    checkpoint.add_argument("--data-dir", type=Path, help="folder holding the key and the ledger")
    checkpoint.add_argument(
        "--out", type=Path, help="file to write (default: data dir/checkpoints/)"
    )
    checkpoint.set_defaults(run=lambda args, settings: asyncio.run(_checkpoint(settings, args.out)))


async def _verify(settings: Settings, args: argparse.Namespace) -> int:
    chain = await _verify_chain(settings)
    if args.checkpoint is None:
        return chain
    return max(chain, await _verify_checkpoint(settings, args.checkpoint, args.public_key))


async def _verify_chain(settings: Settings) -> int:
    path = store_location(settings)
    async with existing_store(settings) as store:
        if store is None:
            print(f"klarchat: no ledger at {path}", file=sys.stderr)
            return EXIT_CHECK_FAILED
        results = [
            ("ledger", await Ledger(store).verify()),
            ("oversight log", await OversightLog(store, clock_from_environment()).verify()),
        ]
    code = 0
    for name, result in results:
        if result.ok:
            print(f"{name} OK: {result.checked} events, hash chain intact ({path})")
            continue
        print(
            f"{name} BROKEN at seq {result.bad_seq}: {result.reason} "
            f"({result.checked} events verified before it)",
            file=sys.stderr,
        )
        code = EXIT_CHECK_FAILED
    return code


async def _verify_receipt(settings: Settings, path: Path, public_key: Path | None) -> int:
    receipt = read_json(path, "receipt")
    result = verify_receipt(receipt, public_key_of(settings, public_key))
    compared = ""
    if result.ok:
        async with existing_store(settings) as store:
            if store is None:
                compared = "; no ledger here, events not compared"
            else:
                wanted = {event["event_id"] for event in receipt["events"]}
                rows = {r.event_id: r async for r in store.consent_events() if r.event_id in wanted}
                result = compare_with_ledger(receipt, rows)
                compared = ", each event found unchanged in the ledger"
    if not result.ok:
        return failed("receipt INVALID", result.reason)
    print(
        f"receipt OK: {len(receipt['events'])} events, signature valid (kid {receipt['kid']}){compared}"
    )
    return 0


async def _checkpoint(settings: Settings, out: Path | None) -> int:
    """Signs only a chain that verifies: a checkpoint must never bless tampering."""
    key = _signing_key(settings)
    async with existing_store(settings) as store:
        if store is None:
            return failed("checkpoint NOT written", "no ledger found")
        head, count = await chain_head(store)
        chain = await Ledger(store).verify()
    if not chain.ok:
        reason = f"the ledger is broken at seq {chain.bad_seq}: {chain.reason}"
        return failed("checkpoint NOT written", reason)
    if head is None:
        return failed("checkpoint NOT written", "the ledger is empty")
    checkpoint = sign_checkpoint(key, head, count, clock_from_environment().now_ms())
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
    checkpoint = read_json(path, "checkpoint")
    result = verify_checkpoint(checkpoint, public_key_of(settings, public_key))
    if result.ok:
        async with existing_store(settings) as store:
            result = (
                VerifyResult(False, "no ledger found")
                if store is None
                else await anchor_holds(checkpoint, store)
            )
    if not result.ok:
        return failed("checkpoint FAILED", result.reason)
    print(
        f"checkpoint OK: seq {checkpoint['seq']} still has the signed hash "
        f"(checkpoint of {checkpoint['at']}, kid {checkpoint['kid']})"
    )
    return 0


def _signing_key(settings: Settings) -> SigningKey:
    """Never created here: a key made by another user than the server's would lock it out."""
    path = settings.data_dir / SIGNING_KEY_FILE
    try:
        return read_signing_key(path)
    except FileNotFoundError:
        raise UsageError(f"no signing key at {path}; start the server once to create it") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot use the signing key {path}: {exc}") from None


def public_key_of(settings: Settings, pem: Path | None) -> Ed25519PublicKey:
    if pem is None:
        return _signing_key(settings).public_key
    try:
        return read_public_key(pem)
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot use the public key {pem}: {exc}") from None
