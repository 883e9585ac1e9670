"""Picking a FAQ answer for the offline adapter: which entry's keywords a question hits,
ranked by how telling those keywords are.

A site owner must still be able to tell from the config alone which entry answers: an
entry answers when one of its keywords (all words of a keyword phrase) occurs in the
question. Among the entries hit, BM25 (`rank_bm25`) ranks by every keyword hit, each
weighed by how few entries list it (and a phrase once per word), so "Hallo, meine Bestellung ist nicht angekommen"
goes to the delivery entry (two telling phrases) rather than to the greeting (one); ties
go to the longer match ("Kontaktdaten": "kontakt" over "daten"), then to the earlier
entry. Small-talk entries (greetings, thanks) answer only a question nothing else hits.

Customers do not spell like keyword lists: case, umlauts written without dots, German
compounds ("Paketversand" contains "versand") and typos ("Bestelung", `rapidfuzz`
similarity) all still match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Annotated

from pydantic import Field, field_validator
from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process

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
# Typos are forgiven in keywords this long: one wrong letter in "bestellung" scores 95,
# while different words of that length ("bestellen"/"bestellung": 84) stay apart.
_MIN_FUZZY_LENGTH = 6
_FUZZY_CUTOFF = 88
# k1 as usual; b = 0, so that an entry with many keywords is not ranked down for them.
_BM25 = {"k1": 1.5, "b": 0.0}


class FaqEntry(AdapterOptions):
    keywords: dict[str, list[str]]
    answer: LocalizedText
    small_talk: bool = False
    """Answers only when no other entry matches (a greeting in front of a real question)."""

    @field_validator("keywords")
    @classmethod
    def _has_keywords(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        if not any(_words(keyword) for keywords in value.values() for keyword in keywords):
            raise ValueError("an entry needs at least one keyword")
        return value


def localized(texts: Mapping[str, str], language: str) -> str:
    """Prefer the user's language, then English, so an unknown language still gets an answer."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()))


class Faq:
    """The entries of every tier, indexed once per adapter: their keyword phrases, and
    BM25 over all entries, each a document made of its phrases."""

    def __init__(self, tiers: Sequence[Sequence[FaqEntry]]) -> None:
        self._tiers = [len(tier) for tier in tiers]
        self._entries = [entry for tier in tiers for entry in tier]
        self._phrases = [_phrases(entry) for entry in self._entries]
        documents = [[" ".join(phrase) for phrase in phrases] for phrases in self._phrases]
        self._bm25 = BM25Okapi(documents, **_BM25) if documents else None

    def best(self, question: str) -> FaqEntry | None:
        """The best entry of the first tier that matches at all, real questions before
        small talk. Tiers let the site owner's own entries take precedence over the
        built-in ones."""
        tokens = sorted(set(_words(_PLACEHOLDER.sub(" ", question))))
        if not tokens or self._bm25 is None:
            return None
        hits = [
            [" ".join(p) for p in phrases if all(_word_in(word, tokens) for word in p)]
            for phrases in self._phrases
        ]
        # A phrase of n words is n keyword hits: "nicht angekommen" says more than "paket".
        query = [p for p in sorted({p for found in hits for p in found}) for _ in p.split()]
        scores = self._bm25.get_scores(query)
        start = 0
        for size in self._tiers:
            for small_talk in (False, True):
                ranked = [
                    (float(scores[i]), sum(map(len, hits[i])), -i)
                    for i in range(start, start + size)
                    if hits[i] and self._entries[i].small_talk is small_talk
                ]
                if ranked:
                    return self._entries[-max(ranked)[2]]
            start += size
        return None


def _phrases(entry: FaqEntry) -> list[tuple[str, ...]]:
    """Keywords of every language count, since a visitor may write English on a German
    page; the set keeps a word listed in both languages ("paypal") from counting twice."""
    keywords = (k for words in entry.keywords.values() for k in words)
    return sorted({tuple(_words(keyword)) for keyword in keywords} - {()})


def _word_in(keyword: str, tokens: list[str]) -> bool:
    if len(keyword) < _MIN_SUBSTRING_LENGTH:
        return keyword in tokens
    if any(keyword in token for token in tokens):
        return True
    return len(keyword) >= _MIN_FUZZY_LENGTH and (
        process.extractOne(keyword, tokens, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        is not None
    )


def _words(text: str) -> list[str]:
    """Fold case and umlauts, so "Rückgabe", "Rueckgabe" and "Ruckgabe" are one word."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return _WORD.findall(_UMLAUT_SPELLING.sub(r"\1", plain))
