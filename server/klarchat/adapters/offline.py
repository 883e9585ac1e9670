"""The default adapter: answers from a FAQ, with no network and no API key.

A fresh install must chat without sending anything anywhere, so that a site owner
can try Klarchat, and the consent and redaction flow, before choosing a provider.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncGenerator, Mapping
from typing import Any

from pydantic import Field

from klarchat.adapters.base import Adapter, ChatRequest
from klarchat.adapters.faq import Faq, FaqEntry, LocalizedText, localized
from klarchat.adapters.faq_defaults import DEFAULT_FALLBACK, DEFAULT_FAQ
from klarchat.adapters.options import AdapterOptions, parse_options

# A word with the whitespace after it, so the deltas join back into the exact answer.
_DELTA = re.compile(r"\S+\s*")


class OfflineOptions(AdapterOptions):
    """`faq` entries are consulted before the built-in ones, which answer what the site's
    own FAQ does not cover (such as "are you a human?") unless `include_default_faq` is false.
    """

    faq: list[FaqEntry] = Field(default_factory=list)
    include_default_faq: bool = True
    fallback: LocalizedText = Field(default_factory=lambda: dict(DEFAULT_FALLBACK))
    delay_ms: int = Field(default=0, ge=0)


class OfflineAdapter(Adapter):
    name = "offline"
    model = "offline-faq"

    def __init__(self, options: Mapping[str, Any]) -> None:
        self._options = parse_options(OfflineOptions, options, self.name)
        defaults = [FaqEntry.model_validate(entry) for entry in DEFAULT_FAQ]
        self._faq = Faq([self._options.faq, defaults if self._options.include_default_faq else []])

    def answer(self, request: ChatRequest) -> str:
        """The complete answer, for callers that do not need a stream."""
        entry = self._faq.best(request.last_user_message)
        texts = entry.answer if entry is not None else self._options.fallback
        return localized(texts, request.language)

    async def stream(self, request: ChatRequest) -> AsyncGenerator[str, None]:
        delay = self._options.delay_ms / 1000
        for index, match in enumerate(_DELTA.finditer(self.answer(request).strip())):
            if index and delay:
                await asyncio.sleep(delay)
            yield match.group()
