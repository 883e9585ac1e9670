"""The per-conversation pseudonym map: which placeholder stands for which value.

The originals never reach a provider. Between instances the map travels only sealed with
a key derived from the visitor's session token (`session_keys`, `sessions`); it ends with
the session (idle timeout, resume window, withdrawal or erasure).
"""

from __future__ import annotations

import json
import re

from klarchat.privacy.mentions import surname_of

PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*?)_([1-9][0-9]*)>")
MAX_PLACEHOLDER_LENGTH = 40

_DIGITS_ONLY = {"PHONE_NUMBER", "CREDIT_CARD"}
_ALPHANUMERIC_ONLY = {"IBAN_CODE"}
_NON_DIGIT = re.compile(r"\D")
_NON_ALPHANUMERIC = re.compile(r"[^0-9A-Za-z]")


def normalise(entity_type: str, value: str) -> str:
    """The form under which two spellings of one value count as the same.

    "+49 30 1234567" and "+49-30-1234567" are one number; "Anna@X.de" and
    "anna@x.de" one address; "Anna  Schmidt" and "anna schmidt" one person.
    An IBAN keeps its letters, since the country code is part of its identity.
    """
    if entity_type in _DIGITS_ONLY:
        return _NON_DIGIT.sub("", value)
    if entity_type in _ALPHANUMERIC_ONLY:
        return _NON_ALPHANUMERIC.sub("", value).upper()
    return " ".join(value.split()).casefold()


class Vault:
    """Placeholders ``<TYPE_N>`` for one conversation, numbered per type from 1."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}
        self._originals: dict[str, str] = {}
        self._counters: dict[str, int] = {}
        self._person_names: list[str] = []

    def placeholder_for(self, entity_type: str, value: str) -> str:
        """Return the placeholder for ``value``, creating one on first sight.

        The first spelling seen is the one :meth:`restore` gives back.
        """
        key = (entity_type, normalise(entity_type, value))
        placeholder = self._by_key.get(key)
        if placeholder is None:
            number = self._counters.get(entity_type, 0) + 1
            self._counters[entity_type] = number
            placeholder = f"<{entity_type}_{number}>"
            self._by_key[key] = placeholder
            self._originals[placeholder] = value
            if entity_type == "PERSON":
                self._remember_person(value, placeholder)
        return placeholder

    def _remember_person(self, value: str, placeholder: str) -> None:
        """Let a later "Frau Kowalski" share the placeholder of "Anna Kowalski".

        The surname becomes a second key of the same placeholder, unless it
        already stands for someone else (two people of one family keep their own).
        """
        self._person_names.append(value)
        surname = surname_of(value)
        if surname and surname != value:
            self._by_key.setdefault(("PERSON", normalise("PERSON", surname)), placeholder)
            self._person_names.append(surname)

    @property
    def person_names(self) -> tuple[str, ...]:
        """Every person's name and surname seen in this conversation, as first written."""
        return tuple(self._person_names)

    def restore(self, text: str) -> str:
        """Put the original values back; placeholders we never issued stay as they are."""
        return PLACEHOLDER.sub(lambda m: self._originals.get(m.group(0), m.group(0)), text)

    def placeholders(self) -> list[tuple[str, str]]:
        """(placeholder, entity type) of every value held, in the order first seen."""
        return [(p, p[1:-1].rsplit("_", 1)[0]) for p in self._originals]

    def original(self, placeholder: str) -> str | None:
        """The value behind a placeholder, while the conversation holds it."""
        return self._originals.get(placeholder)

    def dumps(self) -> bytes:
        """The whole map as JSON, to be sealed; `loads` gives back an equal vault."""
        return json.dumps(
            {
                "keys": [[t, v, p] for (t, v), p in self._by_key.items()],
                "originals": self._originals,
                "counters": self._counters,
                "names": self._person_names,
            },
            ensure_ascii=False,
        ).encode("utf-8")

    @classmethod
    def loads(cls, data: bytes) -> Vault:
        state = json.loads(data)
        vault = cls()
        vault._by_key = {(t, v): p for t, v, p in state["keys"]}
        vault._originals = dict(state["originals"])
        vault._counters = dict(state["counters"])
        vault._person_names = list(state["names"])
        return vault

    def clear(self) -> None:
        """Forget every value and every number, e.g. when consent is withdrawn."""
        self._by_key.clear()
        self._originals.clear()
        self._counters.clear()
        self._person_names.clear()
