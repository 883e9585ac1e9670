"""Finding person names without an NER model.

Two signals carry most of the weight in chat messages: a cue right before the
name ("ich heiße", "Frau", "my name is", a greeting at the end of a letter) and
a known first name followed by a capitalised surname. Both are expressed here
once, language-neutrally; ``recognizers_de`` and ``recognizers_en`` supply the
cues and the capitalised words that are never names in their language.

Names are matched case-sensitively: capitalisation is the strongest evidence
we have without a model, and Presidio's default flags ignore case.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from presidio_analyzer import (
    EntityRecognizer,
    LocalRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from klarchat.privacy.lexicon import brand_at, is_first_name
from klarchat.privacy.results import explained_result

NAME_FLAGS = regex.MULTILINE
_END = r"(?![\p{L}\p{N}_-])(?!['’]\p{L}{2})"
_SEP = r"[ \t]{1,3}"
_INITIAL = r"\p{Lu}\."
_PARTICLE = (
    r"(?:von(?:[ \t]+(?:der|dem|den))?|van(?:[ \t]+(?:der|den|de))?"
    r"|de(?:[ \t]+la)?|del|della|di|da|ter|ten)"
)
# A capitalised word ending like a street is part of an address, not a name;
# without this guard "Anna Schmidt Hauptstraße 5" would swallow the street.
_NOT_STREET = (
    r"(?![\p{L}-]*(?:[Ss]tra(?:ße|sse)|[Ss]tr\.|[Ww]eg|[Pp]latz|[Aa]llee"
    r"|[Gg]asse|[Cc]haussee|[Uu]fer)(?![\p{L}]))"
)
_CAPITALISED = (
    r"(?:(?:al|el|bin|ibn|abu)-)?\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}+)?"
    r"(?:-\p{Lu}\p{Ll}+){0,2}"
)
_NAME_WORD = regex.compile(r"[\p{L}\p{N}'’.-]+")


def name_regex(*, lowercase: bool) -> str:
    """One to three name words ("Anna", "Anna-Lena M. Schmidt", "von Bülow").

    With ``lowercase`` a single lower-case word is allowed as well; it only
    survives validation if it is a known first name ("ich heiße anna").
    Stop words are not excluded here but cut off afterwards by
    :func:`name_length`: hundreds of alternatives inside every name pattern
    would make compiling them take seconds.
    """
    token = _NOT_STREET + _CAPITALISED + _END
    full = (
        rf"(?:{_PARTICLE}{_SEP})?(?:{_INITIAL}[ \t]?)?{token}"
        rf"(?:{_SEP}(?:{_PARTICLE}{_SEP})?(?:{_INITIAL}{_SEP})?{token}){{0,2}}"
    )
    if not lowercase:
        return full
    # "max. 2 Tage": a lower-case word ending in an abbreviation dot is no name.
    return rf"(?:{full}|\p{{Ll}}[\p{{Ll}}-]+{_END}(?!\.[ \t]?[\p{{Ll}}\d]))"


def name_length(span: str, stop_words: frozenset[str]) -> int:
    """How much of ``span`` is name: everything before its first stop word.

    Particles and initials only count when a name word follows them, so
    "Anna von Sie" shrinks to "Anna", not "Anna von".
    """
    length = 0
    for word in _NAME_WORD.finditer(span):
        if _is_stop_word(word.group(), stop_words):
            break
        if word.start() == 0 or _is_name_word(word.group()):
            length = word.end()
    return length


def _is_stop_word(word: str, stop_words: frozenset[str]) -> bool:
    """A stop word, or a compound whose last part is one ("Praxis-Team", "Serviceteam").

    The last part of a compound is its head noun, so it decides what the word is.
    """
    bare = word.rstrip(".")
    return (
        bare in stop_words
        or bare.rsplit("-", 1)[-1] in stop_words
        or bare.lower().endswith(("team", "service"))
    )


class CuedNameRecognizer(PatternRecognizer):
    """A name right after a cue phrase; the cue itself is not part of the match.

    ``cue`` is a regex for the phrase and the separator that follows it; it is
    used as a look-behind, so the redacted span is the name alone and the text
    stays readable ("Ich heiße <PERSON_1>"). How sure a cue is decides what it
    may be followed by:

    - ``unknown_single``: may a single capitalised word that is not a known
      first name count? Yes after "my name is", no after German "ich bin"
      (German nouns are capitalised: "ich bin Kunde").
    - ``lowercase``: may a lower-case known first name count ("LG anna")?
    - ``trailing``: a look-ahead the name must satisfy, e.g. that a signature
      name ends its line.
    """

    def __init__(
        self,
        *,
        name: str,
        language: str,
        cue: str,
        score: float,
        stop_words: Iterable[str],
        context: Iterable[str] = (),
        unknown_single: bool = True,
        lowercase: bool = False,
        trailing: str = "",
    ) -> None:
        # The cheap look-ahead first: the look-behind is only tried where a
        # name could start, not at every space of a long message.
        expression = rf"(?=\p{{L}})(?<={cue}){name_regex(lowercase=lowercase)}{trailing}"
        super().__init__(
            supported_entity="PERSON",
            name=name,
            supported_language=language,
            patterns=[Pattern(name, expression, score)],
            context=list(context) or None,
            global_regex_flags=NAME_FLAGS,
        )
        self.stop_words = frozenset(stop_words)
        self.unknown_single = unknown_single

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Pattern matches, cut at their first stop word, kept if the cue vouches."""
        kept = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            length = name_length(text[result.start : result.end], self.stop_words)
            if length and self._vouches_for(text[result.start : result.start + length]):
                result.end = result.start + length
                kept.append(result)
        return kept

    def _vouches_for(self, name: str) -> bool:
        words = [word for word in name.split() if _is_name_word(word)]
        if not words:
            return " " not in name and is_first_name(name, alone=False)
        return len(words) > 1 or self.unknown_single or is_first_name(words[0], alone=False)


class KnownFirstNameRecognizer(LocalRecognizer):
    """A known first name anywhere, optionally followed by a capitalised surname.

    This is what catches names that come without a cue ("Thomas Weber hat
    gestern angerufen"). A first name with a surname is strong evidence; a lone
    first name is weaker: scored just above the default threshold, it yields to
    any other entity type claiming the same words.
    """

    def __init__(
        self,
        *,
        language: str,
        stop_words: Iterable[str],
        context: Iterable[str] = (),
        pair_score: float = 0.7,
        single_score: float = 0.45,
    ) -> None:
        self.stop_words = frozenset(stop_words)
        token = _NOT_STREET + _CAPITALISED + _END
        self._first = regex.compile(rf"(?<![\p{{L}}\p{{N}}_'’-]){token}", NAME_FLAGS)
        self._surname = regex.compile(
            rf"(?:{_SEP}(?:{_PARTICLE}{_SEP})?(?:{_INITIAL}{_SEP})?{token}){{1,2}}",
            NAME_FLAGS,
        )
        self.pair_score = pair_score
        self.single_score = single_score
        super().__init__(
            supported_entities=["PERSON"],
            supported_language=language,
            name=f"KnownFirstNameRecognizer_{language}",
            context=list(context),
        )

    def load(self) -> None:
        """Nothing to load: the lexicon is built lazily and cached per process."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Scan capitalised words, keep the known first names and their surnames."""
        results = []
        for match in self._first.finditer(text):
            if match.group() in self.stop_words or not _known_first_name(match.group()):
                continue
            surname = self._surname.match(text, match.end())
            end = match.start() + name_length(
                text[match.start() : surname.end() if surname else match.end()],
                self.stop_words,
            )
            if brand_at(text, match.start()):
                continue
            paired = end > match.end()
            if not paired and not _known_first_name(match.group(), alone=True):
                continue
            score = self.pair_score if paired else self.single_score
            results.append(
                explained_result(
                    self,
                    "PERSON",
                    match.start(),
                    end,
                    score,
                    "known first name" + (" and surname" if paired else ""),
                )
            )
        return EntityRecognizer.remove_duplicates(results)


def _is_name_word(word: str) -> bool:
    """Capitalised somewhere ("Anna", "al-Hassan", "McDonald") and not an initial."""
    return not word.endswith(".") and any(c.isupper() for c in word)


def _known_first_name(word: str, *, alone: bool = False) -> bool:
    """Hyphenated first names count when the lexicon knows them or both halves."""
    if is_first_name(word, alone=alone):
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(is_first_name(part, alone=alone) for part in parts)
