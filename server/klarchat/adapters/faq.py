"""Picking a FAQ answer by keyword overlap, for the offline adapter.

Deliberately simple and predictable: a site owner must be able to tell from the
config alone which entry answers a question. There is no language model here, so
the matching only has to survive everyday spelling: case, umlauts written without
dots, plurals and German compounds ("Paketversand" contains "versand").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Annotated

from pydantic import Field, field_validator

from klarchat.adapters.options import AdapterOptions

LocalizedText = Annotated[dict[str, Annotated[str, Field(min_length=1)]], Field(min_length=1)]

# Redaction placeholders such as <PERSON_1> carry no meaning for matching, and their
# names ("EMAIL_ADDRESS") would otherwise match the "address" of the contact entry.
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*_\d+>")
_WORD = re.compile(r"\w+")
# German written without umlaut keys: "ue" for "ü". Folded on both sides of a match,
# so the odd English word it changes ("queue") still matches itself.
_UMLAUT_SPELLING = re.compile(r"([aou])e")
# Shorter keywords ("ai", "ki", "pay") only match a whole word, or "ki" would match "kind".
_MIN_SUBSTRING_LENGTH = 4


class FaqEntry(AdapterOptions):
    keywords: dict[str, list[str]]
    answer: LocalizedText

    @field_validator("keywords")
    @classmethod
    def _has_keywords(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        if not any(_words(keyword) for keywords in value.values() for keyword in keywords):
            raise ValueError("an entry needs at least one keyword")
        return value


def localized(texts: Mapping[str, str], language: str) -> str:
    """Prefer the user's language, then English, so an unknown language still gets an answer."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()))


def best_entry(question: str, tiers: Sequence[Sequence[FaqEntry]]) -> FaqEntry | None:
    """The best-scoring entry of the first tier that matches at all; earlier entries win ties.

    Tiers let the site owner's own entries take precedence over the built-in ones.
    """
    tokens = _words(_PLACEHOLDER.sub(" ", question))
    for entries in tiers:
        best: FaqEntry | None = None
        best_score = 0
        for entry in entries:
            score = _score(entry, tokens)
            if score > best_score:
                best, best_score = entry, score
        if best is not None:
            return best
    return None


def _score(entry: FaqEntry, tokens: list[str]) -> int:
    """Total length of the matched keywords, so a specific word outweighs a short one.

    "Kontaktdaten" contains both "kontakt" and "daten"; the longer match wins.
    Keywords of every language count, since a visitor may write English on a German
    page; the set keeps a word listed in both languages ("paypal") from counting twice.
    """
    phrases = {
        tuple(_words(keyword)) for keywords in entry.keywords.values() for keyword in keywords
    }
    return sum(
        sum(len(word) for word in phrase) for phrase in phrases if _phrase_matches(phrase, tokens)
    )


def _phrase_matches(phrase: tuple[str, ...], tokens: list[str]) -> bool:
    return bool(phrase) and all(
        any(_word_matches(word, token) for token in tokens) for word in phrase
    )


def _word_matches(keyword: str, token: str) -> bool:
    if len(keyword) < _MIN_SUBSTRING_LENGTH:
        return keyword == token
    return keyword in token


def _words(text: str) -> list[str]:
    """Fold case and umlauts, so "Rückgabe", "Rueckgabe" and "Ruckgabe" are one word."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return _WORD.findall(_UMLAUT_SPELLING.sub(r"\1", plain))
