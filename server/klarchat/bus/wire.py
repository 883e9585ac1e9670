"""A notice as it travels between instances, checked on both ends.

The checks are what keep the bus's promise that no text travels: a conversation is a
32-hex id or nothing, the kind is one of a few words, and the rest are numbers and this
side's own instance id. Every bus checks what it publishes, the in-process one included,
so that a notice a single SQLite instance accepts is one PostgreSQL would carry too.
"""

from __future__ import annotations

import json
import re
from typing import Any, get_args

from klarchat.bus.base import Notice, NoticeKind

KINDS: frozenset[str] = frozenset(get_args(NoticeKind))
MAX_PAYLOAD_BYTES = 8000
"""PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more."""

_CONVERSATION = re.compile(r"[0-9a-f]{32}")
_ORIGIN = re.compile(r"[0-9a-f]{1,64}")
_MAX_SEQ = 2**63 - 1


def check(notice: Notice) -> None:
    """Raise ValueError for a notice that must not be published (a bug in the caller)."""
    if notice.kind not in KINDS:
        raise ValueError(f"unknown notice kind {notice.kind!r:.40}")
    if notice.conversation and not _CONVERSATION.fullmatch(notice.conversation):
        # Not echoed: whatever was passed in its place might be text.
        raise ValueError("a notice's conversation must be a 32-hex id or empty")
    if not _is_seq(notice.seq):
        raise ValueError("a notice's seq must be an integer from 0 to 2**63-1")


def encode(notice: Notice, origin: str) -> str:
    """The compact JSON payload, for a notice that passed `check`."""
    check(notice)
    payload = json.dumps(
        {"k": notice.kind, "c": notice.conversation, "s": notice.seq, "o": origin},
        separators=(",", ":"),
    )
    if len(payload.encode()) >= MAX_PAYLOAD_BYTES:
        raise ValueError(f"a notice payload must be under {MAX_PAYLOAD_BYTES} bytes")
    return payload


def decode(payload: str) -> Notice:
    """The notice in a received payload; ValueError if it is not one this bus would send.
    Keys other than k/c/s/o are ignored, so that a newer instance may add one during a
    rolling upgrade."""
    try:
        data: Any = json.loads(payload)
    except json.JSONDecodeError:
        raise ValueError("not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("k"), str):
        raise ValueError("not a notice")
    conversation, seq, origin = data.get("c", ""), data.get("s", 0), data.get("o", "")
    if not isinstance(conversation, str) or not isinstance(origin, str):
        raise ValueError("not a notice")
    if origin and not _ORIGIN.fullmatch(origin):
        raise ValueError("not a notice")
    notice = Notice(kind=data["k"], conversation=conversation, seq=seq, origin=origin)
    check(notice)
    return notice


def _is_seq(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MAX_SEQ
