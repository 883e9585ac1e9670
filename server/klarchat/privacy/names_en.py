"""Person names in English text without a cue: pairs, "Last, First" and ALL-CAPS records.

English capitalises names but not nouns, so a capitalised word that is not an
ordinary English word (by ``wordfreq``'s frequencies, shipped inside the
package) is already suspicious, and next to a known given name or surname it
is a name: "Chukwuemeka Okafor", "Priya Natarajan", "Nguyễn Văn An". Words
that are both common and names ("Will", "Brown", "Grace") count only beside a
part that is a name and not a common word. A name right after a house number
is a street ("59 Kevin Gardens"), and brands made of names ("Ted Baker") stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from wordfreq import get_frequency_dict

from klarchat.privacy.lexicon import brand_at, is_first_name, is_given_name, is_surname
from klarchat.privacy.results import explained_result

# wordfreq's "small" English list (about 30,000 words) loads in milliseconds.
# Above this Zipf value (a few per million words) a word is ordinary English.
_COMMON_ZIPF = 3.3
_TOKEN = (
    r"(?:(?:al|el|bin|ibn|abu)-)?\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{Lu}]*\p{Ll}[\p{Ll}\p{Lu}]*"
    r"(?:-\p{Lu}(?:['’]\p{Lu})?\p{Ll}+)?|(?:\p{Lu}['’])?\p{Lu}{2,}(?:['’-]\p{Lu}{2,})?"
)
# Up to five name words on one line; "J." initials and particles between them.
_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}_@.'’-])(?:{_TOKEN})(?:[ \t]{{1,2}}(?:\p{{Lu}}\.[ \t]?)?"
    rf"(?:(?:van|von|de|der|den|da|di|del|la|le|bin|ibn|al|el|ben|mac|st\.?)[ \t])?(?:{_TOKEN})){{0,4}}"
    r"(?![\p{L}\p{N}_@-])(?!['’]\p{L}{2})"
)
_WORD = regex.compile(rf"{_TOKEN}|\p{{Lu}}\.|[\p{{Ll}}.]+")
_LAST_FIRST = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}_-])(?P<last>{_TOKEN}),[ \t]{{1,2}}(?P<first>{_TOKEN})"
    rf"(?:[ \t]{{1,2}}(?:\p{{Lu}}\.|{_TOKEN}))?(?![\p{{L}}\p{{N}}_-])"
)
_SHOUTED_PART = regex.compile(r"\p{Lu}+")
_SUFFIX = regex.compile(r",?[ \t](?:Jr|Sr|II|III|IV|PhD|MD|DDS|DVM|Esq|CPA|RN)\.?(?![\p{L}])")
_HOUSE_NUMBER_BEFORE = regex.compile(r"\d{1,6}[A-Za-z]?,?[ \t]{1,3}\Z")
_HOUSE_NUMBER_AFTER = regex.compile(r"[ \t]\d{1,4}[ \t]?[a-zA-Z]?(?![\d\p{L}])")
_PAIR_SCORE = 0.7
_WEAK_PAIR_SCORE = 0.5
_LAST_FIRST_SCORE = 0.75


@cache
def _common_words() -> frozenset[str]:
    frequencies = get_frequency_dict("en", wordlist="small")
    threshold = 10 ** (_COMMON_ZIPF - 9)
    return frozenset(word for word, frequency in frequencies.items() if frequency >= threshold)


def is_common_word(word: str) -> bool:
    """Is ``word`` an ordinary English word (in any case), whatever else it is?"""
    return word.lower() in _common_words()


class _Word:
    """One word of a capitalised run and what the lexicons say about it."""

    def __init__(self, text: str, start: int, stop_words: frozenset[str]) -> None:
        self.text, self.start, self.end = text, start, start + len(text)
        shouted = text.isupper() and len(text) > 1
        plain = (
            _SHOUTED_PART.sub(lambda m: m.group()[:1] + m.group()[1:].lower(), text)
            if shouted
            else text
        )
        self.initial = len(text) == 2 and text.endswith(".")
        self.particle = text[:1].islower()
        # Short upper-case words are acronyms ("USA", "DPO") far more often than names.
        self.shouted_short = shouted and len(text) < 4
        self.stop = plain.rstrip(".") in stop_words
        self.given = not self.stop and (is_first_name(plain, alone=False) or is_given_name(plain))
        self.surname = not self.stop and is_surname(plain)
        self.common = is_common_word(plain)

    @property
    def rare(self) -> bool:
        """A capitalised word that is neither an ordinary word nor a stop word."""
        return not (self.stop or self.common or self.initial or self.particle or self.shouted_short)

    @property
    def name_like(self) -> bool:
        return self.given or self.surname or self.rare


class EnglishNameRecognizer(LocalRecognizer):
    """Names of two or more words anywhere, "Last, First", and names in ALL CAPS."""

    def __init__(self, *, language: str, stop_words: Iterable[str], context: Iterable[str]) -> None:
        super().__init__(
            supported_entities=["PERSON"],
            supported_language=language,
            name=f"EnglishNameRecognizer_{language}",
            context=list(context),
        )
        self.stop_words = frozenset(stop_words)

    def load(self) -> None:
        """Nothing to load: lexicons and word list are built lazily and cached."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every run of capitalised words that holds a name, and every "Last, First"."""
        results = []
        for match in _LAST_FIRST.finditer(text):
            last, first = match.group("last"), match.group("first")
            if (
                (is_surname(last) or not is_common_word(last))
                and (is_first_name(first, alone=False) or is_given_name(first))
                and last not in self.stop_words
            ):
                results.append(self._result(text, match.start(), match.end(), _LAST_FIRST_SCORE))
        for match in _RUN.finditer(text):
            if _HOUSE_NUMBER_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            words = [
                _Word(word.group(), match.start() + word.start(), self.stop_words)
                for word in _WORD.finditer(match.group())
            ]
            for start, end, score in _names_in(words):
                # Two unknown words before a number are a street ("Zur Alten Mühle 148").
                street = score < _PAIR_SCORE and _HOUSE_NUMBER_AFTER.match(text, end)
                if not street and not brand_at(text, start):
                    results.append(self._result(text, start, end, score))
        return results

    def _result(self, text: str, start: int, end: int, score: float) -> RecognizerResult:
        suffix = _SUFFIX.match(text, end)
        return explained_result(
            self, "PERSON", start, suffix.end() if suffix else end, score, "name words in a row"
        )


def _names_in(words: list[_Word]) -> list[tuple[int, int, float]]:
    """The stretches of ``words`` between stop words that read as a person's name."""
    found: list[tuple[int, int, float]] = []
    stretch: list[_Word] = []
    for word in [*words, None]:
        if word is not None and not word.stop:
            stretch.append(word)
            continue
        # Trim what cannot begin or end a name: "Can Amanda Bautista", "Williams DVM".
        while stretch and not stretch[0].name_like:
            stretch.pop(0)
        while stretch and not stretch[-1].name_like:
            stretch.pop()
        named = [w for w in stretch if not (w.initial or w.particle)]
        if len(named) >= 2:
            score = _pair_score(named)
            if score:
                found.append((stretch[0].start, stretch[-1].end, score))
        stretch = []
    return found


def _pair_score(named: list[_Word]) -> float:
    """How sure two or more adjacent capitalised words are a name; 0 if they are not.

    A known name part next to a rare word, or a given name before a surname,
    is a name. Two rare words that no name list knows are left alone: far
    more often a product ("Dyson Airwrap", "Nespresso Vertuo") than a person.
    """
    first, last = named[0], named[-1]
    if not all(w.name_like for w in named):
        return 0.0
    rare_parts = sum(w.rare for w in named)
    known_parts = sum(w.given or w.surname for w in named)
    if first.given and (last.surname or last.rare):
        return _PAIR_SCORE
    if known_parts and rare_parts:
        return _PAIR_SCORE
    if first.given and last.given and not (first.common and last.common):
        return _WEAK_PAIR_SCORE
    return 0.0
