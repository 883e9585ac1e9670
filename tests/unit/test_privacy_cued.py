"""Order numbers, customer numbers and birth dates: found by the words around them."""

import pytest

from klarchat.privacy.redactor import Redactor
from klarchat.privacy.vault import Vault


@pytest.fixture(scope="module")
def redactor():
    return Redactor()


def redacted(redactor: Redactor, text: str, language: str) -> str:
    return redactor.redact(text, language, Vault()).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Meine Bestellnummer ist 4711-2025, bestellt am 05.10.2026.",
            "Meine Bestellnummer ist <ORDER_NUMBER_1>, bestellt am 05.10.2026.",
        ),
        (
            "Bestell-Nr.: A-123456 und Kundennummer K-98765",
            "Bestell-Nr.: <ORDER_NUMBER_1> und Kundennummer <CUSTOMER_NUMBER_1>",
        ),
        ("Auftrag #558812 kam nicht an.", "Auftrag <ORDER_NUMBER_1> kam nicht an."),
        ("Kd.-Nr. 123 456, bitte prüfen", "Kd.-Nr. <CUSTOMER_NUMBER_1>, bitte prüfen"),
        (
            "Die Rechnungsnummer lautet RE-2026/00417.",
            "Die Rechnungsnummer lautet <ORDER_NUMBER_1>.",
        ),
        (
            "Versicherungsscheinnummer: 12-345678-9",
            "Versicherungsscheinnummer: <CUSTOMER_NUMBER_1>",
        ),
    ],
)
def test_german_references_are_their_own_types(redactor, text, expected):
    assert redacted(redactor, text, "de") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My order number is 10023451 and my customer no. C-5541.",
            "My order number is <ORDER_NUMBER_1> and my customer no. <CUSTOMER_NUMBER_1>.",
        ),
        (
            "Order #12345 placed on 12/10/2026 for $49.99",
            "Order <ORDER_NUMBER_1> placed on 12/10/2026 for $49.99",
        ),
        ("Policy number: AB-778812-X", "Policy number: <CUSTOMER_NUMBER_1>"),
    ],
)
def test_english_references_are_their_own_types(redactor, text, expected):
    assert redacted(redactor, text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Bestellnummer lautet 0151-2345678.",
        "Kundennummer 030 1234567",
        "Auftrag 0049 30 123456",
    ],
)
def test_a_reference_that_looks_like_a_phone_number_is_not_called_one(redactor, text):
    result = redactor.redact(text, "de", Vault())
    assert "PHONE_NUMBER" not in result.entities
    assert set(result.entities) <= {"ORDER_NUMBER", "CUSTOMER_NUMBER"} and result.entities


@pytest.mark.parametrize(
    "text",
    [
        "Meine Bestellung vom 12.10.2026 ist nicht da.",
        "Die Rechnung 2025 war falsch, die Bestellung 3 auch.",
        "Auftrag 49,99 € und Rechnung 19% MwSt.",
        "Ich habe eine Bestellung aufgegeben und warte.",
    ],
)
def test_dates_years_and_amounts_after_a_reference_word_are_left_alone(redactor, text):
    assert redacted(redactor, text, "de") == text


def test_references_can_be_passed_through_but_are_still_not_phone_numbers():
    keeping = Redactor(pass_through={"ORDER_NUMBER"})
    text = "Bestellnummer 0151-2345678, Kundennummer 5583921, Tel. 0151 23456789"
    result = keeping.redact(text, "de", Vault())
    assert (
        result.text
        == "Bestellnummer 0151-2345678, Kundennummer <CUSTOMER_NUMBER_1>, Tel. <PHONE_NUMBER_1>"
    )
    assert result.entities == {"CUSTOMER_NUMBER": 1, "PHONE_NUMBER": 1}


@pytest.mark.parametrize(
    ("text", "birth_date"),
    [
        ("Ich bin am 05.10.1986 geboren.", "05.10.1986"),
        ("Geburtsdatum: 5. Oktober 1986", "5. Oktober 1986"),
        ("geb. 05.10.86, wohnhaft in der Kölner Innenstadt", "05.10.86"),
        ("Mein Geburtstag ist der 3. März 1990.", "3. März 1990"),
        ("geboren am 1986-10-05", "1986-10-05"),
    ],
)
def test_german_birth_dates_need_a_birth_cue(redactor, text, birth_date):
    result = redactor.redact(text, "de", Vault())
    assert birth_date not in result.text
    assert result.entities == {"DATE_OF_BIRTH": 1}


@pytest.mark.parametrize(
    ("text", "birth_date"),
    [
        ("I was born on 5 March 1990.", "5 March 1990"),
        ("DOB: 03/05/1990", "03/05/1990"),
        ("date of birth March 5th, 1990", "March 5th, 1990"),
    ],
)
def test_english_birth_dates_need_a_birth_cue(redactor, text, birth_date):
    result = redactor.redact(text, "en", Vault())
    assert birth_date not in result.text
    assert result.entities == {"DATE_OF_BIRTH": 1}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Geliefert am 05.10.1986, der Termin ist am 5. Oktober 2026.", "de"),
        ("Mein Sohn hat am 3. März Geburtstag, gibt es Geschenkgutscheine?", "de"),
        ("Delivered on 5 March 1990; the appointment is 03/05/2026.", "en"),
    ],
)
def test_other_dates_are_left_alone(redactor, text, language):
    assert redacted(redactor, text, language) == text
