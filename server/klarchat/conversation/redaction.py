"""Redaction off the event loop.

`Redactor.redact` is CPU-bound (a 4,000-character message takes tens of milliseconds
or more); run on the event loop it would hold back every other visitor's pings and
streams for that long. It runs in one worker thread instead: one, because Presidio and
spaCy are not documented as safe to call from several threads at once, and because the
GIL would gain nothing from more.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from klarchat.privacy.redactor import Redaction
from klarchat.privacy.vault import Vault


class Redacts(Protocol):
    def redact(self, text: str, language: str, vault: Vault) -> Redaction: ...


class RedactionWorker:
    def __init__(self, redactor: Redacts) -> None:
        self._redactor = redactor
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="klarchat-redact")

    async def redact(self, text: str, language: str, vault: Vault) -> Redaction:
        """Cancelling waits for the thread: it writes to `vault`, and a withdrawal clears
        the vault only after the answer has stopped, so the thread must be done by then."""
        job = asyncio.get_running_loop().run_in_executor(
            self._thread, self._redactor.redact, text, language, vault
        )
        try:
            return await asyncio.shield(job)
        except asyncio.CancelledError:
            await asyncio.wait([job])
            raise

    def close(self) -> None:
        self._thread.shutdown(wait=True, cancel_futures=True)
