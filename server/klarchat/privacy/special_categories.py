"""Special categories of personal data (GDPR Art. 9) found by vocabulary.

Health, religion, ethnic origin, political opinion, sexual orientation, trade-union
membership, biometric and genetic data are mostly *said*, not numbered, so there is
no shape to match: what gives them away are words ("Diabetikerin", "schwules
Paar", "ver.di"). ``special_categories_de`` and ``special_categories_en`` hold
those words as data; this module turns them into Presidio recognizers.

Why vocabulary and not a classifier: Klarchat runs offline on a blank spaCy
pipeline, and no maintained lexicon package for these categories exists for
German and English, so the lists are written by hand (each language module says
what it leaves out and why).

How a category's vocabulary is written (:class:`Terms`):

- ``words`` are case-insensitive regex fragments that may match *inside* a word,
  so German compounds come for free ("schmerz" finds "Rückenschmerzen"). The
  span is then widened to the whole word, hyphenated parts included
  ("Diabetes-Patientin"), because that word is what a caller redacts.
- ``cased`` fragments are matched as written: acronyms ("HIV", "OP") and words
  whose other capitalisation means something else ("gläubig", not "Gläubiger").
- ``cued`` terms count only next to a phrase that makes them personal: "CDU" is
  news, "ich wähle die CDU" is an opinion. The cue stays outside the span.
- ``vetoes`` drop a flagged word when they occur in it or in the word after it
  ("Flusskrebs", "Fingerabdruck Sensor").

Every fragment starts with plain letters (optionally after ``\\m``), which is
what makes scanning fast: see :func:`compile_prefilter`. A guard that looks back
goes after them ("infekt(?<!desinfekt)"), and alternatives with different starts
are listed as separate fragments. A space stands for any run of whitespace, and
each umlaut or "ß" also accepts its two-letter spelling ("Rueckenschmerzen",
"Strasse"); inside a character class both are taken literally. ``\\m`` and
``\\M`` (the ``regex`` module's start and end of word) pin a fragment to a word
boundary where a bare stem would hit unrelated words.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeAlias

import regex
from presidio_analyzer import (
    EntityRecognizer,
    LocalRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from klarchat.privacy.categories import Category
from klarchat.privacy.results import explained_result

SCORE = 0.8
LANGUAGE_MODULES = {
    "de": "klarchat.privacy.special_categories_de",
    "en": "klarchat.privacy.special_categories_en",
}


@dataclass(frozen=True)
class Cued:
    """Terms that reveal something about a person only next to a cue.

    ``before`` is a phrase that must come right before a term (whitespace in
    between is implied); ``after`` one that must follow it after whitespace or a
    hyphen ("SPD-Mitglied", "AfD gewählt"). Cues ignore case; the terms are
    case-sensitive unless ``cased`` is off, and always end at a word boundary.
    """

    terms: tuple[str, ...]
    before: str = ""
    after: str = ""
    cased: bool = True


@dataclass(frozen=True)
class Terms:
    """One category's vocabulary in one language; see the module docstring."""

    words: tuple[str, ...] = ()
    cased: tuple[str, ...] = ()
    cued: tuple[Cued, ...] = ()
    vetoes: tuple[str, ...] = ()


# Whatever the category, a word naming a street is an address ("Kirchstraße",
# "Klosterweg"), and so is a word followed by one ("Church Street").
_STREET_WORD = regex.compile(r"(?i:stra(?:ß|ss)e|str|weg|gasse|allee|platz|ufer|damm|chaussee)\Z")
_STREET_NEXT = regex.compile(
    r"[ \t]+(?:Stra(?:ß|ss)e|Str\.|Weg|Gasse|Allee|Platz|Street|St\.|Road|Rd\.?|Lane|Avenue)"
    r"(?![\p{L}\p{N}])"
)
_NEXT_WORD = regex.compile(r"[\s-]*[\p{L}\p{N}]*")
_SPECIAL = regex.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|([äöüßÄÖÜ ])")
_SPELLINGS = {
    "ä": "(?:ä|ae)",
    "ö": "(?:ö|oe)",
    "ü": "(?:ü|ue)",
    "ß": "(?:ß|ss)",
    "Ä": "(?:Ä|Ae)",
    "Ö": "(?:Ö|Oe)",
    "Ü": "(?:Ü|Ue)",
    " ": r"\s+",
}
_END = r"(?![\p{L}\p{N}])"
# The plain letters a fragment starts with, after an optional word-start anchor
# (a letter under a quantifier is not plain: "tumou?r" starts with "tumo").
_PREFIX = regex.compile(r"(?:\\m)?((?:[A-Za-z0-9äöüßÄÖÜ -](?![?*+{]))+)")
_STRUCTURE = regex.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|[()|]")
# A prefix trie: one node per character, _LEAF marks where a prefix ends.
_Trie: TypeAlias = dict[str, "_Trie"]
_LEAF = ""


def spelled(fragment: str) -> str:
    """``fragment`` with spaces and umlauts widened, character classes left alone."""
    return _SPECIAL.sub(lambda m: _SPELLINGS[m.group(1)] if m.group(1) else m.group(), fragment)


def _literal_prefix(fragment: str) -> str:
    """The plain letters every match of ``fragment`` starts with.

    They are what :func:`compile_prefilter` looks for, so a fragment without
    them, or with a top-level "|" that would offer a second start, is refused.
    """
    prefix = _PREFIX.match(fragment)
    if prefix is None or _has_top_level_bar(fragment):
        raise ValueError(
            f"{fragment!r} must start with plain letters and have no top-level '|'; "
            "list alternatives as separate fragments"
        )
    return prefix.group(1)


def _has_top_level_bar(fragment: str) -> bool:
    depth = 0
    for piece in _STRUCTURE.finditer(fragment):
        symbol = piece.group()
        depth += {"(": 1, ")": -1}.get(symbol, 0)
        if symbol == "|" and depth == 0:
            return True
    return False


def _alternation(fragments: Iterable[str]) -> str:
    # Longest first, so that at one position a phrase wins over the word it
    # starts with ("Green Party" before "Green"): an alternation takes the
    # first branch that matches.
    ordered = sorted(fragments, key=len, reverse=True)
    return "|".join(f"(?:{spelled(fragment)})" for fragment in ordered)


def _cued_branches(cued: Cued) -> list[str]:
    terms = _alternation(cued.terms)
    if not cued.cased:
        terms = f"(?i:{terms})"
    branches = []
    if cued.before:
        cue = rf"(?<![\p{{L}}\p{{N}}])(?i:{spelled(cued.before)})\s+"
        branches.append(rf"(?<={cue})(?:{terms}){_END}")
    if cued.after:
        branches.append(rf"(?:{terms}){_END}(?=(?:\s+|-)(?i:{spelled(cued.after)}){_END})")
    return branches


def _fragments(terms: Terms) -> list[str]:
    return [*terms.words, *terms.cased, *(term for cued in terms.cued for term in cued.terms)]


def compile_terms(terms: Terms) -> regex.Pattern[str]:
    """One alternation for a whole category, tried where the prefilter points."""
    branches = []
    if terms.words:
        branches.append(f"(?i:{_alternation(terms.words)})")
    if terms.cased:
        branches.append(_alternation(terms.cased))
    for cued in terms.cued:
        branches.extend(_cued_branches(cued))
    if not branches:
        raise ValueError("a category needs at least one term")
    return regex.compile("|".join(branches))


def compile_prefilter(terms: Terms) -> re.Pattern[str]:
    """Where in a lower-cased message any of the category's terms could start.

    ``regex`` tries a long alternation branch by branch at every character,
    which costs about a millisecond per category and message. The standard
    library's ``re`` finds plain prefixes, factored into a trie, many times
    faster; so ``re`` points at the candidates and ``regex`` (look-behinds,
    Unicode classes, scoped case) decides only there.
    """
    tree: _Trie = {}
    # Shortest first: a prefix that starts with another one adds no candidate.
    for prefix in sorted(
        {_literal_prefix(f).lower() for f in _fragments(terms)}, key=lambda p: (len(p), p)
    ):
        node = tree
        for char in prefix:
            if _LEAF in node:
                break
            node = node.setdefault(char, {})
        else:
            node[_LEAF] = {}
    return re.compile(_trie_regex(tree))


def _trie_regex(node: _Trie) -> str:
    if _LEAF in node:
        return ""
    branches = [spelled(char) + _trie_regex(child) for char, child in node.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``text[start:end]`` to whole words, joining hyphenated parts."""
    while start > 0 and (
        text[start - 1].isalnum()
        or (text[start - 1] == "-" and start > 1 and text[start - 2].isalnum())
    ):
        start -= 1
    while end < len(text) and (
        text[end].isalnum()
        or (text[end] == "-" and end + 1 < len(text) and text[end + 1].isalnum())
    ):
        end += 1
    return start, end


class SpecialCategoryRecognizer(LocalRecognizer):
    """Flags the words of one special category in one language.

    The prefilter points at the places where a term could start, and the
    category's one compiled alternation decides there, so a message costs
    microseconds however long the lists grow. Results carry the words that
    triggered them as their span.
    """

    def __init__(self, *, category: Category, language: str, terms: Terms) -> None:
        self.category = category
        self._pattern = compile_terms(terms)
        self._prefilter = compile_prefilter(terms)
        self._veto = (
            regex.compile("|".join(f"(?i:{spelled(veto)})" for veto in terms.vetoes))
            if terms.vetoes
            else None
        )
        super().__init__(
            supported_entities=[category.entity_type],
            supported_language=language,
            name=f"SpecialCategoryRecognizer_{category.value}_{language}",
        )

    def load(self) -> None:
        """Nothing to load: the vocabulary is compiled in the constructor."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Every whole word (or phrase) of ``text`` that contains a term."""
        if self.category.entity_type not in entities:
            return []
        # str.lower() keeps every length but that of "İ", which would shift offsets.
        lowered = text.replace("İ", "i").lower()
        results = []
        position = 0
        while candidate := self._prefilter.search(lowered, position):
            match = self._pattern.match(text, candidate.start())
            if match is None:
                position = candidate.start() + 1
                continue
            start, end = _word_bounds(text, *match.span())
            position = end
            if not self._vetoed(text, start, end):
                results.append(self._result(start, end))
        return results

    def _vetoed(self, text: str, start: int, end: int) -> bool:
        if _STREET_WORD.search(text, start, end) or _STREET_NEXT.match(text, end):
            return True
        if self._veto is None:
            return False
        following = _NEXT_WORD.match(text, end)
        return bool(self._veto.search(text, start, following.end()))

    def _result(self, start: int, end: int) -> RecognizerResult:
        return explained_result(
            self,
            self.category.entity_type,
            start,
            end,
            SCORE,
            f"GDPR Art. 9 vocabulary: {self.category.value}",
        )


def special_category_recognizers(language: str) -> list[EntityRecognizer]:
    """One recognizer per special category for ``language`` ("de" or "en")."""
    if language not in LANGUAGE_MODULES:
        raise ValueError(
            f"no special-category vocabulary for {language!r}; available: {sorted(LANGUAGE_MODULES)}"
        )
    # Imported here, not at the top: the vocabulary modules import Terms and Cued
    # from this module.
    vocabulary: dict[Category, Terms] = importlib.import_module(LANGUAGE_MODULES[language]).TERMS
    return [
        SpecialCategoryRecognizer(category=category, language=language, terms=vocabulary[category])
        for category in Category
    ]
