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

from klarchat.privacy.lexicon import is_first_name

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


def _word_list(words: Iterable[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(set(words), key=len, reverse=True))


def capitalised_name_token(stop_words: Iterable[str]) -> str:
    """One capitalised name word that is neither a stop word nor a street."""
    return rf"(?!(?:{_word_list(stop_words)}){_END}){_NOT_STREET}{_CAPITALISED}{_END}"


def name_regex(stop_words: Iterable[str], *, lowercase: bool) -> str:
    """One to three name words ("Anna", "Anna-Lena M. Schmidt", "Jan van der Berg").

    With ``lowercase`` a single lower-case word is allowed as well; it only
    survives validation if it is a known first name ("ich heiße anna").
    """
    token = capitalised_name_token(stop_words)
    full = (
        rf"(?:{_INITIAL}[ \t]?)?{token}"
        rf"(?:{_SEP}(?:{_PARTICLE}{_SEP})?(?:{_INITIAL}{_SEP})?{token}){{0,2}}"
    )
    if not lowercase:
        return full
    return rf"(?:{full}|\p{{Ll}}[\p{{Ll}}-]+{_END})"


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
        expression = rf"(?<={cue}){name_regex(stop_words, lowercase=lowercase)}{trailing}"
        super().__init__(
            supported_entity="PERSON",
            name=name,
            supported_language=language,
            patterns=[Pattern(name, expression, score)],
            context=list(context) or None,
            global_regex_flags=NAME_FLAGS,
        )
        self.unknown_single = unknown_single

    def invalidate_result(self, pattern_text: str) -> bool:
        """Reject what the cue alone cannot vouch for."""
        words = pattern_text.split()
        if words[0][0].islower():
            return not is_first_name(words[0])
        if len(words) > 1 or self.unknown_single:
            return False
        return not is_first_name(words[0])


class KnownFirstNameRecognizer(LocalRecognizer):
    """A known first name anywhere, optionally followed by a capitalised surname.

    This is what catches names that come without a cue ("Thomas Weber hat
    gestern angerufen"). A first name with a surname is strong evidence; a lone
    first name is weaker and scored so that it passes the default threshold on
    its own but loses any overlap against a more specific recognizer.
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
        stop_words = frozenset(stop_words)
        token = capitalised_name_token(stop_words)
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
            if not _known_first_name(match.group()):
                continue
            surname = self._surname.match(text, match.end())
            end = surname.end() if surname else match.end()
            score = self.pair_score if surname else self.single_score
            results.append(
                RecognizerResult(
                    entity_type="PERSON",
                    start=match.start(),
                    end=end,
                    score=score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return EntityRecognizer.remove_duplicates(results)


def _known_first_name(word: str) -> bool:
    """Hyphenated first names count when the lexicon knows them or both halves."""
    if is_first_name(word):
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(is_first_name(part) for part in parts)
