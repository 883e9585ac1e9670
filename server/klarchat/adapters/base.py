"""The contract between Klarchat and an LLM backend.

An adapter only ever sees redacted text: the conversation layer redacts before it
builds a `ChatRequest`, and restores placeholders after the adapter has answered.
Keeping the interface this small (one async generator) is what lets a developer
plug in a backend in a few lines.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """A redacted conversation: system prompt first, the newest user message last."""

    messages: tuple[ChatMessage, ...]
    language: str
    conversation_id: str

    @property
    def last_user_message(self) -> str:
        """Most adapters that are not a full LLM only react to the newest question."""
        for message in reversed(self.messages):
            if message.role == "user":
                return message.content
        return ""


class AdapterError(Exception):
    """A provider failure that the user sees as an `error` frame; the socket lives on.

    `code` is one of the stable protocol codes (`provider_error`, `provider_timeout`);
    `message` must never contain conversation text. `status` (the provider's HTTP status)
    and `cause` (the class of the underlying error) go into the operator's log line.
    """

    def __init__(
        self, code: str, message: str, *, status: int | None = None, cause: str = ""
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.cause = cause


class AdapterConfigError(ValueError):
    """Raised by an adapter factory when its options are invalid; names the key."""


class Adapter(ABC):
    """Implement `stream`; construct from the `[adapters.<name>]` table of the config.

    `name` is the entry-point name; `model` is what the audit records.
    """

    name: ClassVar[str]
    model: str = ""

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Validate `options`; raise `AdapterConfigError` naming the key on a bad value."""

    @abstractmethod
    def stream(self, request: ChatRequest) -> AsyncGenerator[str, None]:
        """Yield the answer as text deltas; raise `AdapterError` on provider failure.

        Write it as an async generator (`async def` with `yield`): the caller closes it
        with `contextlib.aclosing` when the visitor withdraws consent mid-answer, and
        the generator's cleanup is where a network stream gets closed.
        """

    async def aclose(self) -> None:
        """Release network clients; called once at server shutdown."""
