"""Redaction of personal data before any text leaves for an LLM provider.

One :class:`Redactor` per process: building Presidio's analyzer compiles a
few hundred regular expressions and the spaCy tokenizers, which takes far
longer than analysing a message. Per-conversation state lives in the
:class:`~klarchat.privacy.vault.Vault` passed to :meth:`Redactor.redact`.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.recognizer_registry import RecognizerRegistry

from klarchat.privacy import recognizers_de, recognizers_en
from klarchat.privacy.categories import CategoryAction
from klarchat.privacy.mentions import mentions, surname_of
from klarchat.privacy.nlp_engine import BlankSpacyNlpEngine
from klarchat.privacy.special_categories import Category, special_category_recognizers
from klarchat.privacy.vault import PLACEHOLDER, Vault

RECOGNIZERS: dict[str, Callable[[], list[EntityRecognizer]]] = {
    "de": recognizers_de.recognizers,
    "en": recognizers_en.recognizers,
}


# A repeated mention of a name already found is as sure as the first finding,
# and must win against a weaker guess (a lone first name, a town) on the same words.
MENTION_SCORE = 0.8
# Only a name found with some certainty spreads to its other mentions: a weak guess
# ("Max" in "Pro Max") would otherwise spread its mistake through the message.
MENTION_SOURCE_SCORE = 0.6
# What may stand between the parts of one postal address: a comma, a line break, "in".
_ADDRESS_GAP = regex.compile(r"[ \t]*(?:[,;/|–-][ \t]*)?(?:\r?\n[ \t]*)?(?:in[ \t]+)?")


@dataclass(frozen=True)
class CategoryFinding:
    """One special category found in a message, the action taken and the words that showed it.

    The words go back to the visitor who wrote them, never to a log or the database.
    """

    category: Category
    action: CategoryAction
    words: tuple[str, ...]

    def as_frame(self) -> dict[str, object]:
        return {
            "category": self.category.value,
            "action": self.action.value,
            "words": list(self.words),
        }


@dataclass(frozen=True)
class Redaction:
    """A redacted message, how many values of each type were taken out, and its special categories.

    When ``blocked`` is true the message must not be processed any further, and
    ``text`` is the message with only the other personal data replaced.
    """

    text: str
    entities: dict[str, int]
    categories: tuple[CategoryFinding, ...] = ()

    @property
    def blocked(self) -> bool:
        return any(finding.action is CategoryAction.BLOCK for finding in self.categories)

    @property
    def category_counts(self) -> dict[str, int]:
        """Per category, how often it was found: safe for the audit record, unlike the words."""
        return {f.category.entity_type: len(f.words) for f in self.categories}


class _WithholdArguments(logging.Filter):
    """Drop the values interpolated into Presidio's log records.

    Some records carry matched text as arguments: the candidate of a failed
    IBAN validation at ERROR, the words around a match at DEBUG. Keeping the
    message template and dropping its arguments makes every level safe.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = f"{record.msg} [arguments withheld]"
            record.args = None
        return True


def _silence_presidio_text() -> None:
    logger = logging.getLogger("presidio-analyzer")
    if not any(isinstance(f, _WithholdArguments) for f in logger.filters):
        logger.addFilter(_WithholdArguments())


class Redactor:
    """Finds personal data with Presidio and swaps it for vault placeholders."""

    def __init__(
        self,
        languages: Sequence[str] = ("de", "en"),
        score_threshold: float = 0.4,
        *,
        pass_through: Collection[str] = (),
        category_actions: Mapping[Category, CategoryAction] | None = None,
    ) -> None:
        """``pass_through`` names entity types that are found but left in the text (order
        numbers, if the owner wants the assistant to see them); ``category_actions`` says per
        special category what to do, and categories it leaves out are redacted."""
        unknown = [language for language in languages if language not in RECOGNIZERS]
        if unknown or not languages:
            raise ValueError(
                f"no recognizers for language(s) {unknown or list(languages)}; "
                f"available: {sorted(RECOGNIZERS)}"
            )
        _silence_presidio_text()
        self.supported_languages: tuple[str, ...] = tuple(dict.fromkeys(languages))
        self.score_threshold = score_threshold
        self.pass_through = frozenset(pass_through)
        self.category_actions = {
            category: (category_actions or {}).get(category, CategoryAction.REDACT)
            for category in Category
        }
        self._categories = {category.entity_type: category for category in Category}
        registry = RecognizerRegistry(supported_languages=list(self.supported_languages))
        for language in self.supported_languages:
            for recognizer in [*RECOGNIZERS[language](), *special_category_recognizers(language)]:
                registry.add_recognizer(recognizer)
        self._analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=BlankSpacyNlpEngine(self.supported_languages),
            supported_languages=list(self.supported_languages),
            default_score_threshold=score_threshold,
            # Whole words only: with substring matching "tel" would find itself
            # in "Bestellnummer" and lift an order number to a phone number.
            context_aware_enhancer=LemmaContextAwareEnhancer(context_matching_mode="whole_word"),
        )
        for language in self.supported_languages:
            # Pay the lazy costs (lexicon, suffix list, regex compilation) now,
            # not in the first user's first message.
            self._analyzer.analyze("Anna Muster, anna@example.org", language=language)

    def find(
        self, text: str, language: str, known_names: Iterable[str] = ()
    ) -> list[RecognizerResult]:
        """Every personal value and special-category word in ``text``: non-overlapping, in order.

        ``known_names`` are people named earlier in the conversation; their further
        mentions count as persons, as do further mentions of names found in ``text``.
        """
        if language not in self.supported_languages:
            raise ValueError(
                f"language {language!r} is not configured; "
                f"configured: {list(self.supported_languages)}"
            )
        found = resolve_overlaps(
            self._analyzer.analyze(text, language=language, score_threshold=self.score_threshold)
        )
        names = [*known_names]
        for result in found:
            if result.entity_type == "PERSON" and result.score >= MENTION_SOURCE_SCORE:
                name = text[result.start : result.end]
                names.extend(filter(None, (name, surname_of(name))))
        repeated = [
            RecognizerResult("PERSON", start, end, MENTION_SCORE)
            for start, end in mentions(text, names)
        ]
        return join_addresses(text, resolve_overlaps([*found, *repeated]))

    def redact(self, text: str, language: str, vault: Vault) -> Redaction:
        """Replace every value found in ``text`` by its placeholder in ``vault``.

        Placeholders the vault issued stay as they are, so that text written with them
        (by staff at the console) keeps them. Special-category words are replaced only when their category's action is
        ``redact``; with ``note`` or ``block`` they stay and are reported instead.
        """
        replaced: list[RecognizerResult] = []
        words: dict[Category, list[str]] = {}
        issued = [
            (m.start(), m.end()) for m in PLACEHOLDER.finditer(text) if vault.original(m.group(0))
        ]
        for result in self.find(text, language, vault.person_names):
            if any(result.start < end and start < result.end for start, end in issued):
                continue  # a placeholder of this conversation (staff write "Hallo <PERSON_1>")
            category = self._categories.get(result.entity_type)
            if category is not None:
                words.setdefault(category, []).append(text[result.start : result.end])
                if self.category_actions[category] is CategoryAction.REDACT:
                    replaced.append(result)
            elif result.entity_type not in self.pass_through:
                replaced.append(result)
        placeholders = [
            vault.placeholder_for(result.entity_type, text[result.start : result.end])
            for result in replaced
        ]
        redacted = text
        for result, placeholder in reversed(list(zip(replaced, placeholders, strict=True))):
            redacted = redacted[: result.start] + placeholder + redacted[result.end :]
        counts = Counter(
            result.entity_type for result in replaced if result.entity_type not in self._categories
        )
        findings = tuple(
            CategoryFinding(category, self.category_actions[category], tuple(found))
            for category, found in words.items()
        )
        return Redaction(text=redacted, entities=dict(counts), categories=findings)


def resolve_overlaps(results: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """Non-overlapping results in text order.

    Overlapping results of one type are merged into their union, so nothing a
    recognizer flagged survives ("Anna" and "Anna Schmidt" become one
    person). Between types, the higher score wins, then the longer span.
    """
    merged: list[RecognizerResult] = []
    for result in sorted(results, key=lambda r: (r.entity_type, r.start, r.end)):
        last = merged[-1] if merged else None
        if last and last.entity_type == result.entity_type and result.start < last.end:
            merged[-1] = RecognizerResult(
                last.entity_type,
                last.start,
                max(last.end, result.end),
                max(last.score, result.score),
            )
        else:
            merged.append(result)
    chosen: list[RecognizerResult] = []
    for result in sorted(merged, key=lambda r: (-r.score, r.start - r.end, r.start)):
        if all(result.end <= kept.start or result.start >= kept.end for kept in chosen):
            chosen.append(result)
    return sorted(chosen, key=lambda r: r.start)


def join_addresses(text: str, results: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """One result, and so one placeholder, per postal address.

    Street, postcode-and-town and town are found by different recognizers;
    "Hauptstraße 5, 10115 Berlin" is still one address to the visitor, who is
    told how many addresses were removed, and to the model, which sees one
    ``<LOCATION_1>``.
    """
    joined: list[RecognizerResult] = []
    for result in results:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.entity_type == result.entity_type == "LOCATION"
            and _ADDRESS_GAP.fullmatch(text, last.end, result.start)
        ):
            joined[-1] = RecognizerResult(
                "LOCATION", last.start, result.end, max(last.score, result.score)
            )
        else:
            joined.append(result)
    return joined
