"""An adapter that repeats the user, so tests can predict every delta.

It also shows what the conversation layer hands over: the echoed text is the
redacted text, placeholders included.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Mapping
from typing import Any

from pydantic import Field

from klarchat.adapters.base import Adapter, ChatRequest
from klarchat.adapters.options import AdapterOptions, parse_options


class EchoOptions(AdapterOptions):
    delay_ms: int = Field(default=0, ge=0)
    chunk_chars: int = Field(default=8, gt=0)


class EchoAdapter(Adapter):
    """`delay_ms` between deltas lets a test withdraw consent while a stream is running."""

    name = "echo"
    model = "echo"

    def __init__(self, options: Mapping[str, Any]) -> None:
        self._options = parse_options(EchoOptions, options, self.name)

    async def stream(self, request: ChatRequest) -> AsyncGenerator[str, None]:
        text = request.last_user_message
        size = self._options.chunk_chars
        for start in range(0, len(text), size):
            if start and self._options.delay_ms:
                await asyncio.sleep(self._options.delay_ms / 1000)
            yield text[start : start + size]
