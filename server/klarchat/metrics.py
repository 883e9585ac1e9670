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

from collections.abc import Iterable, Mapping

from klarchat.consent.state import Action
from klarchat.consent.variants import Variants
from klarchat.sessions import Session
from klarchat.store.base import Store

AI_CHAT = "ai_chat"

_COUNTER_FOR_ACTION = {
    Action.GIVEN: "consented",
    Action.DECLINED: "declined",
    Action.WITHDRAWN: "withdrew",
}


class ConsentMetrics:
    def __init__(self, store: Store, variants: Variants) -> None:
        self._store = store
        self._variants = variants

    async def opened(self, session: Session) -> None:
        await self._count(session, "opened")

    async def decided(self, session: Session, decisions: Mapping[str, Action]) -> None:
        """After the ledger committed `decisions`; only `ai_chat` decisions count."""
        counter = _COUNTER_FOR_ACTION.get(decisions.get(AI_CHAT))  # type: ignore[arg-type]
        if counter is not None:
            await self._count(session, counter)

    async def ended(self, sessions: Iterable[Session]) -> None:
        """Sessions that are gone for good: those that never decided left undecided."""
        for session in sessions:
            if not session.counted & {"consented", "declined"}:
                await self._count(session, "left_undecided")

    async def _count(self, session: Session, counter: str) -> None:
        if counter in session.counted:
            return
        session.counted.add(counter)
        version = self._variants.policy(session.variant).version
        await self._store.count_metric(version, session.variant or "", counter)
