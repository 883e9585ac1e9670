"""German identity numbers in the forms people type them."""

import pytest

from klarchat.privacy.ids_de import icao_check_digit
from klarchat.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor():
    return Redactor()


def found(redactor: Redactor, text: str, language: str = "de") -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in redactor.find(text, language)]


def test_icao_check_digit_of_the_specimen_identity_card():
    # The specimen card "Erika Mustermann": document number L01X00T47, MRZ check digit 1.
    assert icao_check_digit("L01X00T47") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meine Steuer-ID ist 86 095 742 719.", ("DE_TAX_ID", "86 095 742 719")),
        ("Steuer-ID: 86095742719", ("DE_TAX_ID", "86095742719")),
        ("Rentenversicherungsnummer 65 170839 J 003", ("DE_SOCIAL_SECURITY", "65 170839 J 003")),
        ("RV-Nr. 65170839J003", ("DE_SOCIAL_SECURITY", "65170839J003")),
        ("Personalausweisnummer L01X00T47, bitte", ("DE_ID_CARD", "L01X00T47")),
        ("Ausweis verloren (Nr. L01X00T471).", ("DE_ID_CARD", "L01X00T471")),
        ("Mein Reisepass hat die Nummer C01X00T47.", ("DE_PASSPORT", "C01X00T47")),
        ("Reisepass-Nr.: c01x00t47", ("DE_PASSPORT", "c01x00t47")),
    ],
)
def test_german_ids_are_found_compact_and_grouped(redactor, text, expected):
    assert found(redactor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Meine Steuer-ID ist 86 095 742 718.",  # wrong check digit
        "Rentenversicherungsnummer 65 170839 J 004",
        "Ausweis verloren (Nr. L01X00T472).",  # tenth character is not the check digit
        "Mein Passwort lautet C01X00T47",
        "Mein Ausweis ist abgelaufen, Artikel XYZWVTRPN",
    ],
)
def test_invalid_or_uncued_numbers_are_not_ids(redactor, text):
    assert not [t for t, _ in found(redactor, text) if t.startswith("DE_")]


def test_a_cued_document_number_is_found_in_english_text_too(redactor):
    assert ("DE_PASSPORT", "C01X00T47") in found(
        redactor, "My German passport number is C01X00T47.", "en"
    )
