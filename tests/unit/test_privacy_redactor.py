import logging
import re
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from presidio_analyzer import RecognizerResult

from klarchat.privacy.redactor import Redaction, Redactor, resolve_overlaps
from klarchat.privacy.vault import Vault

SERVER = Path(__file__).resolve().parents[2] / "server"


@pytest.fixture(scope="module")
def redactor():
    return Redactor()


@pytest.fixture(scope="module")
def keeping_references():
    """Negatives carry order and customer numbers, which are not redacted with this setting."""
    return Redactor(pass_through={"ORDER_NUMBER", "CUSTOMER_NUMBER"})


def redact(redactor, text, language):
    return redactor.redact(text, language, Vault())


def assert_removed(result: Redaction, *values: str) -> None:
    for value in values:
        assert value not in result.text, f"{value!r} survived in {result.text!r}"
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            assert digits not in re.sub(r"\D", "", result.text), f"digits of {value!r} survived"


# --- German -----------------------------------------------------------------

GERMAN_MESSAGES = [
    (
        "Hallo, ich heiße Anna Schmidt und bin unter anna.schmidt@example.de erreichbar.",
        ["Anna", "Schmidt", "anna.schmidt@example.de"],
        {"PERSON": 1, "EMAIL_ADDRESS": 1},
    ),
    (
        "Mein Name ist Katharina Lehmann-Ochs, Telefon +49 30 1234567. Ich wohne in der "
        "Goethestraße 14b, 04109 Leipzig.",
        ["Katharina", "Lehmann-Ochs", "+49 30 1234567", "Goethestraße 14b", "04109"],
        {"PERSON": 1, "PHONE_NUMBER": 1, "LOCATION": 1},
    ),
    (
        "Bitte überweisen Sie die Erstattung auf DE89 3704 0044 0532 0130 00, "
        "Kontoinhaber: Jürgen Baumann.",
        ["DE89 3704 0044 0532 0130 00", "Jürgen", "Baumann"],
        {"IBAN_CODE": 1, "PERSON": 1},
    ),
    (
        "Guten Tag, könnten Sie Frau Dr. Yılmaz ausrichten, dass ich unter 0151 23456789 "
        "zurückrufe? Mein Mann Jens wartet auch auf Antwort.",
        ["Yılmaz", "0151 23456789", "Jens"],
        {"PERSON": 2, "PHONE_NUMBER": 1},
    ),
    (
        "Die Lieferung soll an Berliner Str. 12a gehen, nicht an die Karl-Marx-Allee 90.\n"
        "Viele Grüße\nTobias Wagner",
        ["Berliner Str. 12a", "Karl-Marx-Allee 90", "Tobias", "Wagner"],
        {"LOCATION": 2, "PERSON": 1},
    ),
    (
        "ich heiße mehmet, wohne in der bahnhofstr 3 und meine nummer ist 0171-2345678. lg mehmet",
        ["mehmet", "bahnhofstr 3", "0171-2345678"],
        {"PERSON": 2, "LOCATION": 1, "PHONE_NUMBER": 1},
    ),
    (
        "Schicken Sie die Unterlagen an: Peter Hoffmann, Am Sonnenhang 7, "
        "79100 Freiburg im Breisgau. Rückfragen gern an p.hoffmann@web.de",
        ["Peter", "Hoffmann", "Am Sonnenhang 7", "79100 Freiburg", "p.hoffmann@web.de"],
        {"PERSON": 1, "LOCATION": 1, "EMAIL_ADDRESS": 1},
    ),
    (
        "Herr von Bülow hat am Schillerplatz 1 bestellt, geliefert wurde an die "
        "Straße des 17. Juni 4.",
        ["Bülow", "Schillerplatz 1", "Straße des 17. Juni 4"],
        {"PERSON": 1, "LOCATION": 2},
    ),
    (
        "Hi, hier ist Yusuf. Meine Festnetznummer ist jetzt (030) 12345678, "
        "mobil 0049 (0)30 123 456 7. Danke!",
        ["Yusuf", "(030) 12345678", "0049 (0)30 123 456 7"],
        {"PERSON": 1, "PHONE_NUMBER": 2},
    ),
    (
        "Mit freundlichen Grüßen, Claudia Becker\nTel. 030/1234567 oder 030-7654321",
        ["Claudia", "Becker", "030/1234567", "030-7654321"],
        {"PERSON": 1, "PHONE_NUMBER": 2},
    ),
    (
        "Meine Tochter Mia-Sophie hat die Bestellung aufgegeben. Ich bin die Lena "
        "und wohne Hauptstraße 5, 10115 Berlin.",
        ["Mia-Sophie", "Lena", "Hauptstraße 5", "10115 Berlin"],
        {"PERSON": 2, "LOCATION": 1},
    ),
    (
        "moin, bin der kevin, meine handynummer ist 01522 3456789. Paket bitte zu "
        "Familie Nowak, Lindenstr. 4, 44135 Dortmund.",
        ["kevin", "01522 3456789", "Nowak", "Lindenstr. 4", "44135 Dortmund"],
        {"PERSON": 2, "PHONE_NUMBER": 1, "LOCATION": 1},
    ),
    (
        "Können Sie das an Thomas Weber weiterleiten? Ich wohne in A-1010 Wien, "
        "meine Karte ist 4111 1111 1111 1111.",
        ["Thomas", "Weber", "1010 Wien", "4111 1111 1111 1111"],
        {"PERSON": 1, "LOCATION": 1, "CREDIT_CARD": 1},
    ),
    (
        "Mein Konto: IBAN GB82 WEST 1234 5698 7654 32, Inhaber Franz Gruber. "
        "Server-IP 192.168.178.20, meine Seite www.franz-gruber.de",
        ["GB82 WEST 1234 5698 7654 32", "Franz", "Gruber", "192.168.178.20", "franz-gruber.de"],
        {"IBAN_CODE": 1, "PERSON": 1, "IP_ADDRESS": 1, "URL": 1},
    ),
]


GERMAN_MESSAGES += [
    (
        "Bitte an Lange Reihe 15, 20099 Hamburg. wohne sonst birkenweg 2d, schreibt Ilse Kern",
        ["Lange Reihe 15", "20099 Hamburg", "birkenweg 2d", "Ilse", "Kern"],
        {"LOCATION": 2, "PERSON": 1},
    ),
    (
        "IBAN de89 3704 0044 0532 0130 00 bzw. DE 89 370 400 440 532 013 000, geb 05.10.86",
        ["de89 3704 0044 0532 0130 00", "DE 89 370 400 440 532 013 000", "05.10.86"],
        {"IBAN_CODE": 2, "DATE_OF_BIRTH": 1},
    ),
]


@pytest.mark.parametrize(("text", "values", "entities"), GERMAN_MESSAGES)
def test_german_personal_data_does_not_survive(redactor, text, values, entities):
    result = redact(redactor, text, "de")
    assert_removed(result, *values)
    assert result.entities == entities


GERMAN_NEGATIVES = [
    "Ich bin müde und habe heute keine Lust mehr.",
    "Ich bin Kunde seit 2019 und meine Bestellnummer 4711-2025-88 ist noch nicht da.",
    "Geliefert am 05.10.2026. Der Termin ist am 14.06.2024 um 10:30 Uhr.",
    "Der Artikel kostet 49,99 € bzw. 1.299,00 EUR, Lieferzeit 3-5 Werktage.",
    "Ich habe 10000 Euro überwiesen und 12345 Artikel bestellt, Auftrag 40012 Fehler.",
    "Im Warenkorb 3 Artikel. Am Montag 3 Pakete. Mein Auto ist um 5 fertig.",
    "Ich bin Rentnerin und komme mit der App nicht klar. Mein Enkel hilft mir.",
    "Ich bin Berliner und finde den Service super. Ich bin Anfang 30.",
    "Viele Grüße aus Hamburg und danke für die schnelle Hilfe!",
    "Ich habe das iPhone 15 Pro Max in Titan bestellt. Max. 2 Stück pro Kunde?",
    "Bitte stornieren Sie Position 3 der Bestellung 2024-118734, Kundennummer 5583921.",
    "Version 2.4.1 stürzt ab, Fehlercode 0x80070005. Zimmer 204, Größe 42.",
    "Ich heiße Sie herzlich willkommen. Hallo Team, danke schön!",
    "Am Ende des Tages zählt der Preis. Im Großen und Ganzen bin ich zufrieden.",
    "Hallo Praxis-Team, liebe Apotheke, ist der Hugo Boss Anzug oder die Tom Tailor Jacke da?",
    "Neue Bestellung 4711-2025 und Große Pizza 2 Stück, Sendung kommt am 05.10.2026.",
]


@pytest.mark.parametrize("text", GERMAN_NEGATIVES)
def test_german_text_without_personal_data_is_left_alone(keeping_references, text):
    result = redact(keeping_references, text, "de")
    assert result == Redaction(text=text, entities={})


# --- English ----------------------------------------------------------------

ENGLISH_MESSAGES = [
    (
        "Good morning, this is Daniel Okafor from flat 3, 27 Kingsway Road, Manchester "
        "M19 2LN. Send the refund to my son, Liam Murphy. i'm kevin btw",
        ["Daniel", "Okafor", "27 Kingsway Road", "M19 2LN", "Liam", "Murphy", "kevin"],
        {"PERSON": 3, "LOCATION": 1},
    ),
    (
        "Hi, my name is John Smith and you can reach me at john.smith@example.com "
        "or +44 20 7946 0958.",
        ["John", "Smith", "john.smith@example.com", "+44 20 7946 0958"],
        {"PERSON": 1, "EMAIL_ADDRESS": 1, "PHONE_NUMBER": 1},
    ),
    (
        "I'm Priya and I live at 221B Baker Street, London NW1 6XE.",
        ["Priya", "221B Baker Street", "NW1 6XE"],
        {"PERSON": 1, "LOCATION": 1},
    ),
    (
        "Please send the invoice to 1600 Pennsylvania Avenue NW, Washington, DC 20500, "
        "attention Ms. Rachel Goldberg-Hayes.",
        ["1600 Pennsylvania Avenue NW", "20500", "Rachel", "Goldberg-Hayes"],
        {"LOCATION": 1, "PERSON": 1},
    ),
    (
        "My IBAN is GB82 WEST 1234 5698 7654 32, the old one was DE89370400440532013000.",
        ["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000"],
        {"IBAN_CODE": 2},
    ),
    (
        "Hey, it's Tom here. New number: (212) 555-0147. I moved to Springfield, IL 62704.",
        ["Tom", "(212) 555-0147", "Springfield, IL 62704"],
        {"PERSON": 1, "PHONE_NUMBER": 1, "LOCATION": 1},
    ),
    (
        "Dear Sir or Madam,\nthe parcel never reached 10 Downing St, SW1A 2AA.\n"
        "Kind regards,\nMargaret Thompson",
        ["10 Downing St", "SW1A 2AA", "Margaret", "Thompson"],
        {"LOCATION": 1, "PERSON": 1},
    ),
    (
        "My husband Raj called Dr. Nguyen yesterday; my email is k.osei@example.org.",
        ["Raj", "Nguyen", "k.osei@example.org"],
        {"PERSON": 2, "EMAIL_ADDRESS": 1},
    ),
    (
        "my name is jennifer and i live at 12 oak street, cell 0151 23456789",
        ["jennifer", "12 oak street", "0151 23456789"],
        {"PERSON": 1, "LOCATION": 1, "PHONE_NUMBER": 1},
    ),
    (
        "Could you ask Michael Brown to check card 4111-1111-1111-1111? "
        "My site is https://www.janedoe-photography.com/portfolio and my IP 203.0.113.42.",
        ["Michael", "Brown", "4111-1111-1111-1111", "janedoe-photography", "203.0.113.42"],
        {"PERSON": 1, "CREDIT_CARD": 1, "URL": 1, "IP_ADDRESS": 1},
    ),
]


ENGLISH_MESSAGES += [
    (
        "I live at Zeil 77, 60313 Frankfurt am Main; my German Steuer-ID is 86 095 742 719.",
        ["60313 Frankfurt", "86 095 742 719"],
        {"LOCATION": 1, "DE_TAX_ID": 1},
    ),
]


@pytest.mark.parametrize(("text", "values", "entities"), ENGLISH_MESSAGES)
def test_english_personal_data_does_not_survive(redactor, text, values, entities):
    result = redact(redactor, text, "en")
    assert_removed(result, *values)
    assert result.entities == entities


ENGLISH_NEGATIVES = [
    "I am tired and I'm British. I'm not sure what to do.",
    "Order number 4711-2025-88 was placed on 05.10.1986 and cost $49.99.",
    "The appointment is on Friday, 06/14/2024 at 10:30 AM in room 204.",
    "Please cancel line 3 of order 2024-118734, customer ID 5583921.",
    "We have 25000 visitors a month and 1200 orders. Is the Business plan right?",
    "Thanks, Great job! This is Google Chrome. It's Monday.",
    "I walked 5 miles down the road to the post office yesterday.",
    "I ordered the iPhone 15 Pro Max. Max. 2 items per customer?",
    "Hi Team, version 2.4.1 crashes with error code 0x80070005.",
]


@pytest.mark.parametrize("text", ENGLISH_NEGATIVES)
def test_english_text_without_personal_data_is_left_alone(keeping_references, text):
    result = redact(keeping_references, text, "en")
    assert result == Redaction(text=text, entities={})


# --- Conversation behaviour -------------------------------------------------


def test_context_words_lift_weak_matches(redactor):
    assert redact(redactor, "Meine PLZ ist 10115.", "de").entities == {"LOCATION": 1}
    assert redact(redactor, "Die Bestellung 10115 fehlt.", "de").entities == {"ORDER_NUMBER": 1}


def test_sentence_punctuation_stays_outside_a_url(redactor):
    result = redact(redactor, "Siehe www.example.de. Oder (https://shop.example.com/a?b=1)!", "de")
    assert result.text == "Siehe <URL_1>. Oder (<URL_2>)!"


@pytest.mark.parametrize("unit", ["<", ".", "€", "(", "/", "a.", "0151 ", "Anna "])
def test_hostile_input_is_redacted_in_bounded_time(redactor, unit):
    text = unit * (4000 // len(unit))
    for language in ("de", "en"):
        start = time.perf_counter()
        redact(redactor, text, language)
        assert time.perf_counter() - start < 1.5, (unit, language)


def test_placeholders_are_stable_across_turns(redactor):
    vault = Vault()
    first = redactor.redact("Ich heiße Anna Schmidt, Tel. 030 1234567.", "de", vault)
    second = redactor.redact(
        "Anna Schmidt nochmal: bitte unter 030/1234567 zurückrufen, nicht Ben Meier.",
        "de",
        vault,
    )
    assert first.text == "Ich heiße <PERSON_1>, Tel. <PHONE_NUMBER_1>."
    assert second.text == (
        "<PERSON_1> nochmal: bitte unter <PHONE_NUMBER_1> zurückrufen, nicht <PERSON_2>."
    )
    assert vault.restore(second.text) == (
        "Anna Schmidt nochmal: bitte unter 030 1234567 zurückrufen, nicht Ben Meier."
    )


def test_different_values_in_one_message_get_different_placeholders(redactor):
    vault = Vault()
    result = redactor.redact(
        "Mail an anna@example.de oder ben@example.de, Frau Keller oder Herr Keil.",
        "de",
        vault,
    )
    placeholders = re.findall(r"<[A-Z_]+_\d+>", result.text)
    assert len(placeholders) == len(set(placeholders)) == 4
    assert placeholders == [
        "<EMAIL_ADDRESS_1>",
        "<EMAIL_ADDRESS_2>",
        "<PERSON_1>",
        "<PERSON_2>",
    ]


def test_unconfigured_language_is_refused(redactor):
    with pytest.raises(ValueError, match="fr"):
        redactor.redact("Je m'appelle Anne.", "fr", Vault())
    with pytest.raises(ValueError, match="fr"):
        Redactor(languages=("fr",))


def test_supported_languages(redactor):
    assert redactor.supported_languages == ("de", "en")


def test_empty_message(redactor):
    assert redact(redactor, "", "de") == Redaction(text="", entities={})


# --- Overlaps ---------------------------------------------------------------


def test_overlaps_of_one_type_merge_and_across_types_the_stronger_wins():
    results = [
        RecognizerResult("PERSON", 0, 4, 0.45),
        RecognizerResult("PERSON", 0, 12, 0.7),
        RecognizerResult("LOCATION", 10, 20, 0.6),
        RecognizerResult("PHONE_NUMBER", 30, 40, 0.4),
        RecognizerResult("URL", 30, 44, 0.4),
        RecognizerResult("EMAIL_ADDRESS", 50, 60, 1.0),
        RecognizerResult("URL", 55, 60, 0.5),
    ]
    chosen = [(r.entity_type, r.start, r.end) for r in resolve_overlaps(results)]
    assert chosen == [("PERSON", 0, 12), ("URL", 30, 44), ("EMAIL_ADDRESS", 50, 60)]


# --- Offline and quiet ------------------------------------------------------


def test_redaction_opens_no_network_connection(redactor, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during redaction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = redact(
        redactor, "Mail an lena.vogt@beispiel.co.uk oder www.vogt.berlin, Lena Vogt", "de"
    )
    assert_removed(result, "lena.vogt@beispiel.co.uk", "vogt.berlin", "Lena Vogt")


def test_a_fresh_process_builds_and_redacts_without_network(tmp_path):
    # An empty home and cache: a library that fetches on first use and caches
    # the result (tldextract does) cannot hide behind an earlier run's cache.
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise SystemExit("network access")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from klarchat.privacy.redactor import Redactor
        from klarchat.privacy.vault import Vault

        redactor = Redactor()
        for language in ("de", "en"):
            text = "anna@example.de, Anna Schmidt, +49 30 1234567"
            result = redactor.redact(text, language, Vault())
            assert "anna@example.de" not in result.text, result.text
        print("offline ok")
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={
            "PYTHONPATH": str(SERVER),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        },
        timeout=110,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "offline ok" in completed.stdout


def test_presidio_logs_carry_no_message_text(redactor, caplog):
    secret = "Zyxwvuts Qponmlk"
    with caplog.at_level(logging.DEBUG):
        redact(redactor, f"Mein Name ist {secret}, IBAN DE00 1234 5678 9012 3456 78.", "de")
        redact(redactor, f"My name is {secret}, call me at +1 415-555-0132.", "en")
    assert caplog.records, "expected Presidio to log its decision steps at DEBUG"
    for record in caplog.records:
        message = record.getMessage()
        assert "Zyxwvuts" not in message and "Qponmlk" not in message
        assert "5678" not in message and "555" not in message
