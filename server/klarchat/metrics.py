"""Consent metrics: how sessions decide, per policy version and wording variant.

Counts only, with no subject, token, conversation or time, so they hold no personal data
and can be kept and shown without a retention period. Each counter counts sessions, each
session at most once per counter:

- `opened`: a new session (a `hello` without a valid resume token);
- `consented`: the session gave `ai_chat` consent (at least once);
- `declined`: the session declined `ai_chat` (at least once);
- `withdrew`: the session withdrew `ai_chat` consent (at least once);
- `left_undecided`: the session ended (idle, resume window over, server stopped) without
  ever deciding about `ai_chat`.

A session that declines and later consents counts in both `declined` and `consented`.
Counted under the policy version of the session's variant, as shown to it.
"""

from __future__ import annotations

from klarchat.consent.state import Action
from klarchat.consent.variants import Variants
from klarchat.events import ConsentDecided, Event, SessionEnded, SessionOpened
from klarchat.store.base import Store

AI_CHAT = "ai_chat"

_COUNTER_FOR_ACTION = {
    Action.GIVEN: "consented",
    Action.DECLINED: "declined",
    Action.WITHDRAWN: "withdrew",
}


class ConsentMetrics:
    """Subscribes to the conversation events; remembers per live session which counters
    it has counted in, and forgets that when the session ends."""

    def __init__(self, store: Store, variants: Variants) -> None:
        self._store = store
        self._variants = variants
        self._counted: dict[str, set[str]] = {}

    async def __call__(self, event: Event) -> None:
        if isinstance(event, SessionOpened):
            await self._count(event.conversation, event.variant, "opened")
        elif isinstance(event, ConsentDecided):
            counter = _COUNTER_FOR_ACTION.get(event.decisions.get(AI_CHAT))  # type: ignore[arg-type]
            if counter is not None:
                await self._count(event.conversation, event.variant, counter)
        elif isinstance(event, SessionEnded):
            counted = self._counted.pop(event.conversation, set())
            if not counted & {"consented", "declined"}:
                await self._store.count_metric(
                    self._version(event.variant), event.variant or "", "left_undecided"
                )

    async def _count(self, conversation: str, variant: str | None, counter: str) -> None:
        counted = self._counted.setdefault(conversation, set())
        if counter in counted:
            return
        counted.add(counter)
        await self._store.count_metric(self._version(variant), variant or "", counter)

    def _version(self, variant: str | None) -> str:
        """Counted under the policy version of the session's variant, as shown to it."""
        return self._variants.policy(variant).version
