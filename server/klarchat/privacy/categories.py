"""The special categories (GDPR Art. 9) and what may happen to a message holding one.

Kept apart from the recognizers so that the configuration can name them without
loading Presidio and spaCy: this module imports nothing but the standard library.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """The special categories of GDPR Art. 9(1), one Presidio entity type each."""

    HEALTH = "health"
    RELIGION = "religion"
    ETHNIC_ORIGIN = "ethnic_origin"
    POLITICAL_OPINION = "political_opinion"
    SEXUAL_ORIENTATION = "sexual_orientation"
    TRADE_UNION = "trade_union"
    BIOMETRIC = "biometric"
    GENETIC = "genetic"

    @property
    def entity_type(self) -> str:
        """The Presidio entity type, e.g. ``"HEALTH"``."""
        return self.value.upper()


class CategoryAction(StrEnum):
    """What happens to a message with special-category data (GDPR Art. 9) in it."""

    REDACT = "redact"
    BLOCK = "block"
    NOTE = "note"
