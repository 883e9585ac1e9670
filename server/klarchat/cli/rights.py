"""`klarchat export | erase | purge`: the commands that act on stored personal data.

A visitor who asks for their data knows their session token, not their ledger subject;
the owner can pass either (`--token` or `--subject`). A token is turned into subject and
conversation with the server secret, which must already exist: a freshly generated one
would derive identifiers that match nothing.

Exit codes: 0 done, 1 nothing found (unknown subject, no database, no secret), 2 a wrong
command line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
from dataclasses import astuple
from datetime import UTC, datetime
from pathlib import Path

from klarchat import retention
from klarchat import rights as subject_rights
from klarchat.cli.common import EXIT_NOT_FOUND, Commands, UsageError, read_json
from klarchat.cli.ledger import public_key_of
from klarchat.clock import Clock, clock_from_environment, iso_ms
from klarchat.config import Settings
from klarchat.consent.receipts import verify_receipt
from klarchat.identity import SECRET_FILE, Identities
from klarchat.store.base import Store
from klarchat.store.factory import existing_store, store_location

SUBJECT = re.compile(r"^[0-9a-f]{64}$")
# An event id (UUID) or its start, as in a receipt's file name (klarchat-receipt-1a2b3c4d.json).
EVENT_ID = re.compile(r"^[0-9a-f][0-9a-f-]{7,35}$")


def register(commands: Commands) -> None:
    export = commands.add_parser("export", help="a subject's data as JSON (GDPR Art. 15, 20)")
    _who(export)
    export.add_argument("--out", type=Path, help="write to this file (mode 0600), not stdout")
    export.set_defaults(run=run)

    erase = commands.add_parser(
        "erase", help="delete a subject's transcript and audit rows (Art. 17); the ledger stays"
    )
    _who(erase)
    erase.set_defaults(run=run)

    purge = commands.add_parser("purge", help="delete rows older than their retention")
    purge.add_argument("--data-dir", type=Path, help="folder holding klarchat.sqlite3")
    purge.add_argument(
        "--now", type=_moment, help="purge as if it were this ISO time (default: now, UTC)"
    )
    purge.add_argument("--dry-run", action="store_true", help="count only, delete nothing")
    purge.set_defaults(run=run)


def _who(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="folder holding klarchat.sqlite3")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--subject",
        type=_subject,
        help="the ledger subject (64 hex digits), an event id, or a receipt id (the 8"
        " characters in klarchat-receipt-<id>.json)",
    )
    who.add_argument(
        "--receipt",
        type=Path,
        help="the consent receipt the visitor downloaded (JSON); its signature is checked",
    )
    who.add_argument(
        "--token",
        help="the visitor's session token (needs the server secret); write --token=TOKEN,"
        " as a token may begin with -",
    )


def _subject(value: str) -> str:
    value = value.strip().lower()
    if not (SUBJECT.match(value) or EVENT_ID.match(value)):
        raise argparse.ArgumentTypeError(
            "expected a subject (64 hex digits), an event id or a receipt id (8 hex digits)"
        )
    return value


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("expected an ISO time such as 2025-01-31T12:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class NotFound(Exception):
    """Nothing to act on; the message says what is missing."""


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(_run(args, settings, clock_from_environment()))
    except NotFound as exc:
        print(f"klarchat: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND


async def _run(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    async with existing_store(settings) as store:
        if store is None:
            raise NotFound(f"no database at {store_location(settings)}")
        if args.command == "purge":
            return await _purge(store, settings, args.now or clock.now(), args.dry_run)
        subject, conversations = await _identify(args, settings, store)
        if not await subject_rights.is_known(store, subject):
            raise NotFound(f"unknown subject {subject}")
        if args.command == "export":
            return await _export(store, clock, subject, conversations, args.out)
        return await _erase(store, clock, subject, conversations)


async def _identify(
    args: argparse.Namespace, settings: Settings, store: Store
) -> tuple[str, list[str]]:
    """The subject, and with a token also the conversation derived from it."""
    if args.receipt:
        return _receipt_subject(args.receipt, settings), []
    if args.subject and SUBJECT.match(args.subject):
        return args.subject, []
    if args.subject:
        subjects = await store.subjects_of_event(args.subject)
        if not subjects:
            raise NotFound(f"no consent event with an id starting {args.subject}")
        if len(subjects) > 1:
            raise UsageError(
                f"{args.subject} starts the event ids of {len(subjects)} subjects:"
                " give more characters, the whole event id or the receipt file"
            )
        return subjects[0], []
    if settings.secret:
        secret = settings.secret.get_secret_value().encode("utf-8")
    else:
        secret_path = settings.data_dir / SECRET_FILE
        if not secret_path.exists():
            raise NotFound(f"no server secret at {secret_path}: a token cannot be matched")
        secret = secret_path.read_text(encoding="ascii").strip().encode("ascii")
    ids = Identities(secret)
    return ids.subject(args.token), [ids.conversation(args.token)]


def _receipt_subject(path: Path, settings: Settings) -> str:
    """The subject a receipt names, once its signature shows this server issued it."""
    receipt = read_json(path, "receipt")
    result = verify_receipt(receipt, public_key_of(settings, None))
    if not result.ok:
        raise NotFound(f"receipt {path} INVALID: {result.reason}")
    subject = receipt.get("subject")
    if not isinstance(subject, str) or not SUBJECT.match(subject):
        raise NotFound(f"receipt {path} names no subject")
    return subject


async def _export(
    store: Store, clock: Clock, subject: str, conversations: list[str], out: Path | None
) -> int:
    document = json.dumps(
        await subject_rights.export(store, clock, subject, conversations),
        ensure_ascii=False,
        indent=2,
    )
    if out is None:
        print(document)
        return 0
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(document + "\n")
    print(f"exported subject {subject} to {out}", file=sys.stderr)
    return 0


async def _erase(store: Store, clock: Clock, subject: str, conversations: list[str]) -> int:
    erasure = await subject_rights.erase(store, clock, subject, conversations)
    print(
        f"erased subject {subject} at {erasure.at}: {erasure.messages} messages,"
        f" {erasure.audit} audit rows, {erasure.links} conversation links deleted;"
        " consent ledger kept"
    )
    return 0


async def _purge(store: Store, settings: Settings, now: datetime, dry_run: bool) -> int:
    counts = await retention.purge(store, settings.retention, now, dry_run=dry_run)
    messages, audit, links = astuple(counts)
    verb = "would delete" if dry_run else "deleted"
    print(
        f"purge at {iso_ms(now)}: {verb} {messages} messages"
        f" (older than {settings.retention.transcript_days} days), {audit} audit rows"
        f" (older than {settings.retention.audit_days} days), {links} conversation links"
    )
    return 0
