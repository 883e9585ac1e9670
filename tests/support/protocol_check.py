"""Every frame the server sends in the tests is checked against the published schema,
`docs/protocol.schema.json`: the websocket client, the unit-test harness and the browser
fixture all pass what they receive through `check_server_frame`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "protocol.schema.json"


@cache
def _server_frames() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/ServerFrame"})


def check_server_frame(frame: Any) -> Any:
    """The frame, if the schema allows it; else an AssertionError naming what is wrong."""
    errors = sorted(_server_frames().iter_errors(frame), key=lambda e: e.path)
    assert not errors, f"server frame not in docs/protocol.schema.json: {frame!r}: " + "; ".join(
        error.message for error in errors
    )
    return frame
