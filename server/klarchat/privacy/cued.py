"""Values that only the words around them identify: order and customer numbers, birth dates.

"4711-2025" is an order number after "Bestellnummer", a date range elsewhere;
"05.10.1986" is a date of birth after "geboren am" and a delivery date after
"geliefert am". So these recognizers match a value only in the company of its
cue. The cue is a look-behind (or, for "am 5.10.1986 geboren", a look-ahead),
which keeps it out of the redacted span: "Bestellnummer <ORDER_NUMBER_1>" still
tells the assistant what kind of number was there.

Each language module supplies the cue phrases; the value shapes are shared.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern, PatternRecognizer

from klarchat.privacy.names import NAME_FLAGS

ORDER_NUMBER = "ORDER_NUMBER"
CUSTOMER_NUMBER = "CUSTOMER_NUMBER"
DATE_OF_BIRTH = "DATE_OF_BIRTH"

# A reference: letters, digits and single inner separators ("A-123456", "4711/2025",
# "DE.2024.00012"), optionally after "#" or "Nr.". Lower-case letters are allowed
# because people type "ab12345"; a space may only split digit groups ("123 456")
# or follow an upper-case prefix ("KD 1234 5678").
# At least four digits are checked in validation.
_REFERENCE = (
    r"(?:\#[ \t]?)?(?:\p{Lu}{1,4}[ ](?=\d))?[\p{L}\d]"
    r"(?:[\p{L}\d]|[-/.](?=[\p{L}\d])|(?<=\d)[ ](?=\d{3}))"
    r"{2,29}(?![\p{L}\d])"
)
# Cheap tests that run before the look-behind for the cue: most word starts
# fail them, so the look-behind (the costly part) runs at few positions.
_HAS_DIGIT_SOON = r"(?=(?:\#[ \t]?)?[\p{L}\d]{0,6}[ ./-]?\d)"
_DATE_START = r"(?=\d|(?i:jan|jä|feb|mär|mae|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec))"
_CUE_GLUE = r"[ \t]{0,3}(?:[-:#][ \t]{0,3}|(?:ist|lautet|is|was)[ \t]{1,3}|\([ \t]{0,3})?"
_NOT_A_REFERENCE = regex.compile(
    r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d+[.,]\d{1,2}(?:€|%)?|\d+(?:€|%)|(?:19|20)\d{2}"
)


class ReferenceNumberRecognizer(PatternRecognizer):
    """An order, invoice or customer reference right after the word that names it.

    Recognised so that "Bestellnummer 0151-234567" is never taken for a phone
    number; whether it is also replaced is the site owner's choice
    (``privacy.pass_through``).
    """

    def __init__(self, *, entity: str, language: str, cue: str, context: list[str]) -> None:
        super().__init__(
            supported_entity=entity,
            name=f"{entity.title().replace('_', '')}Recognizer_{language}",
            supported_language=language,
            patterns=[
                Pattern(
                    entity.lower(),
                    rf"(?<![\p{{L}}\d]){_HAS_DIGIT_SOON}(?<=(?i:{cue}){_CUE_GLUE}){_REFERENCE}",
                    0.85,
                )
            ],
            context=context,
            global_regex_flags=NAME_FLAGS,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Four digits at least, and not a date, year or amount ("Rechnung vom 05.10.")."""
        value = pattern_text.lstrip("# \t")
        if sum(c.isdigit() for c in value) < 4 or _NOT_A_REFERENCE.fullmatch(value):
            return False
        return None


_MONTHS = (
    r"Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez"
    r"|January|March|May|June|July|October|December|Mar|Oct|Dec"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
DATE = (
    rf"(?:{_DAY}\.[ ]?{_MONTH}\.[ ]?(?:{_YEAR}|\d{{2}})(?!\d)"
    rf"|{_DAY}/{_MONTH}/(?:{_YEAR}|\d{{2}})(?!\d)|{_MONTH}/{_DAY}/{_YEAR}"
    rf"|{_YEAR}-{_MONTH}-{_DAY}(?!\d)"
    rf"|{_DAY}(?:\.|st|nd|rd|th)?[ ]{{1,2}}(?:of[ ]{{1,2}})?(?i:{_MONTHS})\.?,?[ ]{{1,2}}{_YEAR}"
    rf"|(?i:{_MONTHS})\.?[ ]{{1,2}}{_DAY}(?:st|nd|rd|th)?,?[ ]{{1,2}}{_YEAR})"
)


class BirthDateRecognizer(PatternRecognizer):
    """A date that the message itself calls a birthday.

    Dates alone are everywhere in customer service (orders, deliveries,
    appointments) and are left alone; only a cue such as "geboren am" or
    "date of birth" makes one personal.
    """

    PATTERN_SCORE: ClassVar[float] = 0.85

    def __init__(self, *, language: str, before: str, after: str, context: list[str]) -> None:
        super().__init__(
            supported_entity=DATE_OF_BIRTH,
            name=f"BirthDateRecognizer_{language}",
            supported_language=language,
            patterns=[
                Pattern(
                    "date after a birth cue",
                    rf"(?<![\p{{L}}\d]){_DATE_START}"
                    rf"(?<=(?i:{before}){_CUE_GLUE}(?i:der|den|am|on|the)?[ \t]{{0,3}}){DATE}",
                    self.PATTERN_SCORE,
                ),
                Pattern(
                    "date before a birth cue",
                    rf"(?<![\p{{L}}\d]){_DATE_START}{DATE}(?=[ \t]{{1,3}}(?i:{after}))",
                    self.PATTERN_SCORE,
                ),
            ],
            context=context,
            global_regex_flags=NAME_FLAGS,
        )
