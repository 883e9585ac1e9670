"""German person names and towns of residence found by the trained model.

Cues and the first-name lexicon catch names that come with a "Frau" or a known
first name; most names in German prose come with neither ("Merkel sagte",
"Schröders Plan"). The model (:mod:`klarchat.privacy.ner_model`) reads every
sentence of a message and marks the words it believes are a person; its
threshold was set on the validation slice of the training corpus (see
``training/README.md``) so that few messages without a person get one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Span

from klarchat.privacy.gazetteer import common_nouns, surnames, towns
from klarchat.privacy.lexicon import brand_at, is_first_name
from klarchat.privacy.ner_model import german_model, runs
from klarchat.privacy.results import explained_result

PERSON_THRESHOLD = 0.4
# A single word that is an ordinary noun ("liebe Apotheke"), a town, or a first name that is
# mostly something else ("Pro Max") needs the model to be nearly sure, and does not
# count at the start of a sentence, where every German word is capitalised.
STRICT_THRESHOLD = 0.9
# A sentence ends at its closing punctuation or at a line break.
_SENTENCE_END = regex.compile(r"^(?:[.!?…]+|\s*\n\s*)$")
_HAS_LETTER = regex.compile(r"\p{Lu}")


def sentences(doc: Doc) -> Iterator[Span]:
    """The message cut into sentences, without spaCy's parser (a blank pipeline has none)."""
    start = 0
    for token in doc:
        if _SENTENCE_END.match(token.text):
            if token.i > start:
                yield doc[start : token.i + (not token.is_space)]
            start = token.i + 1
    if start < len(doc):
        yield doc[start:]


class GermanNameModelRecognizer(LocalRecognizer):
    """PERSON wherever the model's probability for every word of a run reaches the threshold."""

    def __init__(self, *, stop_words: Iterable[str], threshold: float = PERSON_THRESHOLD) -> None:
        """``stop_words`` are capitalised words that are never a name ("Bitte", "Pro")."""
        self.stop_words = frozenset(stop_words)
        self.threshold = threshold
        super().__init__(
            supported_entities=["PERSON"],
            supported_language="de",
            name="GermanNameModelRecognizer",
        )

    def load(self) -> None:
        """Open the model now, so that the first visitor does not wait for it."""
        german_model()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Tag each sentence; a run of name words becomes one result, scored by its weakest word."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        results = []
        for sentence in sentences(nlp_artifacts.tokens):
            words = [token for token in sentence if not token.is_space]
            probabilities = german_model().probabilities([t.text for t in words], "PER")
            for first, last in runs(probabilities, self.threshold):
                while first < last and words[first].text in self.stop_words:
                    first += 1
                while last > first and words[last - 1].text in self.stop_words:
                    last -= 1
                if first == last:
                    continue
                span = words[first:last]
                start, end = span[0].idx, span[-1].idx + len(span[-1].text)
                if not _HAS_LETTER.search(text[start:end]) or brand_at(text, start):
                    continue
                score = min(probabilities[first:last])
                if (
                    len(span) == 1
                    and _ambiguous(span[0].text)
                    and (
                        score < STRICT_THRESHOLD
                        or first == 0
                        or words[first - 1].text in self.stop_words
                    )
                ):
                    continue
                results.append(
                    explained_result(
                        self, "PERSON", start, end, 0.4 + score * 0.4, "German name model"
                    )
                )
        return results


def _ambiguous(word: str) -> bool:
    """An ordinary noun or a town that no name list knows, or a first name that rarely stands alone."""
    if is_first_name(word, alone=False):
        return not is_first_name(word, alone=True)
    return (word in common_nouns() or word in towns()) and word not in surnames()
