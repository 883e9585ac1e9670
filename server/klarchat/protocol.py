"""Websocket frames, both directions: one JSON object per text frame, each a typed model.

A bad client frame becomes a `ProtocolError` with a stable machine code (listed in
`ErrorCode` and in the README); the connection handler answers it with an `error`
frame and reads on. Error messages name fields, never echo the visitor's text.

Server frames are models too, so that what the server can send is written down in one
place: `json_schema()` turns both directions into `docs/protocol.schema.json`, the
contract the widget and the tests hold the server to.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, TypeAdapter, ValidationError

MESSAGE_ID = r"^[A-Za-z0-9_.:-]{1,64}$"


class ErrorCode(StrEnum):
    BAD_JSON = "bad_json"
    BAD_FRAME = "bad_frame"
    UNKNOWN_TYPE = "unknown_type"
    FRAME_TOO_LARGE = "frame_too_large"
    MESSAGE_TOO_LONG = "message_too_long"
    EMPTY_MESSAGE = "empty_message"
    HELLO_REQUIRED = "hello_required"
    DUPLICATE_HELLO = "duplicate_hello"
    STALE_POLICY = "stale_policy"
    UNKNOWN_PURPOSE = "unknown_purpose"
    NOT_GIVEN = "not_given"
    BUSY = "busy"
    RATE_LIMITED = "rate_limited"
    SPECIAL_CATEGORY = "special_category"
    CLOSED = "closed"
    SERVER_BUSY = "server_busy"
    PROVIDER_ERROR = "provider_error"
    PROVIDER_TIMEOUT = "provider_timeout"
    INTERNAL_ERROR = "internal_error"


class ProtocolError(Exception):
    def __init__(self, code: ErrorCode, message: str, frame_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.frame_id = frame_id


class _ClientFrame(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Hello(_ClientFrame):
    type: Literal["hello"]
    lang: str | None = Field(None, max_length=16)
    resume: str | None = Field(None, min_length=16, max_length=128)
    last_seq: int | None = Field(None, ge=0, le=2**53)
    """With `resume`: the highest message number the client has seen (`welcome.last_seq`,
    `redacted.seq`, `done.seq`, `person_message.seq`); `welcome.history` then holds
    exactly the messages after it."""


class ConsentChoice(_ClientFrame):
    type: Literal["consent"]
    policy_version: str = Field(max_length=64)
    choices: dict[Annotated[str, Field(max_length=64)], StrictBool] = Field(
        min_length=1, max_length=32
    )


class Withdraw(_ClientFrame):
    type: Literal["withdraw"]
    purposes: (
        Literal["all"]
        | Annotated[list[Annotated[str, Field(max_length=64)]], Field(min_length=1, max_length=32)]
    )


class Message(_ClientFrame):
    type: Literal["message"]
    id: str = Field(pattern=MESSAGE_ID)
    text: str


class HandoffRequest(_ClientFrame):
    """The visitor asks for a person ("request") or no longer wants to wait ("cancel")."""

    type: Literal["handoff"]
    action: Literal["request", "cancel"] = "request"


class Ping(_ClientFrame):
    type: Literal["ping"]
    id: str | None = Field(None, pattern=MESSAGE_ID)


class Export(_ClientFrame):
    """The visitor asks for what is held about their session (GDPR Art. 15, 20)."""

    type: Literal["export"]


class Erase(_ClientFrame):
    """The visitor asks for their transcript and audit rows to be deleted (Art. 17)."""

    type: Literal["erase"]


ClientFrame = Annotated[
    Hello | ConsentChoice | Withdraw | Message | Ping | Export | Erase | HandoffRequest,
    Field(discriminator="type"),
]
_CLIENT_FRAME: TypeAdapter[ClientFrame] = TypeAdapter(ClientFrame)
CLIENT_TYPES = frozenset(
    {"hello", "consent", "withdraw", "message", "ping", "export", "erase", "handoff"}
)


def parse(raw: str | bytes | None, *, max_frame_bytes: int, max_message_chars: int) -> ClientFrame:
    """Turn one websocket frame into a validated client frame, or raise `ProtocolError`."""
    if not isinstance(raw, str):
        raise ProtocolError(ErrorCode.BAD_FRAME, "Frames must be JSON text, not binary.")
    if len(raw.encode("utf-8", "surrogatepass")) > max_frame_bytes:
        raise ProtocolError(
            ErrorCode.FRAME_TOO_LARGE, f"Frames may be at most {max_frame_bytes} bytes."
        )
    data = _decode(raw)
    if not isinstance(data, dict):
        raise ProtocolError(ErrorCode.BAD_FRAME, "A frame must be a JSON object.")
    raw_id = data.get("id")
    frame_id = raw_id if isinstance(raw_id, str) and re.match(MESSAGE_ID, raw_id) else None
    kind = data.get("type")
    if not isinstance(kind, str):
        raise ProtocolError(ErrorCode.BAD_FRAME, "The field 'type' is missing.", frame_id)
    if kind not in CLIENT_TYPES:
        raise ProtocolError(ErrorCode.UNKNOWN_TYPE, "Unknown frame type.", frame_id)
    try:
        frame = _CLIENT_FRAME.validate_python(data)
    except ValidationError as exc:
        raise ProtocolError(ErrorCode.BAD_FRAME, _describe(exc), frame_id) from None
    if isinstance(frame, Message):
        _check_text(frame, max_message_chars)
    return frame


def _decode(raw: str) -> Any:
    """JSON, or the reason it is no frame: malformed JSON is `bad_json`; valid JSON we will
    not take (nested too deeply for the parser, an integer too long to convert, an unpaired
    surrogate that could not be sent on or stored) is `bad_frame`."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        raise ProtocolError(ErrorCode.BAD_JSON, "The frame is not valid JSON.") from None
    except RecursionError:
        raise ProtocolError(ErrorCode.BAD_FRAME, "The frame is nested too deeply.") from None
    except ValueError:
        raise ProtocolError(ErrorCode.BAD_FRAME, "The frame holds a number too long.") from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ProtocolError(
            ErrorCode.BAD_FRAME, "The frame holds text that is not valid Unicode."
        ) from None
    return data


def _check_text(frame: Message, max_chars: int) -> None:
    if not frame.text.strip():
        raise ProtocolError(ErrorCode.EMPTY_MESSAGE, "The message is empty.", frame.id)
    if len(frame.text) > max_chars:
        raise ProtocolError(
            ErrorCode.MESSAGE_TOO_LONG, f"Messages may be at most {max_chars} characters.", frame.id
        )


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors(include_url=False, include_input=False, include_context=False):
        loc = [str(part) for part in error["loc"]]
        if loc and loc[0] in CLIENT_TYPES:
            loc = loc[1:]
        field = ".".join(loc) or "frame"
        reason = "unexpected field" if error["type"] == "extra_forbidden" else error["msg"]
        problems.append(f"{field}: {reason}")
    return "Invalid frame: " + "; ".join(problems)


# -- server frames ----------------------------------------------------------------------


def _as_sent(schema: dict[str, Any]) -> None:
    """The schema of a frame as `encode` writes it: `type` always there, an optional
    field either absent or of its type, never `null`."""
    properties = schema.get("properties", {})
    for field in properties.values():
        if field.get("default", "") is None:
            kinds = [kind for kind in field.pop("anyOf") if kind != {"type": "null"}]
            del field["default"]
            if len(kinds) == 1:
                field.update(kinds[0])
            else:
                field["anyOf"] = kinds
    if "type" in properties:
        schema["required"] = ["type", *schema.get("required", [])]


class _ServerPart(BaseModel):
    """Forbidding extra fields makes the generated schema closed: a field the server sends
    but the schema lacks fails the protocol tests."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_as_sent)


class Author(_ServerPart):
    """Who wrote an answer: the AI, or (with the operator console) a person."""

    kind: Literal["ai", "person"]
    name: str


class PurposeConsentState(_ServerPart):
    state: Literal["none", "given", "declined", "withdrawn", "expired"]
    current: bool


class PurposeText(_ServerPart):
    id: str
    required: bool
    ask: Literal["start", "handoff"]
    """`start`: in the consent step before the chat; `handoff`: asked when the visitor
    asks for a person (the purpose `human_support`)."""
    title: str
    text: str
    details: list[str]
    text_sha256: str


class Limits(_ServerPart):
    max_message_chars: int
    messages_per_minute: int


class RecordedEvent(_ServerPart):
    event_id: str
    purpose: str
    action: Literal["given", "declined", "withdrawn", "expired"]
    seq: int
    at: str


class ReceiptEvent(RecordedEvent):
    policy_version: str
    text_sha256: str


class Receipt(_ServerPart):
    v: int
    kid: str
    alg: str
    events: list[ReceiptEvent]
    subject: str
    issued_at: str
    signature: str


class CategoryFound(_ServerPart):
    category: str
    action: Literal["redact", "note", "block"]
    words: list[str]


class Deleted(_ServerPart):
    messages: int
    audit: int
    links: int


class HistoryItem(_ServerPart):
    """An earlier message of a resumed conversation, with the visitor's values restored.
    `name` is the assistant's or the person's display name ("" for the visitor)."""

    role: Literal["visitor", "ai", "person"]
    name: str
    text: str
    seq: int


class Welcome(_ServerPart):
    type: Literal["welcome"] = "welcome"
    session: str
    resumed: bool
    lang: str
    assistant: str
    disclosure: str
    policy_version: str
    purposes: list[PurposeText]
    consent: dict[str, PurposeConsentState]
    persist: bool
    privacy_url: str
    limits: Limits
    handoff: bool
    """Whether the visitor can ask for a person (the widget shows the control)."""
    greeting: str
    suggestions: list[str]
    history: list[HistoryItem]
    last_seq: int
    """The number of the conversation's newest message: a client that sends it back in
    `hello.last_seq` when it reconnects gets exactly the messages after it in `history`."""


class ConsentRequired(_ServerPart):
    type: Literal["consent_required"] = "consent_required"
    id: str
    purposes: list[str]
    policy_version: str


class ConsentRecorded(_ServerPart):
    type: Literal["consent_recorded"] = "consent_recorded"
    events: list[RecordedEvent]
    at: str
    consent: dict[str, PurposeConsentState]
    persist: bool
    receipt: Receipt


class Redacted(_ServerPart):
    type: Literal["redacted"] = "redacted"
    id: str
    entities: dict[str, int]
    categories: list[CategoryFound]
    seq: int
    """The message's number in the conversation."""


class Delta(_ServerPart):
    type: Literal["delta"] = "delta"
    id: str
    text: str


class Done(_ServerPart):
    """The end of an answer; `ai` and `author` say who answered."""

    type: Literal["done"] = "done"
    id: str
    ai: bool
    author: Author
    outcome: Literal["complete", "cancelled", "handoff"]
    """`handoff`: the message asked for a person; it went to the handoff, not to the AI."""
    seq: int | None = None
    """The answer's number in the conversation (a complete answer only)."""


class Contact(_ServerPart):
    """The other ways to reach the site owner, offered when no person can take over."""

    email: str | None = None
    phone: str | None = None
    url: str | None = None
    hours: str | None = None


class Handoff(_ServerPart):
    """Where the conversation stands between AI and person.

    `consent`: ask for `human_support` now (`reason: "sensitive"` when the server offers a
    person because the message touched a sensitive topic); `waiting`: a person was asked for (`available`
    says whether anyone is online); `human`: `operator` answers, not the AI; `ai`: the AI
    answers (again); `unavailable`: nobody can take over (`reason`), `contact` says how else
    to reach the site owner; `closed`: a person closed the conversation.
    """

    type: Literal["handoff"] = "handoff"
    state: Literal["ai", "consent", "waiting", "human", "unavailable", "closed"]
    operator: str | None = None
    team: str | None = None
    available: bool | None = None
    reason: (
        Literal["nobody_online", "outside_hours", "declined", "disabled", "released", "sensitive"]
        | None
    ) = None
    contact: Contact | None = None


class PersonMessage(_ServerPart):
    """A message written by a person at the operator console: no AI label."""

    type: Literal["person_message"] = "person_message"
    id: str
    text: str
    author: Author
    at: str
    seq: int


class Error(_ServerPart):
    type: Literal["error"] = "error"
    code: ErrorCode
    message: str
    id: str | None = None
    categories: list[CategoryFound] | None = None


class Pong(_ServerPart):
    type: Literal["pong"] = "pong"
    id: str | None = None


class ExportData(_ServerPart):
    type: Literal["export"] = "export"
    data: dict[str, Any]


class Erased(_ServerPart):
    type: Literal["erased"] = "erased"
    at: str
    deleted: Deleted


ServerFrame = Annotated[
    Welcome
    | ConsentRequired
    | ConsentRecorded
    | Redacted
    | Delta
    | Done
    | Error
    | Pong
    | ExportData
    | Erased
    | Handoff
    | PersonMessage,
    Field(discriminator="type"),
]
_OPTIONAL_FIELDS = (
    "id",
    "categories",
    "seq",
    "operator",
    "team",
    "available",
    "reason",
    "contact",
)


def encode(frame: _ServerPart) -> str:
    """The frame as sent: an optional field without a value is left out, not `null`."""
    data = _without_nulls(frame.model_dump(mode="json"))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _without_nulls(data: dict[str, Any]) -> dict[str, Any]:
    for name in _OPTIONAL_FIELDS:
        if name in data and data[name] is None:
            del data[name]
    if isinstance(data.get("contact"), dict):
        data["contact"] = {k: v for k, v in data["contact"].items() if v is not None}
    return data


def error_frame(
    code: ErrorCode,
    message: str,
    frame_id: str | None = None,
    categories: list[dict[str, Any]] | None = None,
) -> Error:
    return Error.model_validate(
        {"code": code, "message": message, "id": frame_id, "categories": categories}
    )


def json_schema() -> dict[str, Any]:
    """Both directions as one JSON Schema (draft 2020-12): `$defs/ClientFrame` is what a
    client may send, `$defs/ServerFrame` what the server sends."""
    template = "#/$defs/{model}"
    client = TypeAdapter(ClientFrame).json_schema(ref_template=template)
    server = TypeAdapter(ServerFrame).json_schema(ref_template=template, mode="serialization")
    defs = {
        **client.pop("$defs"),
        **server.pop("$defs"),
        "ClientFrame": client,
        "ServerFrame": server,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Klarchat websocket protocol",
        "description": "One JSON object per websocket text frame; generated from"
        " server/klarchat/protocol.py.",
        "$defs": dict(sorted(defs.items())),
        "oneOf": [{"$ref": "#/$defs/ClientFrame"}, {"$ref": "#/$defs/ServerFrame"}],
    }
