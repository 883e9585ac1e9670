"""Payment card numbers of every major issuer, however they are grouped.

Presidio's own pattern knows Visa, the Mastercard 51-55 range, Amex and a few
more, in 4-4-4-4 groups. Cards in the wild also start with 2221-2720
(Mastercard's 2-series), 35 (JCB), 6011/644-649/65 (Discover),
300-305/36/38/39 (Diners), 50/56-58/6304/67 (Maestro, 12-19 digits), or are
typed in odd groups. A run of 12-19 digits is a card when its issuer prefix
allows its length and the Luhn checksum holds: together these leave about one
random number in a hundred, and chat text rarely holds such long runs at all.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from klarchat.privacy.results import explained_result

# Digits in groups of one to seven, joined by one space or hyphen; the
# candidate may hold more than 19 digits, the card is searched inside it.
_CANDIDATE = regex.compile(r"(?<![\d.,/+-])\d{1,7}(?:[ -]?\d{1,7}){1,8}(?![\d])")
_GROUP_END = regex.compile(r"\d(?=[ -]|$)")
_GROUP_START = regex.compile(r"(?:^|(?<=[ -]))\d")

# (first digits, lowest, highest, lengths); ranges are compared on as many
# leading digits as the bounds have.
_ISSUERS: tuple[tuple[int, int, frozenset[int]], ...] = tuple(
    (low, high, frozenset(lengths))
    for low, high, lengths in (
        (4, 4, (13, 16, 19)),  # Visa
        (51, 55, (16,)),  # Mastercard
        (2221, 2720, (16,)),  # Mastercard 2-series
        (34, 34, (15,)),  # American Express
        (37, 37, (15,)),
        (6011, 6011, (16, 17, 18, 19)),  # Discover
        (644, 649, (16, 17, 18, 19)),
        (65, 65, (16, 17, 18, 19)),
        (622126, 622925, (16, 17, 18, 19)),  # Discover / UnionPay co-branded
        (62, 62, (16, 17, 18, 19)),  # UnionPay
        (35, 35, (16, 17, 18, 19)),  # JCB (3528-3589 assigned; test numbers use all of 35)
        (2131, 2131, (15,)),  # JCB, old 15-digit range
        (1800, 1800, (15,)),
        (300, 305, (14, 15, 16, 17, 18, 19)),  # Diners Club
        (3095, 3095, (14, 15, 16, 17, 18, 19)),
        (36, 36, (14, 15, 16, 17, 18, 19)),
        (38, 39, (14, 15, 16, 17, 18, 19)),
        (50, 50, tuple(range(12, 20))),  # Maestro
        (56, 58, tuple(range(12, 20))),
        (6304, 6304, tuple(range(12, 20))),
        (6390, 6390, tuple(range(12, 20))),
        (67, 67, tuple(range(12, 20))),
    )
)


def luhn_valid(digits: str) -> bool:
    """The Luhn mod-10 checksum every payment card number carries."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def known_issuer(digits: str) -> bool:
    """Does an issuer hand out numbers of this length starting with these digits?"""
    for low, high, lengths in _ISSUERS:
        width = len(str(low))
        if len(digits) in lengths and low <= int(digits[:width]) <= high:
            return True
    # Maestro's "0604" range is the one prefix with a leading zero.
    return digits.startswith("0604")


def is_card_number(digits: str) -> bool:
    """12 to 19 digits, an issuer's prefix and length, and a valid checksum."""
    return 12 <= len(digits) <= 19 and known_issuer(digits) and luhn_valid(digits)


class PaymentCardRecognizer(LocalRecognizer):
    """Card numbers typed unspaced, in fours, in the 4-6-5 of Amex, or in any grouping.

    Within a run of digit groups, the first and longest stretch from group
    boundary to group boundary that is a card wins: "qty 2 4111 1111 1111 1111"
    leaves the "2", and "5555 5555 5555 4444 3" leaves the "3".
    """

    def __init__(self, *, language: str, context: Iterable[str]) -> None:
        super().__init__(
            supported_entities=["CREDIT_CARD"],
            supported_language=language,
            name=f"PaymentCardRecognizer_{language}",
            context=list(context),
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """The card number inside every long enough run of digit groups."""
        results = []
        for match in _CANDIDATE.finditer(text):
            if sum(c.isdigit() for c in match.group()) >= 12:
                span = _card_within(match.group())
                if span:
                    results.append(
                        explained_result(
                            self,
                            "CREDIT_CARD",
                            match.start() + span[0],
                            match.start() + span[1],
                            1.0,
                            "issuer prefix, length and Luhn checksum",
                        )
                    )
        return results


def _card_within(candidate: str) -> tuple[int, int] | None:
    ends = [m.end() for m in _GROUP_END.finditer(candidate)]
    for start in (m.start() for m in _GROUP_START.finditer(candidate)):
        for end in reversed(ends):
            if end > start and is_card_number(
                candidate[start:end].replace(" ", "").replace("-", "")
            ):
                return start, end
    return None
