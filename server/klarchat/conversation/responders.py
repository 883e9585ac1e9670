"""Who answers a conversation. The AI adapter is one kind of responder; a person at the
operator console will be another. The connection holds its current responder, so that
handing a conversation over is swapping one object, and every `done` frame names the
author from the responder instead of assuming an AI.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Protocol

from klarchat.adapters.base import Adapter, ChatRequest
from klarchat.protocol import Author


class Responder(Protocol):
    author: Author
    name: str
    """What the audit log records as the answering component (the adapter's name)."""
    model: str

    def stream(self, request: ChatRequest) -> AsyncGenerator[str, None]:
        """The answer to the redacted conversation, as text deltas."""
        ...


class AdapterResponder:
    """The configured AI adapter, under the assistant's display name."""

    def __init__(self, adapter: Adapter, display_name: str) -> None:
        self._adapter = adapter
        self.author = Author(kind="ai", name=display_name)
        self.name = adapter.name
        self.model = adapter.model

    def stream(self, request: ChatRequest) -> AsyncGenerator[str, None]:
        return self._adapter.stream(request)
