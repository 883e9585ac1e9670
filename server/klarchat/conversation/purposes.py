"""The purposes the conversation itself acts on, and how to read a session's consent.

`ai_chat` gates every message; `transcript` decides whether redacted text is stored;
`human_support` whether a person may read the conversation.
Both the consent flow and the answer read them, so they live here, below both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klarchat.consent.policy import Policy
from klarchat.sessions import Session

if TYPE_CHECKING:
    from klarchat.services import Services

AI_CHAT = "ai_chat"
TRANSCRIPT = "transcript"
HUMAN_SUPPORT = "human_support"
"""A person at the operator console reading the chat: asked at the moment of handoff."""


def policy_of(services: Services, session: Session) -> Policy:
    """The policy of the session's wording variant (the base one without variants)."""
    return services.variants.policy(session.variant)


def is_active(services: Services, session: Session, purpose: str) -> bool:
    """Given, and to the wording the session is shown now."""
    return session.consent_for(purpose).is_active(policy_of(services, session).version)
