"""German identity numbers as people actually type them.

Presidio's German recognizers match the compact form only ("12345678903"),
while letters and cards print them in groups ("12 345 678 903", "65 170839 J 003").
The grouped forms are added here and validated with Presidio's own checksums after
the spaces are removed.

Identity-card and passport numbers need their own recognizer: their nine
characters carry no check digit of their own (the tenth, printed only in the
machine-readable zone, does), so a number without a word such as
"Ausweisnummer" or "Reisepass" before it cannot be told from an article code.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    DeSocialSecurityRecognizer,
    DeTaxIdRecognizer,
)

from klarchat.privacy.names import NAME_FLAGS

_SPACES = regex.compile(r"[ \t/.-]")


def _compact(text: str) -> str:
    return _SPACES.sub("", text).upper()


class GroupedTaxIdRecognizer(DeTaxIdRecognizer):
    """Steuer-ID compact or in groups, checked with the ISO 7064 checksum."""

    PATTERNS: ClassVar[list[Pattern]] = [
        *DeTaxIdRecognizer.PATTERNS,
        Pattern(
            "Steuer-ID in groups (12 345 678 903)",
            r"(?<![\d.,/-])[1-9](?:[ /.]?\d){10}(?![\d.,/-]?\d)",
            0.5,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Presidio's check on the number without its spaces."""
        return super().validate_result(_compact(pattern_text))


class GroupedSocialSecurityRecognizer(DeSocialSecurityRecognizer):
    """Rentenversicherungsnummer compact or as printed ("65 170839 J 003")."""

    PATTERNS: ClassVar[list[Pattern]] = [
        *DeSocialSecurityRecognizer.PATTERNS,
        Pattern(
            "Rentenversicherungsnummer in groups (65 170839 J 003)",
            r"(?<![\p{L}\d])\d{2}[ ]?\d{6}[ ]?[A-Za-z][ ]?\d{3}(?![\p{L}\d])",
            0.5,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Presidio's check on the number without its spaces."""
        return super().validate_result(_compact(pattern_text))


# The ICAO 9303 charset of German document numbers: no vowels, no B, D, Q, S.
# The patterns test the number first: it fails at almost every position of a
# message, and the costly look-behind for the cue then never runs there.
_DOCUMENT = r"[CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz0-9]{9}(?:\d)?(?![\p{L}\d])"
_GLUE = (
    r"[^\n.!?]{0,30}?(?i:nummer|nr\.?|no\.?)?[ \t]{0,3}(?:[:#(][ \t]{0,3}"
    r"|(?i:ist|lautet|hat[ \t]{1,3}die[ \t]{1,3}nummer)[ \t]{1,3})?"
)


def icao_check_digit(value: str) -> int:
    """The check digit of ICAO 9303: weights 7, 3, 1; letters count 10 to 35."""
    total = 0
    for index, char in enumerate(value):
        digit = int(char) if char.isdigit() else ord(char) - ord("A") + 10
        total += digit * (7, 3, 1)[index % 3]
    return total % 10


class GermanDocumentNumberRecognizer(PatternRecognizer):
    """Identity-card or passport number after the word that names the document."""

    def __init__(self, *, entity: str, language: str, cue: str, context: list[str]) -> None:
        super().__init__(
            supported_entity=entity,
            name=f"GermanDocumentNumberRecognizer_{entity}_{language}",
            supported_language=language,
            patterns=[
                Pattern(
                    f"{entity} after its cue",
                    rf"(?<![\p{{L}}\d])(?={_DOCUMENT})(?<=(?<!\p{{L}})(?i:{cue}){_GLUE}){_DOCUMENT}",
                    0.85,
                )
            ],
            context=context,
            global_regex_flags=NAME_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Letters and digits mixed; a tenth character must be the check digit."""
        value = pattern_text.upper()
        if value.isdigit() or value.isalpha():
            return False
        if len(value) == 10:
            return icao_check_digit(value[:9]) == int(value[9])
        return None


def german_id_number_recognizers(language: str) -> list[PatternRecognizer]:
    """Tax ID, pension insurance, identity card and passport numbers for ``language``."""
    return [
        GroupedTaxIdRecognizer(supported_language=language),
        GroupedSocialSecurityRecognizer(supported_language=language),
        GermanDocumentNumberRecognizer(
            entity="DE_ID_CARD",
            language=language,
            cue=r"(?:personal)?ausweis(?:nummer|-?nr\.?|-nummer)?(?!\p{L})|perso(?!\p{L})"
            r"|id[ -]?card|identity[ \t]card",
            context=["ausweis", "personalausweis", "ausweisnummer"],
        ),
        GermanDocumentNumberRecognizer(
            entity="DE_PASSPORT",
            language=language,
            cue=r"(?:reise)?pass(?:nummer|-?nr\.?|-nummer)?(?!\p{L})|passport",
            context=["reisepass", "pass", "passnummer", "passport"],
        ),
    ]
