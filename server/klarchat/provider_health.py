"""Whether the LLM backend answers, as the answers themselves show it.

A visitor whose answer fails gets a polite `error` frame; the operator would otherwise
learn nothing. This subscriber to `AnswerFinished` writes one log line per provider
failure (adapter, model, code, error class, HTTP status, time taken; never text, which
events do not carry) and keeps the latest state for `/healthz`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from klarchat.clock import parse_iso
from klarchat.events import AnswerFinished, Event

logger = logging.getLogger("klarchat.provider")

PROVIDER_CODES = frozenset({"provider_error", "provider_timeout"})


@dataclass(slots=True)
class ProviderState:
    state: str = "unknown"
    """`unknown` (nothing asked yet), `ok` or `failing`."""
    since: str = ""
    code: str = ""


class ProviderHealth:
    def __init__(self, adapter: str) -> None:
        self._adapter = adapter
        self.current = ProviderState()

    async def __call__(self, event: Event) -> None:
        if not isinstance(event, AnswerFinished) or event.responder != self._adapter:
            return
        if event.outcome == "complete":
            if self.current.state != "ok":
                self.current = ProviderState("ok", event.finished_at)
        elif event.error_code in PROVIDER_CODES:
            elapsed = parse_iso(event.finished_at) - parse_iso(event.started_at)
            logger.warning(
                "provider failed: adapter=%s model=%s code=%s error=%s status=%s after_ms=%d",
                event.responder,
                event.model or "-",
                event.error_code,
                event.failure or "-",
                event.status if event.status is not None else "-",
                elapsed.total_seconds() * 1000,
            )
            if self.current.state != "failing":
                self.current = ProviderState("failing", event.finished_at, event.error_code)
            else:
                self.current.code = event.error_code
