"""The published schema is the one the frame models generate, and it is closed: a frame
with a field the schema lacks, or without one it requires, is refused."""

from __future__ import annotations

import pytest

from scripts.protocol_schema import SCHEMA_FILE, render
from tests.support.protocol_check import check_server_frame

AUTHOR = {"kind": "ai", "name": "Klara"}


def test_committed_schema_is_the_generated_one() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), (
        "docs/protocol.schema.json is out of date: run .venv/bin/python scripts/protocol_schema.py"
    )


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "done", "id": "m1", "ai": True, "author": AUTHOR, "outcome": "complete"},
        {"type": "pong"},
        {"type": "error", "code": "busy", "message": "wait", "id": "m2"},
        {"type": "consent_required", "id": "m1", "purposes": ["ai_chat"], "policy_version": "v"},
    ],
)
def test_frames_the_server_sends_pass(frame: dict[str, object]) -> None:
    assert check_server_frame(frame) == frame


@pytest.mark.parametrize(
    "frame",
    [
        # the field the widget once read but the server never sent
        {
            "type": "consent_required",
            "id": "m1",
            "purposes": ["ai_chat"],
            "policy_version": "v",
            "consent": {},
        },
        {"type": "done", "id": "m1", "ai": True, "outcome": "complete"},
        {
            "type": "done",
            "id": "m1",
            "ai": True,
            "author": {"kind": "bot", "name": "x"},
            "outcome": "complete",
        },
        {"type": "error", "code": "no_such_code", "message": "x"},
        {"type": "pong", "id": None},
        {"type": "shout"},
    ],
)
def test_frames_outside_the_schema_fail(frame: dict[str, object]) -> None:
    with pytest.raises(AssertionError, match=r"not in docs/protocol\.schema\.json"):
        check_server_frame(frame)
