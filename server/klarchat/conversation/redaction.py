"""Redaction off the event loop: in one worker thread, or in worker processes.

`Redactor.redact` is CPU-bound (a 4,000-character message takes tens of milliseconds
or more); run on the event loop it would hold back every other visitor's pings and
streams for that long.

`RedactionWorker` runs it in one worker thread: one, because Presidio and spaCy are not
documented as safe to call from several threads at once, and because the GIL would gain
nothing from more. `RedactionPool` runs the finding in worker processes, each with its
own Presidio, so that several messages are redacted at once on several cores; the vault,
which holds the conversation's values, never leaves the server process: a worker gets the
text and the names already known and hands back spans, and `Replacer.apply` swaps them for
placeholders here. The pool is what `privacy.redaction_processes` > 0 chooses.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Protocol

from klarchat.privacy.categories import Category, CategoryAction
from klarchat.privacy.redactor import Redaction, Redactor, Replacer, Span
from klarchat.privacy.vault import Vault

WARM_UP = "Anna Muster, anna@example.org, Hauptstraße 1, 10115 Berlin"


class Redacts(Protocol):
    def redact(self, text: str, language: str, vault: Vault) -> Redaction: ...


class RedactsAsync(Protocol):
    async def redact(self, text: str, language: str, vault: Vault) -> Redaction: ...

    def close(self) -> None: ...


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


_worker_redactor: Redactor | None = None


def _start_worker(
    languages: Sequence[str],
    threshold: float,
    pass_through: Collection[str],
    category_actions: Mapping[Category, CategoryAction],
) -> None:
    global _worker_redactor  # one Redactor per worker process, built once
    _worker_redactor = Redactor(
        languages, threshold, pass_through=pass_through, category_actions=category_actions
    )


def _find(text: str, language: str, known_names: tuple[str, ...]) -> list[Span]:
    assert _worker_redactor is not None, "the worker was started without its redactor"
    return _worker_redactor.spans(text, language, known_names)


class RedactionPool:
    def __init__(
        self,
        processes: int,
        languages: Sequence[str],
        threshold: float,
        *,
        pass_through: Collection[str] = (),
        category_actions: Mapping[Category, CategoryAction] | None = None,
    ) -> None:
        self._languages = list(languages)
        self._size = processes
        self._replacer = Replacer(pass_through, category_actions)
        # spawn, not fork: the server process has threads and an event loop by now.
        self._pool = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(
                self._languages,
                threshold,
                tuple(pass_through),
                self._replacer.category_actions,
            ),
        )

    async def start(self) -> None:
        """Start every worker and let it load its models now, not at the first message."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(
            *(
                loop.run_in_executor(self._pool, _find, WARM_UP, language, ())
                for language in self._languages
                for _ in range(self._size)
            )
        )

    async def redact(self, text: str, language: str, vault: Vault) -> Redaction:
        """A cancelled call leaves the vault untouched: only `apply`, here, writes to it."""
        spans = await asyncio.get_running_loop().run_in_executor(
            self._pool, _find, text, language, vault.person_names
        )
        return self._replacer.apply(text, spans, vault)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
