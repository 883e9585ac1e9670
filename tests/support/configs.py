"""Server configurations several test modules share."""

from __future__ import annotations

from typing import Any

from tests.support.fake_provider import FakeProvider


def with_provider(
    provider: FakeProvider, *, transcript: bool = True, **extra: Any
) -> dict[str, Any]:
    """The OpenAI-compatible adapter pointed at the stand-in provider, named as recipient,
    with the purposes `ai_chat`, `transcript` (optional) and `human_support` (asked at
    handoff); `extra` adds or replaces top-level settings."""
    purposes: dict[str, Any] = {
        "ai_chat": {
            "required": True,
            "title": {"de": "Chat", "en": "Chat"},
            "text": {"de": "Ich willige ein.", "en": "I agree."},
            "recipients": [{"name": "Stand-in", "role": "Auftragsverarbeiter", "country": "DE"}],
        },
        "human_support": {
            "ask": "handoff",
            "title": {"de": "Mensch", "en": "Person"},
            "text": {"de": "Eine Mitarbeiterin liest mit.", "en": "Staff read along."},
        },
    }
    if transcript:
        purposes["transcript"] = {
            "title": {"de": "Speichern", "en": "Keep"},
            "text": {"de": "Speichern ist freiwillig.", "en": "Keeping is optional."},
        }
    return {
        "adapter": "openai",
        "adapters": {"openai": {"base_url": provider.base_url, "model": "m", "api_key": "sk-test"}},
        "consent": {"purposes": purposes},
        **extra,
    }
