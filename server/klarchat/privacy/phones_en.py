"""US, Canadian, British and Irish phone numbers by their shape, whether or not they exist.

libphonenumber only accepts numbers from assigned ranges and of the right
length, so "(555) 014-2368", "001-290-647-8981" or a British number one digit
short pass through it. For privacy the question is not whether the line
exists but whether the visitor wrote a phone number, and the shape answers
that: the North-American 3-3-4 grouping, or "+44"/"+353"/a trunk "0" followed
by the digits of a national number. Ten digits in a row are ambiguous
(orders, accounts), so they score below the threshold and count only with a
word like "phone" or "call" nearby.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from klarchat.privacy.common import after_numbering_word, with_extension
from klarchat.privacy.results import explained_result

_START = r"(?<![\w.+/-])"
_SEP = r"[ ]?[-. ]?[ ]?"
_NANP_TRUNK = regex.compile(r"\+[ ]?1|001|1(?=[ ]?[-. (])")
_NANP = regex.compile(
    rf"{_START}(?:(?:\+[ ]?1|001|1){_SEP})?(?:\([ ]?\d{{3}}[ ]?\)[ ]?[-.]?[ ]?|\d{{3}}[ ]?[-. /][ ]?)"
    r"\d{3}[ ]?[-. ][ ]?\d{4}(?!\d)"
)
_NANP_UNGROUPED = regex.compile(rf"{_START}(?:\+?1)?[2-9]\d{{2}}[2-9]\d{{6}}(?!\d)")
# "+44 (0)20 7946 0958", "+353 87 123 4567", "(01632) 960123", "0113 496 0000":
# ten digits at least, trunk "0" or country code included, as every British
# number and every Irish one but a few short landlines has.
_UK_IE = regex.compile(
    rf"{_START}(?:(?:\+|00)[ ]?(?:44|353)[ ]?(?:\(0\)[ ]?)?|\(0\d{{2,4}}\)[ ]?|0(?=\d))"
    r"\d(?:[ -]?\d){6,10}(?!\d)"
)
_UK_IE_DIGITS = 10
# Scores: an explicit country code or extension makes a number certain, and at
# 1.0 the longer phone span beats an NHS-number reading of its last ten digits.
_CERTAIN = 1.0
_SHAPED = 0.6
_AMBIGUOUS = 0.3


class PhoneShapeRecognizer(LocalRecognizer):
    """Phone numbers of English-speaking countries by shape, with any extension."""

    def __init__(self, *, language: str, context: Iterable[str]) -> None:
        super().__init__(
            supported_entities=["PHONE_NUMBER"],
            supported_language=language,
            name=f"PhoneShapeRecognizer_{language}",
            context=list(context),
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Grouped and international numbers; bare ten-digit runs at a score that needs context."""
        if sum(c.isdigit() for c in text) < 8:
            return []
        results = []
        for pattern, why in (
            (_NANP, "3-3-4 grouped number"),
            (_UK_IE, "British or Irish number"),
            (_NANP_UNGROUPED, "ten digits, North-American shape"),
        ):
            for match in pattern.finditer(text):
                if after_numbering_word(text, match.start()) or (
                    pattern is _UK_IE and sum(c.isdigit() for c in match.group()) < _UK_IE_DIGITS
                ):
                    continue
                end = with_extension(text, match.end())
                score = _score(match.group(), has_extension=end > match.end())
                if pattern is _NANP_UNGROUPED and score < _CERTAIN:
                    score = _AMBIGUOUS
                results.append(
                    explained_result(self, "PHONE_NUMBER", match.start(), end, score, why)
                )
        return results


def _score(number: str, *, has_extension: bool) -> float:
    international = number.startswith(("+", "00")) or bool(_NANP_TRUNK.match(number))
    return _CERTAIN if international or has_extension else _SHAPED
