"""What staff see of a conversation: states, counts and the redacted text, nothing more.

The console's list shows no text at all; the transcript shows the text as the AI provider
got it, with placeholders, and only to staff once the visitor agreed to `human_support`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klarchat.sessions import Session

if TYPE_CHECKING:
    from klarchat.services import Services


LIVE_MS = 60_000
"""A visitor seen this recently counts as connected: their widget pings twice a minute."""


def summary(services: Services, session: Session) -> dict[str, Any]:
    handoff = session.handoff
    now = services.clock.epoch_ms()
    waiting = (
        round((now - handoff.waiting_since_ms) / 1000, 1)
        if handoff.state == "waiting" and handoff.waiting_since_ms is not None
        else None
    )
    return {
        "id": session.conversation_id,
        "state": handoff.state,
        "lang": session.lang,
        "live": services.live.is_live(session.conversation_id) or now - session.seen_ms < LIVE_MS,
        "consent": {
            purpose: session.consent_for(purpose).state.value
            for purpose in services.policy.purposes
        },
        "entities": dict(sorted(session.entities.items())),
        "messages": session.last_seq,
        "waiting_seconds": waiting,
        "operator": handoff.operator,
        "operator_name": handoff.operator_name,
        "started_at": session.started_at,
        "last_activity_at": session.last_activity_at or session.started_at,
    }


def transcript(session: Session) -> list[dict[str, str]]:
    return [
        {"role": line.role, "author": line.author, "text": line.text, "at": line.at}
        for line in session.lines
    ]


def placeholders(session: Session) -> list[dict[str, str]]:
    return [
        {"placeholder": placeholder, "entity_type": entity_type}
        for placeholder, entity_type in session.vault.placeholders()
    ]
