"""Hypothesis strategies for hostile client frames, derived from the published protocol.

The frame types and their fields come from `docs/protocol.schema.json` (`$defs/ClientFrame`),
not from a hand copy, so a field added to the protocol is fuzzed without anyone editing
this file. Each strategy yields `(kind, payload)`: `kind` names the mutation (for the
tally), `payload` is what goes on the wire (`str` as a text frame, `bytes` as binary).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "docs" / "protocol.schema.json"
README = ROOT / "README.md"

Payload = tuple[str, str | bytes]
JSON_KINDS = ("null", "boolean", "integer", "number", "string", "array", "object")


@cache
def client_frames() -> dict[str, dict[str, Any]]:
    """Frame type -> its schema, for every member of `$defs/ClientFrame`."""
    defs = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    frames = {}
    for member in defs["ClientFrame"]["oneOf"]:
        schema = defs[member["$ref"].rsplit("/", 1)[1]]
        frames[schema["properties"]["type"]["const"]] = schema
    return frames


@cache
def documented_error_codes() -> frozenset[str]:
    """The codes in the README's *Error codes* table: the test and the docs cannot drift."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Error codes", 1)[1].split("\n### ", 1)[0]
    return frozenset(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))


def _allowed_kinds(schema: dict[str, Any]) -> set[str]:
    """The JSON types a field's schema accepts (`integer` counts as a `number`, too)."""
    options = schema.get("anyOf", [schema])
    kinds = set()
    for option in options:
        if "const" in option:
            kinds.add(_kind_of(option["const"]))
        elif "type" in option:
            kinds.add(option["type"])
    if "number" in kinds:
        kinds.add("integer")
    return kinds


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def sample_value(schema: dict[str, Any]) -> Any:
    """A value the field accepts, built from its schema (const, pattern, lengths, items)."""
    if "const" in schema:
        return schema["const"]
    if "anyOf" in schema:
        return sample_value(next(o for o in schema["anyOf"] if o.get("type") != "null"))
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "string":
        return "m1" + "0" * max(0, schema.get("minLength", 0) - 2)
    if kind == "boolean":
        return True
    if kind == "array":
        return [sample_value(schema.get("items", {"type": "string"}))] * schema.get("minItems", 1)
    if kind == "object":
        return {"ai_chat": sample_value(schema.get("additionalProperties", {"type": "boolean"}))}
    return 1


def valid_frame(frame_type: str) -> dict[str, Any]:
    """A frame of this type with every field it defines, each with an accepted value."""
    schema = client_frames()[frame_type]
    return {name: sample_value(field) for name, field in schema["properties"].items()}


# -- values -----------------------------------------------------------------------------

HUGE_INTEGERS = st.one_of(
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**64 + 2),
    st.integers(min_value=-(2**64) - 2, max_value=-(2**63) + 2),
)
FLOATS = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from([1e308, -0.0, 5e-324])
SHORT_TEXT = st.text(max_size=40)


SCALARS = st.none() | st.booleans() | HUGE_INTEGERS | FLOATS | SHORT_TEXT


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=4) | st.dictionaries(SHORT_TEXT, inner, max_size=4)


JSON_VALUES = st.recursive(SCALARS, _containers, max_leaves=8)
SMALL_JSON_VALUES = st.recursive(SCALARS, _containers, max_leaves=3)


KIND_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": HUGE_INTEGERS,
    "number": FLOATS,
    "string": SHORT_TEXT,
    "array": st.lists(SMALL_JSON_VALUES, max_size=4),
    "object": st.dictionaries(SHORT_TEXT, SMALL_JSON_VALUES, max_size=4),
}


def fields() -> list[tuple[str, str]]:
    """Every (frame type, field) pair of the protocol, `type` itself included."""
    return [
        (kind, name) for kind, schema in client_frames().items() for name in schema["properties"]
    ]


@st.composite
def wrong_type(draw: st.DrawFn) -> Payload:
    """One field of one frame type given a JSON type its schema does not accept."""
    frame_type, name = draw(st.sampled_from(fields()))
    allowed = _allowed_kinds(client_frames()[frame_type]["properties"][name])
    kind = draw(st.sampled_from([k for k in JSON_KINDS if k not in allowed]))
    frame = valid_frame(frame_type) | {name: draw(KIND_VALUES[kind])}
    return f"wrong_type:{frame_type}.{name}", json.dumps(frame, ensure_ascii=draw(st.booleans()))


@st.composite
def wrong_value(draw: st.DrawFn) -> Payload:
    """Any JSON value in any field: wrong lengths, patterns, enums and types alike."""
    frame_type, name = draw(st.sampled_from(fields()))
    frame = valid_frame(frame_type) | {name: draw(JSON_VALUES)}
    return f"wrong_value:{frame_type}", json.dumps(frame)


@st.composite
def missing_or_extra(draw: st.DrawFn) -> Payload:
    frame_type = draw(st.sampled_from(sorted(client_frames())))
    frame = valid_frame(frame_type)
    if draw(st.booleans()):
        frame.pop(draw(st.sampled_from(sorted(frame))))
        return f"missing:{frame_type}", json.dumps(frame)
    frame[draw(SHORT_TEXT.filter(lambda k: k not in frame))] = draw(SMALL_JSON_VALUES)
    return f"extra:{frame_type}", json.dumps(frame)


@st.composite
def as_sent(draw: st.DrawFn) -> Payload:
    """A frame as a client may send it (valid or nearly): the fuzz must not only see errors."""
    frame_type = draw(st.sampled_from(sorted(client_frames())))
    return f"valid:{frame_type}", json.dumps(valid_frame(frame_type))


@st.composite
def text_mutation(draw: st.DrawFn) -> Payload:
    """A valid frame's JSON text with a few characters deleted, inserted or replaced."""
    text = json.dumps(valid_frame(draw(st.sampled_from(sorted(client_frames())))))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["delete", "insert", "replace"]))
        char = draw(st.characters(codec="utf-8"))
        if op == "delete":
            text = text[:at] + text[at + 1 :]
        elif op == "insert":
            text = text[:at] + char + text[at:]
        else:
            text = text[:at] + char + text[at + 1 :]
    return "text_mutation", text


@st.composite
def deep_nesting(draw: st.DrawFn) -> Payload:
    """Nested arrays or objects, bare or inside a field, up to and past the parser's depth."""
    depth = draw(st.integers(1, 1900))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ("[{}, ", "]")]))
    nested = opener * depth + ("0" if opener != "[" else "") + closer * depth
    if draw(st.booleans()):
        return "deep_nesting", nested
    frame_type, name = draw(st.sampled_from(fields()))
    head = json.dumps(valid_frame(frame_type) | {name: "\x00HOLE"})
    return "deep_nesting_in_field", head.replace('"\\u0000HOLE"', nested)


@st.composite
def huge_number(draw: st.DrawFn) -> Payload:
    """Integers with up to 6,000 digits (past Python's 4,300-digit conversion limit), and
    exponents far beyond a double."""
    digits = draw(st.integers(1, 6000))
    number = draw(
        st.sampled_from(
            [
                "9" * digits,
                "-" + "1" * digits,
                "1e" + "9" * min(digits, 400),
                "0." + "0" * digits + "1",
                "NaN",
                "Infinity",
            ]
        )
    )
    frame_type, name = draw(st.sampled_from(fields()))
    frame = json.dumps(valid_frame(frame_type) | {name: "\x00HOLE"})
    return "huge_number", frame.replace('"\\u0000HOLE"', number)


@st.composite
def lone_surrogate(draw: st.DrawFn) -> Payload:
    """An unpaired UTF-16 surrogate as a JSON escape, in a value or in a key."""
    escape = f"\\u{draw(st.integers(0xD800, 0xDFFF)):04x}"
    frame_type, name = draw(st.sampled_from(fields()))
    frame = json.dumps(valid_frame(frame_type) | {name: "\x00HOLE"})
    if draw(st.booleans()):
        return "surrogate_value", frame.replace("\\u0000HOLE", f"a{escape}b")
    return "surrogate_key", frame.replace('"type"', f'"{escape}type"', 1)


@st.composite
def binary(draw: st.DrawFn) -> Payload:
    """Binary frames: random bytes, a valid frame's bytes, and invalid UTF-8 inside JSON."""
    frame = json.dumps(valid_frame(draw(st.sampled_from(sorted(client_frames())))))
    bad = draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]))
    return draw(
        st.sampled_from(
            [
                ("binary_random", draw(st.binary(max_size=64))),
                ("binary_json", frame.encode()),
                ("binary_invalid_utf8", frame.encode().replace(b'"m1', b'"' + bad + b"m1", 1)),
            ]
        )
    )


def oversize(max_frame_bytes: int) -> st.SearchStrategy[Payload]:
    """Frames above `limits.max_frame_bytes` but below uvicorn's hard limit."""
    return st.builds(
        lambda extra, char: (
            "oversize",
            json.dumps({"type": "message", "id": "big", "text": char * (max_frame_bytes + extra)}),
        ),
        st.integers(1, max_frame_bytes),
        st.sampled_from(["x", "ä", "€", "😀"]),
    )


def unknown_types() -> st.SearchStrategy[Payload]:
    names = SHORT_TEXT.filter(lambda t: t not in client_frames())
    return st.builds(lambda t: ("unknown_type", json.dumps({"type": t})), names)


def hostile_frames(max_frame_bytes: int) -> st.SearchStrategy[Payload]:
    """Every kind of hostile frame, in proportions that keep 10,000 of them quick."""
    return st.one_of(
        wrong_type(),
        wrong_type(),
        wrong_value(),
        missing_or_extra(),
        text_mutation(),
        as_sent(),
        deep_nesting(),
        huge_number(),
        lone_surrogate(),
        binary(),
        oversize(max_frame_bytes),
        unknown_types(),
        st.builds(lambda v: ("json_value", json.dumps(v)), JSON_VALUES),
    )
