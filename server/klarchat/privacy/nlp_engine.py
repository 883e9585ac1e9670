"""A Presidio NLP engine built only from ``spacy.blank`` pipelines.

Klarchat must start on machines without network access, and trained spaCy
models are separate downloads. Our recognizers are pattern and lexicon based,
so all Presidio needs from spaCy is tokenisation (to find context words near a
match); a blank pipeline gives exactly that and nothing ever gets fetched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer.nlp_engine import NlpArtifacts, SlimSpacyNlpEngine
from spacy.tokens import Doc

# spaCy's tokenizer splits punctuation off a whitespace-free run one character
# at a time, which is quadratic: 4,000 "€" or "(" take seconds. Such a run is
# never a context word, so it is tokenized as a placeholder of equal length.
_LONG_RUN = re.compile(r"\S{64,}")


class BlankSpacyNlpEngine(SlimSpacyNlpEngine):
    """Every language is a blank pipeline: tokenizer and stop words, no model.

    The base class would download ``*_core_*_sm`` models for German and
    English; routing every language through its "blank" fallback rules that
    out by construction rather than by configuration.
    """

    engine_name = "blank"

    def __init__(self, languages: Sequence[str] = ("de", "en")) -> None:
        super().__init__(models=None, supported_languages=None, auto_download=False)
        self.models = []
        self._blank_languages = set(languages)

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Tokenize ``text``; offsets stay those of the original text."""
        return super().process_text(_LONG_RUN.sub(_same_length, text), language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        # Blank pipelines have no lemmatizer, so ``token.lemma_`` is empty and
        # Presidio's context enhancer would never see a context word. Lower-cased
        # token text is the honest stand-in: context lists are written in the
        # inflected forms people type ("telefonnummer", "handy", "iban").
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=self,
            language=language,
            scores=[],
        )


def _same_length(match: re.Match[str]) -> str:
    return "x" * len(match.group())
