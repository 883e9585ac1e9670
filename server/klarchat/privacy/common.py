"""Recognizers every language shares: Presidio's generic ones, made safe offline.

Each language module calls :func:`generic_recognizers` with its own context
words, so e-mail, phone, IBAN, card, IP and URL detection is configured once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import regex
import tldextract
from presidio_analyzer import (
    EntityRecognizer,
    LocalRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
)
from stdnum import iban

from klarchat.privacy.cards import PaymentCardRecognizer
from klarchat.privacy.names import NAME_FLAGS
from klarchat.privacy.results import explained_result

PHONE_REGIONS = ("DE", "AT", "CH", "GB", "US")
# An extension typed after a number: "x204", " ext. 12", " extension 3", " #5".
PHONE_EXTENSION = regex.compile(r"[ \t]?(?i:x|ext\.?|extn\.?|extension|\#)[ \t]?\d{1,6}(?!\d)")

# Presidio's EmailRecognizer calls the module-level ``tldextract.extract``,
# which downloads the public suffix list on first use. This extractor reads
# only the snapshot bundled with tldextract and never writes a cache.
_OFFLINE_SUFFIXES = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, validated against the bundled suffix list."""

    def validate_result(self, pattern_text: str) -> bool:
        """A real e-mail address ends in a registrable domain ("x.de", not "x.local")."""
        return _OFFLINE_SUFFIXES(pattern_text).fqdn != ""


def _at_token_start(pattern: Pattern) -> Pattern:
    # A global inline flag must stay first, so the guard goes right after it.
    rest = pattern.regex.removeprefix("(?i)")
    return Pattern(pattern.name, rf"(?i)(?<![\w.@-]){rest}", pattern.score)


class TokenStartUrlRecognizer(UrlRecognizer):
    """Presidio's URL recognizer, with every pattern anchored at a token start.

    Unanchored, the domain part ``[a-z0-9.-]{1,253}`` is retried from every
    character of a run of dots, so one 4,000-character message of dots costs
    seconds of CPU. A URL never starts inside a word, and not after the "@" of
    an e-mail address either, which also stops it competing with the e-mail.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        _at_token_start(pattern) for pattern in UrlRecognizer.PATTERNS
    ]

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's matches without the sentence's closing punctuation."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            while result.end > result.start + 1 and text[result.end - 1] in ".,;:!?":
                result.end -= 1
        return results


_PHONE_WINDOW = regex.compile(r"[+(]?\d[\d \t()/.-]{4,40}\d\)?")
_DATE = regex.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")
_NANP = regex.compile(r"(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}")
_NUMBERING_WORD = regex.compile(
    r"(?i)(?:bestell|auftrag|kunden|rechnung|artikel|sendung|referenz|vorgang|vertrag"
    r"|police|ticket|order|invoice|customer|tracking|reference|account|case)"
    r"\w*\.?\s*(?:nr\.?|nummer|no\.?|number|id)?\s*[:#]?\s*\Z"
)


class GatedPhoneRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer with the false positives of chat text removed.

    libphonenumber happily reads "05.10.1986" as a German number and
    "2024-000123" as an American one. Real numbers in European writing carry a
    trunk "0", a "+" or "00"; without one we keep only the North-American
    3-3-4 grouping. Digits right after "Bestellnummer" or "order no." are
    never a phone number, whatever they look like.
    """

    def __init__(
        self,
        *,
        language: str,
        context: Iterable[str],
        regions: Iterable[str] = PHONE_REGIONS,
    ) -> None:
        super().__init__(
            context=list(context),
            supported_language=language,
            supported_regions=list(regions),
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's matches, filtered by :func:`plausible_phone`, with their extensions.

        libphonenumber's matcher is the costliest recognizer, and it scans the
        text once per region. It is given only the stretches of digits and
        separators that could hold a number, not the whole message.
        """
        results = []
        for window in _PHONE_WINDOW.finditer(text):
            if not plausible_phone(text, window.start(), window.end(), within=True):
                continue
            for result in super().analyze(window.group(), entities, None):
                result.start += window.start()
                result.end += window.start()
                if plausible_phone(text, result.start, result.end):
                    result.end = with_extension(text, result.end)
                    results.append(result)
        return results


def with_extension(text: str, end: int) -> int:
    """Where a phone number ending at ``end`` really ends, its extension included."""
    extension = PHONE_EXTENSION.match(text, end)
    return extension.end() if extension else end


def after_numbering_word(text: str, start: int) -> bool:
    """Does "order no.", "Kundennummer" or the like come right before ``text[start]``?"""
    return bool(_NUMBERING_WORD.search(text[max(0, start - 40) : start]))


def plausible_phone(text: str, start: int, end: int, *, within: bool = False) -> bool:
    """Decide whether ``text[start:end]`` is written like a phone number.

    With ``within``, whether it could hold one: a North-American number may sit
    anywhere in the stretch rather than fill it.
    """
    raw = text[start:end]
    if _DATE.fullmatch(raw) or after_numbering_word(text, start):
        return False
    nanp = _NANP.search(raw) if within else _NANP.fullmatch(raw)
    return raw[0] in "+(0" or bool(nanp)


# Two letters, two check digits, then 10 to 30 letters or digits in any grouping
# ("DE89 3704 0044 …", "de89370400…", "DE 89 370 400 …"). Longer than any IBAN on
# purpose: the valid prefix is searched for afterwards.
_IBAN_CANDIDATE = regex.compile(r"(?<![\p{L}\d])[A-Za-z]{2}[ ]?\d{2}(?:[ .-]?[A-Za-z0-9]){10,34}")
_GROUP_END = regex.compile(r"[A-Za-z0-9](?=[ .-]|$)")
# A German IBAN has one shape only, so one typed with a wrong digit is still recognisable.
_GERMAN_IBAN_SHAPE = regex.compile(r"(?i:DE)[ ]?\d{2}(?:[ .-]?\d){18}(?![ .-]?\d)")


class GroupedIbanRecognizer(LocalRecognizer):
    """IBANs however they are grouped or cased, validated by python-stdnum.

    Presidio's own recognizer expects upper case and groups of four; customers
    type "de89 3704…" or read the number off a letter in threes. The candidate
    is cut back to the longest prefix, ending at a group boundary, that passes
    the country's length and the mod-97 check. A German-shaped number whose
    check digits fail (a typo) is still an account number and is kept at a
    lower score.
    """

    def __init__(self, *, language: str, context: Iterable[str]) -> None:
        super().__init__(
            supported_entities=["IBAN_CODE"],
            supported_language=language,
            name=f"GroupedIbanRecognizer_{language}",
            context=list(context),
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every candidate's longest valid prefix."""
        results = []
        for match in _IBAN_CANDIDATE.finditer(text):
            end = self._valid_end(match.group())
            if end:
                results.append(self._result(match.start(), match.start() + end, 1.0))
            elif shape := _GERMAN_IBAN_SHAPE.match(match.group()):
                results.append(self._result(match.start(), match.start() + shape.end(), 0.6))
        return results

    @staticmethod
    def _valid_end(candidate: str) -> int:
        for group_end in reversed(list(_GROUP_END.finditer(candidate))):
            if iban.is_valid(candidate[: group_end.end()]):
                return group_end.end()
        return 0

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        explanation = "valid IBAN" if score == 1.0 else "German IBAN shape, check digits fail"
        return explained_result(self, "IBAN_CODE", start, end, score, explanation)


def generic_recognizers(
    language: str,
    *,
    email_context: Iterable[str],
    phone_context: Iterable[str],
    iban_context: Iterable[str],
    card_context: Iterable[str],
    ip_context: Iterable[str],
    url_context: Iterable[str],
    phone_regions: Iterable[str] = PHONE_REGIONS,
) -> list[EntityRecognizer]:
    """Presidio's language-independent recognizers, bound to ``language``.

    ``phone_regions`` are the countries whose national formats ("0161 …",
    "(212) …") are tried, most likely first.
    """
    return [
        OfflineEmailRecognizer(supported_language=language, context=list(email_context)),
        GatedPhoneRecognizer(language=language, context=phone_context, regions=phone_regions),
        GroupedIbanRecognizer(language=language, context=iban_context),
        PaymentCardRecognizer(language=language, context=card_context),
        IpRecognizer(supported_language=language, context=list(ip_context)),
        TokenStartUrlRecognizer(supported_language=language, context=list(url_context)),
    ]


class AddressRecognizer(PatternRecognizer):
    """A postal-address pattern set for one language; subclasses give PATTERNS and CONTEXT.

    Addresses are written with capitalised words on one or more lines, so they share the
    name matchers' regex flags.
    """

    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []

    def __init__(self, supported_language: str) -> None:
        super().__init__(
            supported_entity="LOCATION",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            global_regex_flags=NAME_FLAGS,
        )
