"""A town that says where a person lives, in German text.

A town on its own is no personal data ("Gibt es eine Filiale in Köln?"), but
"wohnhaft in Kassel" in a doctor's letter, or a letter's place-and-date line
("Kassel, den 12.03.2024"), locates a person. So a town counts only after a
residence cue or at the head of a date line, and only when GeoNames knows it
(:func:`klarchat.privacy.gazetteer.towns`).
"""

from __future__ import annotations

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from klarchat.privacy.gazetteer import towns
from klarchat.privacy.results import explained_result

_WORD = r"\p{Lu}[\p{L}'’]+(?:-\p{Lu}?[\p{L}]+)*"
_TOWN = (
    rf"(?:(?:Bad|Sankt|St\.)[ \t])?{_WORD}"
    rf"(?:[ \t](?:am|an[ \t]der|im|in[ \t]der|ob[ \t]der|bei|vor[ \t]der)[ \t]{_WORD}"
    rf"|[ \t]?\({_WORD}\)|[ \t]{_WORD})?"
)
_RESIDENCE_CUE = (
    r"(?<![\p{L}])(?i:wohnhaft|wohne|wohnst|wohnt|wohnen|lebe|lebt|leben|geboren|gebürtig"
    r"|stamme|stammt|zugezogen|umgezogen|ziehe|zieht|wohnort|heimatort|geburtsort)"
    r"(?:[ \t]{1,3}(?:jetzt|seit[ \t]\S+|derzeit|zurzeit|nun|noch|wieder|schon))?"
    r"[ \t]{0,3}:?[ \t]{0,3}(?:(?i:in|nach|aus|bei)[ \t]{1,3})?"
)
_PATTERNS = (
    regex.compile(rf"(?<={_RESIDENCE_CUE})(?P<town>{_TOWN})"),
    # "in der Lindenallee 4 in Kassel": a house number, then the town.
    regex.compile(rf"(?<=\d[a-z]?,?[ \t]{{1,3}}in[ \t]{{1,3}})(?P<town>{_TOWN})"),
    # "Kassel, den 12.03.2024" or "Kassel, 12. März 2024" at the start of a line.
    regex.compile(
        rf"(?m)^[ \t]*(?P<town>{_TOWN}),?[ \t]{{1,3}}(?:den[ \t]{{1,3}})?\d{{1,2}}\.[ \t]?(?:\d{{1,2}}\.|\p{{L}}+)"
    ),
)


class GermanTownRecognizer(LocalRecognizer):
    """LOCATION for a known town after a residence cue or heading a date line."""

    def __init__(self, language: str = "de") -> None:
        super().__init__(
            supported_entities=["LOCATION"],
            supported_language=language,
            name=f"GermanTownRecognizer_{language}",
        )

    def load(self) -> None:
        """Read the town list now rather than in the first message."""
        towns()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Every cued candidate whose longest known prefix is a town."""
        results = []
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                end = _known_town_end(match.group("town"))
                if end:
                    start = match.start("town")
                    results.append(
                        explained_result(
                            self, "LOCATION", start, start + end, 0.7, "town of residence"
                        )
                    )
        return results


def _known_town_end(candidate: str) -> int:
    """Length of the longest word-prefix of ``candidate`` that is a known town, else 0."""
    words = list(regex.finditer(r"\S+", candidate))
    for word in reversed(words):
        prefix = candidate[: word.end()]
        if prefix in towns():
            return len(prefix)
    return 0
