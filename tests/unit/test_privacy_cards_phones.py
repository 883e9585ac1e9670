"""Payment cards of every issuer and phone numbers of English-speaking countries.

The examples are written here (synthetic); card numbers are made Luhn-valid
by :func:`with_check_digit`, so no real card is named.
"""

import pytest

from klarchat.privacy.cards import PaymentCardRecognizer, is_card_number, luhn_valid
from klarchat.privacy.phones_en import PhoneShapeRecognizer
from klarchat.privacy.redactor import Redactor
from klarchat.privacy.vault import Vault


def with_check_digit(body: str) -> str:
    """``body`` plus the digit that makes it pass Luhn."""
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


def grouped(digits: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(digits[at : at + size])
        at += size
    return sep.join(parts)


@pytest.fixture(scope="module")
def redactor():
    return Redactor(languages=("en",))


def found(recognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, [])]


CARDS = {
    "visa 13": with_check_digit("422222222222"),
    "visa 16": with_check_digit("411111111111111"),
    "visa 19": with_check_digit("450000000000000000"),
    "mastercard 51": with_check_digit("555555555555444"),
    "mastercard 2-series low": with_check_digit("222100000000000"),
    "mastercard 2-series high": with_check_digit("272099999999999"),
    "amex": with_check_digit("37828224631000"),
    "discover 6011": with_check_digit("601111111111111"),
    "discover 65": with_check_digit("650000000000000"),
    "discover 644": with_check_digit("644000000000000"),
    "jcb 16": with_check_digit("353011133330000"),
    "jcb 15": with_check_digit("21310000000000"),
    "diners 14": with_check_digit("3056930902590"),
    "diners 36": with_check_digit("3600000000000"),
    "maestro 12": with_check_digit("50180000000"),
    "maestro 19": with_check_digit("676770000000000000"),
    "maestro uk": with_check_digit("060400000000000"),
}


@pytest.mark.parametrize("issuer", CARDS)
def test_every_issuer_is_a_card(issuer):
    assert is_card_number(CARDS[issuer])


@pytest.mark.parametrize(
    "digits",
    [
        with_check_digit("123456789012345"),  # no issuer starts with 1
        with_check_digit("2721000000000"),  # 2721 is past Mastercard's range, wrong length too
        with_check_digit("90000000000000"),
        "4111111111111112",  # Luhn fails
        with_check_digit("41111111111"),  # Visa, but 12 digits
    ],
)
def test_numbers_without_issuer_length_or_checksum_are_not_cards(digits):
    assert not is_card_number(digits)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (grouped(CARDS["mastercard 2-series low"], (4, 4, 4, 4)), "card {} exp 11/28"),
        (grouped(CARDS["mastercard 2-series high"], (4, 4, 4, 4), "-"), "MC: {}."),
        (grouped(CARDS["amex"], (4, 6, 5)), "Amex {} please"),
        (CARDS["jcb 16"], "jcb card no {}"),
        (grouped(CARDS["maestro 19"], (4, 4, 4, 4, 3)), "maestro {}"),
        (grouped(CARDS["diners 14"], (4, 6, 4)), "diners club {} cvv 123"),
        (grouped(CARDS["visa 16"], (4, 4, 4, 4)), "qty 2 {} thanks"),
    ],
)
def test_cards_are_found_in_text_however_grouped(written, message):
    text = message.format(written)
    assert found(PaymentCardRecognizer(language="en", context=[]), text) == [written]


def test_a_trailing_group_is_not_part_of_the_card():
    card = grouped(CARDS["visa 16"], (4, 4, 4, 4))
    text = f"{card} 3 more"
    assert found(PaymentCardRecognizer(language="en", context=[]), text) == [card]


@pytest.mark.parametrize(
    "number",
    [
        "(555) 014-2368",
        "555.014.2368",
        "001-290-647-8981",
        "+1-522-571-1472",
        "1-800-555-0199",
        "618-639-7186x62008",
        "(332)274-5889 ext. 12",
        "212-555-0198 extension 3",
        "+44 (0)20 7946 0958",
        "+44(0)292018189",
        "(0115) 4960919",
        "0113 496 0000",
        "07700 900123",
        "+353 87 123 4567",
        "087 123 4567",
        "00353 1 234 5678",
    ],
)
def test_phone_numbers_are_removed_whole(redactor, number):
    text = f"hi, best number to reach me is {number} after 5pm"
    result = redactor.redact(text, "en", Vault())
    assert result.text == "hi, best number to reach me is <PHONE_NUMBER_1> after 5pm"


def test_ten_digits_in_a_row_need_a_phone_word(redactor):
    assert redactor.redact("Phone: 7355564546", "en", Vault()).text == "Phone: <PHONE_NUMBER_1>"
    assert "7355564546" in redactor.redact("Tracking 7355564546 shipped", "en", Vault()).text


@pytest.mark.parametrize(
    "text",
    [
        "order no. 555-014-2368 has not arrived",
        "Model 0113 4960 is out of stock",
        "delivered on 12.05.2024 at 10:30",
    ],
)
def test_numbers_that_are_not_phones_stay(text):
    assert found(PhoneShapeRecognizer(language="en", context=[]), text) == []
