"""Websocket frames: one JSON object per text frame, validated before anything acts on it.

A bad frame becomes a `ProtocolError` with a stable machine code (listed in
`ErrorCode` and in the README); the connection handler answers it with an `error`
frame and reads on. Error messages name fields, never echo the visitor's text.
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
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    STALE_POLICY = "stale_policy"
    UNKNOWN_PURPOSE = "unknown_purpose"
    NOT_GIVEN = "not_given"
    BUSY = "busy"
    RATE_LIMITED = "rate_limited"
    SPECIAL_CATEGORY = "special_category"
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
    Hello | ConsentChoice | Withdraw | Message | Ping | Export | Erase,
    Field(discriminator="type"),
]
_CLIENT_FRAME: TypeAdapter[ClientFrame] = TypeAdapter(ClientFrame)
CLIENT_TYPES = frozenset({"hello", "consent", "withdraw", "message", "ping", "export", "erase"})


def parse(raw: str | bytes | None, *, max_frame_bytes: int, max_message_chars: int) -> ClientFrame:
    """Turn one websocket frame into a validated client frame, or raise `ProtocolError`."""
    if not isinstance(raw, str):
        raise ProtocolError(ErrorCode.BAD_FRAME, "Frames must be JSON text, not binary.")
    if len(raw.encode("utf-8", "surrogatepass")) > max_frame_bytes:
        raise ProtocolError(
            ErrorCode.FRAME_TOO_LARGE, f"Frames may be at most {max_frame_bytes} bytes."
        )
    try:
        data = json.loads(raw)
    except ValueError:
        raise ProtocolError(ErrorCode.BAD_JSON, "The frame is not valid JSON.") from None
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


def encode(frame: dict[str, Any]) -> str:
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


def error_frame(
    code: ErrorCode, message: str, frame_id: str | None = None, **details: Any
) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": "error", "code": code.value, "message": message, **details}
    if frame_id is not None:
        frame["id"] = frame_id
    return frame
