"""The widget reads only fields the protocol schema gives the frame it handles: each
`case "<type>":` of the widget's frame handlers (the chat UI's, and the handoff's in the
chat UI and in its own bundle) may use `f.<field>` only if the schema of that server frame
has the field (the widget once read `consent_required.consent`, which the server never
sends)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.protocol_check import SCHEMA_FILE

SOURCE = Path(__file__).resolve().parents[2] / "widget" / "src"
HANDLERS = (
    SOURCE / "ui" / "index.js",
    SOURCE / "ui" / "handoff.js",
    SOURCE / "handoff" / "index.js",
)


def fields_read_per_frame() -> dict[str, set[str]]:
    reads: dict[str, set[str]] = {}
    for handler in HANDLERS:
        source = handler.read_text(encoding="utf-8")
        body = source[source.index("function onFrame(f)") :]
        cases = re.split(r'\bcase "([a-z_]+)":', body)
        for frame_type, code in zip(cases[1::2], cases[2::2], strict=True):
            fields = set(re.findall(r"\bf\.([a-z_]+)", code)) - {"type"}
            reads.setdefault(frame_type, set()).update(fields)
    return reads


def schema_fields() -> dict[str, set[str]]:
    defs = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    mapping = defs["ServerFrame"]["discriminator"]["mapping"]
    return {
        frame_type: set(defs[ref.rsplit("/", 1)[1]]["properties"])
        for frame_type, ref in mapping.items()
    }


READS = fields_read_per_frame()


def test_the_handler_was_found() -> None:
    assert {"welcome", "consent_required", "done", "error", "handoff", "person_message"} <= set(
        READS
    )


@pytest.mark.parametrize("frame_type", sorted(READS))
def test_the_widget_reads_only_schema_fields(frame_type: str) -> None:
    known = schema_fields()
    assert frame_type in known, f"the widget handles {frame_type!r}, which the server never sends"
    assert READS[frame_type] <= known[frame_type], (
        f"the widget reads {sorted(READS[frame_type] - known[frame_type])} of {frame_type!r}"
    )
