"""The built-in FAQ against questions as customers write them: greetings in front,
typos, no umlauts, long messages, German and English. Each expects a phrase only the
right answer contains."""

from __future__ import annotations

import pytest

from klarchat.adapters.base import ChatMessage, ChatRequest
from klarchat.adapters.offline import OfflineAdapter

DELIVERY = {"de": "Sendungsverfolgung zeigt", "en": "trace the parcel"}
SHIPPING = {"de": "Versandkosten und Lieferzeit", "en": "shipping costs and delivery time"}
RETURN = {"de": "14 Tagen nach Erhalt", "en": "within 14 days of receiving"}
REFUND = {"de": "Gutschrift auf Ihrem Konto", "en": "shows in your account"}
PAYMENT = {"de": "Zahlungsarten zur Verfügung", "en": "payment methods are available"}
INVOICE = {"de": "Ihre Rechnung kommt per E-Mail", "en": "Your invoice comes by email"}
HOURS = {"de": "rund um die Uhr", "en": "around the clock"}
CONTACT = {"de": "per E-Mail oder Telefon", "en": "by email or phone"}
PRIVACY = {"de": "Platzhalter", "en": "placeholders"}
GREETING = {"de": "Fragen Sie mich zum Beispiel", "en": "You can ask me about"}

CUSTOMERS = [
    (
        "de",
        "Hallo, ich habe vor einer Woche bestellt und meine Bestellung ist nicht angekommen",
        DELIVERY,
    ),
    ("de", "Guten Tag! Mein Paket ist immer noch nicht da, was kann ich tun?", DELIVERY),
    ("de", "hallo wo bleibt meine bestelung??", DELIVERY),
    ("de", "Moin, die Lieferung ist verspätet, Bestellnummer <ORDER_NUMBER_1>", DELIVERY),
    (
        "de",
        "Hi, ich hab mein Packet nie bekommen. Die Sendungsverfolgung sagt zugestellt, aber bei mir ist nichts. Was soll ich machen? Mein Nachbar hat auch nichts.",
        DELIVERY,
    ),
    ("de", "Was kostet der Versand nach Österreich?", SHIPPING),
    ("de", "Wie lange ist die Lieferzeit?", SHIPPING),
    ("de", "Die Schuhe passen nicht, kann ich die zurückschicken?", RETURN),
    ("de", "Hallo, wie funktioniert die Retoure?", RETURN),
    ("de", "Wann bekomme ich mein Geld zurück? Die Rücksendung ist seit Montag bei Ihnen.", REFUND),
    ("de", "ich warte immer noch auf die erstatung", REFUND),
    ("de", "Kann ich mit Paypal oder Kreditkarte zahlen?", PAYMENT),
    ("de", "Geht auch Kauf auf Rechnung?", PAYMENT),
    ("de", "Ich brauche bitte eine Rechnung mit meiner Firmenadresse", INVOICE),
    ("de", "Wo finde ich die Quittung für meinen Einkauf?", INVOICE),
    ("de", "Wann habt ihr offen? Auch am Feiertag?", HOURS),
    ("de", "Wie erreiche ich den Kundenservice telefonisch?", CONTACT),
    ("de", "Was passiert mit meinen Daten, wird das gespeichert?", PRIVACY),
    ("de", "Hallo!", GREETING),
    ("en", "Hi, I ordered two weeks ago and my order still hasn't arrived", DELIVERY),
    ("en", "hello where is my parcel?? its been 10 days", DELIVERY),
    ("en", "My package is missing, tracking says delivered but nothing here", DELIVERY),
    ("en", "How much is shipping to Ireland?", SHIPPING),
    ("en", "The jacket doesn't fit, can I send it back?", RETURN),
    ("en", "When will I get my refund? You received the return last week.", REFUND),
    ("en", "Hello, can I pay with Klarna or PayPal?", PAYMENT),
    ("en", "I need an invoice with VAT for my company", INVOICE),
    ("en", "What are your opening hours?", HOURS),
    ("en", "How can I contact a real person by phone?", CONTACT),
    ("en", "Do you store my personal data?", PRIVACY),
    ("en", "Good morning", GREETING),
]


def ask(adapter: OfflineAdapter, text: str, language: str) -> str:
    return adapter.answer(
        ChatRequest(messages=(ChatMessage("user", text),), language=language, conversation_id="c")
    )


@pytest.mark.parametrize(("language", "question", "expected"), CUSTOMERS)
def test_a_customer_question_gets_the_right_answer(
    language: str, question: str, expected: dict[str, str]
) -> None:
    assert expected[language] in ask(OfflineAdapter({}), question, language)


def test_a_greeting_answers_only_when_nothing_else_matches() -> None:
    adapter = OfflineAdapter({})
    assert GREETING["de"] in ask(adapter, "Hallo", "de")
    assert GREETING["de"] not in ask(adapter, "Hallo, wo bleibt mein Paket?", "de")


def test_typos_are_forgiven_only_in_longer_words() -> None:
    adapter = OfflineAdapter(
        {
            "faq": [
                {"keywords": {"de": ["bestellung"]}, "answer": {"de": "order"}},
                {"keywords": {"de": ["bestellen"]}, "answer": {"de": "how to order"}},
            ],
            "include_default_faq": False,
            "fallback": {"de": "?"},
        }
    )
    assert ask(adapter, "meine Bestelung", "de") == "order"
    assert ask(adapter, "wie kann ich bestellen", "de") == "how to order"
