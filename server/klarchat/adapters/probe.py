"""One fixed question to the configured backend, to tell an operator whether it answers
before a visitor finds out (`klarchat check-config --probe`).

The question is a constant, so nothing a visitor wrote can reach the provider this way.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import aclosing
from dataclasses import dataclass

from klarchat.adapters.base import Adapter, AdapterError, ChatMessage, ChatRequest

QUESTION = {"de": "Bitte antworte nur mit: OK", "en": "Please answer only with: OK"}
PROBE_TIMEOUT_S = 60


@dataclass(frozen=True, slots=True)
class ProbeResult:
    adapter: str
    model: str
    ok: bool
    elapsed_ms: int
    detail: str = ""

    def line(self) -> str:
        who = f"{self.adapter}{f' ({self.model})' if self.model else ''}"
        if self.ok:
            return f"provider: {who} answers (first text after {self.elapsed_ms} ms)"
        return f"provider: {who} does not answer after {self.elapsed_ms} ms: {self.detail}"


async def probe(adapter: Adapter, language: str) -> ProbeResult:
    """Wait for the first text of the answer; a provider that streams one delta works."""
    request = ChatRequest(
        messages=(ChatMessage("user", QUESTION.get(language, QUESTION["en"])),),
        language=language,
        conversation_id="probe",
    )
    started = time.monotonic()

    def result(ok: bool, detail: str = "") -> ProbeResult:
        elapsed = round((time.monotonic() - started) * 1000)
        return ProbeResult(adapter.name, adapter.model, ok, elapsed, detail)

    try:
        async with asyncio.timeout(PROBE_TIMEOUT_S), aclosing(adapter.stream(request)) as deltas:
            async for delta in deltas:
                if delta.strip():
                    return result(True)
        return result(False, "the answer was empty")
    except AdapterError as exc:
        status = f", HTTP {exc.status}" if exc.status is not None else ""
        return result(False, f"{exc.code} ({exc.cause or 'error'}{status}): {exc.message}")
    except TimeoutError:
        return result(False, f"no text within {PROBE_TIMEOUT_S} s")
