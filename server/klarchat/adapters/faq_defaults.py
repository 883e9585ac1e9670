"""The built-in FAQ of the offline adapter, so that `klarchat serve` answers sensibly
with no config at all.

The answers are written for any shop: they point to places every shop has
(checkout, contact page, privacy notice) instead of inventing hours or prices that
would be wrong for the site. They use the same shape as `[[adapters.offline.faq]]`
in klarchat.toml, so a site owner can copy an entry and adapt it.
"""

from __future__ import annotations

from typing import Any

DEFAULT_FAQ: list[dict[str, Any]] = [
    {
        "keywords": {
            "de": [
                "mensch",
                "menschlich",
                "ki",
                "bot",
                "chatbot",
                "roboter",
                "künstlich",
                "maschine",
                "chatgpt",
                "echte person",
            ],
            "en": [
                "human",
                "ai",
                "bot",
                "chatbot",
                "robot",
                "artificial",
                "machine",
                "chatgpt",
                "real person",
            ],
        },
        "answer": {
            "de": (
                "Nein, ich bin kein Mensch, sondern ein KI-Assistent, also ein Computerprogramm. "
                "Ich beantworte häufige Fragen zu Versand, Rücksendungen, Zahlung, Kontakt und "
                "Datenschutz. Wenn Sie mit einer Person sprechen möchten, finden Sie unsere "
                "Kontaktdaten auf der Kontaktseite."
            ),
            "en": (
                "No, I am not a human. I am an AI assistant, a computer program. I answer common "
                "questions about shipping, returns, payment, contact and data protection. If you "
                "would like to talk to a person, you will find our contact details on the contact page."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "daten",
                "datenschutz",
                "dsgvo",
                "gespeichert",
                "speicherung",
                "speichern",
                "löschen",
                "privatsphäre",
            ],
            "en": [
                "data",
                "privacy",
                "gdpr",
                "stored",
                "storage",
                "delete",
                "erase",
                "personal information",
            ],
        },
        "answer": {
            "de": (
                "Bevor Ihre Nachricht verarbeitet wird, ersetze ich Namen, E-Mail-Adressen, "
                "Telefonnummern und andere persönliche Angaben durch Platzhalter. In dieser "
                "Einrichtung wird Ihre Nachricht an keinen externen KI-Anbieter gesendet. Der "
                "Chatverlauf wird nur gespeichert, wenn Sie dem zugestimmt haben. Sie können Ihre "
                "Einwilligung jederzeit im Chatfenster widerrufen und eine Kopie oder die Löschung "
                "Ihrer Daten verlangen. Einzelheiten stehen in unserer Datenschutzerklärung."
            ),
            "en": (
                "Before your message is processed, I replace names, email addresses, phone numbers "
                "and other personal details with placeholders. In this setup, your message is not "
                "sent to any external AI provider. The chat history is only stored if you agreed to "
                "that. You can withdraw your consent at any time in the chat window and ask for a "
                "copy or the deletion of your data. The details are in our privacy notice."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "öffnungszeit",
                "geöffnet",
                "offen",
                "geschlossen",
                "uhrzeit",
                "feiertag",
                "erreichbar",
            ],
            "en": ["opening", "open", "hours", "closed", "holiday", "business hours"],
        },
        "answer": {
            "de": (
                "Unser Onlineshop ist rund um die Uhr für Sie geöffnet. Die Zeiten, zu denen unser "
                "Kundenservice erreichbar ist, finden Sie auf unserer Kontaktseite."
            ),
            "en": (
                "Our online shop is open around the clock. You will find the hours of our customer "
                "service on our contact page."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "rückgabe",
                "retoure",
                "rücksend",
                "zurücksenden",
                "zurückschicken",
                "umtausch",
                "umtauschen",
                "widerruf",
                "storno",
                "stornieren",
                "defekt",
                "kaputt",
                "kaputt angekommen",
                "passt nicht",
                "gefällt nicht",
            ],
            "en": [
                "return",
                "returns",
                "exchange",
                "send back",
                "withdrawal",
                "cancel",
                "broken",
                "arrived broken",
                "defective",
                "damaged",
                "doesn't fit",
            ],
        },
        "answer": {
            "de": (
                "Sie können Ihre Bestellung innerhalb von 14 Tagen nach Erhalt ohne Angabe von "
                "Gründen widerrufen. Teilen Sie uns dazu einfach kurz mit, dass Sie die Ware "
                "zurückgeben möchten. Den Kaufpreis erstatten wir über die Zahlungsart, mit der Sie "
                "bezahlt haben. Alle Einzelheiten stehen in unserer Widerrufsbelehrung."
            ),
            "en": (
                "You can withdraw from your order within 14 days of receiving it, without giving a "
                "reason. Just let us know briefly that you would like to return the goods. We refund "
                "the purchase price using the payment method you paid with. All the details are in "
                "our cancellation policy."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "nicht angekommen",
                "nicht erhalten",
                "nicht bekommen",
                "nicht geliefert",
                "nicht zugestellt",
                "nicht da",
                "fehlt",
                "verspätet",
                "verspätung",
                "verloren",
                "wo bleibt",
                "wo ist meine bestellung",
                "wo ist mein paket",
                "wann kommt",
                "immer noch nicht",
                "angeblich zugestellt",
                "sagt zugestellt",
            ],
            "en": [
                "not arrived",
                "hasn't arrived",
                "didn't arrive",
                "not received",
                "never received",
                "not delivered",
                "missing",
                "delayed",
                "lost",
                "where is my order",
                "where is my parcel",
                "still waiting",
                "still not",
                "says delivered",
            ],
        },
        "answer": {
            "de": (
                "Das tut mir leid. Bitte sehen Sie zuerst in Ihrer Versandbestätigung per E-Mail "
                "nach: Der Link zur Sendungsverfolgung zeigt, wo Ihr Paket gerade ist. Ist die "
                "Lieferzeit überschritten oder bewegt sich die Sendung nicht mehr, schreiben Sie "
                "bitte unserem Kundenservice mit Ihrer Bestellnummer; die Kontaktdaten finden Sie "
                "auf unserer Kontaktseite. Wir forschen dann nach oder schicken Ersatz."
            ),
            "en": (
                "I am sorry about that. Please check your shipping confirmation email first: its "
                "tracking link shows where your parcel is. If the delivery time has passed or the "
                "parcel stopped moving, please write to our customer service with your order "
                "number; you will find the contact details on our contact page. We will then trace "
                "the parcel or send a replacement."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "erstattung",
                "erstatten",
                "erstattet",
                "geld zurück",
                "mein geld",
                "gutschrift",
                "rückzahlung",
            ],
            "en": ["refund", "refunded", "my refund", "money back", "my money", "reimburse"],
        },
        "answer": {
            "de": (
                "Sobald Ihre Rücksendung bei uns eingetroffen und geprüft ist, erstatten wir den "
                "Betrag über die Zahlungsart, mit der Sie bezahlt haben, spätestens innerhalb von "
                "14 Tagen. Bis die Gutschrift auf Ihrem Konto erscheint, kann es je nach Bank oder "
                "Zahlungsdienst ein paar Tage länger dauern."
            ),
            "en": (
                "As soon as your return has reached us and been checked, we refund the amount "
                "using the payment method you paid with, within 14 days at the latest. Depending "
                "on your bank or payment service it may take a few more days until the money "
                "shows in your account."
            ),
        },
    },
    {
        "keywords": {
            "de": ["rechnung", "rechnungskopie", "beleg", "quittung", "mehrwertsteuer"],
            "en": ["invoice", "receipt", "vat"],
        },
        "answer": {
            "de": (
                "Ihre Rechnung kommt per E-Mail mit der Versandbestätigung. Brauchen Sie eine "
                "Kopie oder eine geänderte Rechnung (etwa mit Firmenanschrift), schreiben Sie "
                "bitte unserem Kundenservice mit Ihrer Bestellnummer."
            ),
            "en": (
                "Your invoice comes by email with the shipping confirmation. If you need a copy or "
                "a changed invoice (for example with a company address), please write to our "
                "customer service with your order number."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "versand",
                "versenden",
                "liefer",
                "paket",
                "sendung",
                "zustellung",
                "porto",
                "dhl",
                "sendungsverfolgung",
                "lieferzeit",
                "versandkosten",
            ],
            "en": [
                "shipping",
                "ship",
                "shipped",
                "delivery",
                "deliver to",
                "parcel",
                "package",
                "tracking",
                "postage",
                "how long",
            ],
        },
        "answer": {
            "de": (
                "Versandkosten und Lieferzeit sehen Sie im Bestellvorgang, bevor Sie bestellen. "
                "Sobald Ihr Paket unterwegs ist, erhalten Sie eine E-Mail mit einem Link zur "
                "Sendungsverfolgung."
            ),
            "en": (
                "You can see the shipping costs and delivery time at checkout, before you order. "
                "As soon as your parcel is on its way, you will receive an email with a tracking link."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "bezahl",
                "zahlung",
                "zahlungsart",
                "zahlen",
                "paypal",
                "auf rechnung",
                "kreditkarte",
                "überweisung",
                "lastschrift",
                "vorkasse",
                "klarna",
            ],
            "en": [
                "pay",
                "paying",
                "payment",
                "paypal",
                "by invoice",
                "credit card",
                "debit",
                "bank transfer",
                "klarna",
            ],
        },
        "answer": {
            "de": (
                "Welche Zahlungsarten zur Verfügung stehen, sehen Sie im Bestellvorgang. Bitte "
                "senden Sie niemals Kartennummern, Passwörter oder Bankdaten in diesem Chat."
            ),
            "en": (
                "You can see which payment methods are available at checkout. Please never send "
                "card numbers, passwords or bank details in this chat."
            ),
        },
    },
    {
        "keywords": {
            "de": [
                "kontakt",
                "kontaktieren",
                "mail",
                "telefon",
                "anrufen",
                "adresse",
                "hotline",
                "kundenservice",
                "ansprechpartner",
                "impressum",
            ],
            "en": [
                "contact",
                "email",
                "mail",
                "phone",
                "call",
                "address",
                "hotline",
                "customer service",
                "support",
            ],
        },
        "answer": {
            "de": (
                "Unseren Kundenservice erreichen Sie per E-Mail oder Telefon. Die Kontaktdaten "
                "finden Sie auf unserer Kontaktseite und im Impressum."
            ),
            "en": (
                "You can reach our customer service by email or phone. You will find the contact "
                "details on our contact page and in our legal notice."
            ),
        },
    },
    {
        "keywords": {
            "de": ["danke", "vielen dank", "dankeschön"],
            "en": ["thanks", "thank you", "cheers"],
        },
        "small_talk": True,
        "answer": {
            "de": "Gern geschehen! Kann ich Ihnen sonst noch helfen?",
            "en": "You're welcome! Is there anything else I can help you with?",
        },
    },
    {
        "keywords": {
            "de": [
                "hallo",
                "hi",
                "hey",
                "moin",
                "servus",
                "guten tag",
                "guten morgen",
                "guten abend",
            ],
            "en": ["hello", "hi", "hey", "good morning", "good afternoon", "good evening"],
        },
        "small_talk": True,
        "answer": {
            "de": (
                "Hallo! Ich bin der KI-Assistent dieses Shops. Fragen Sie mich zum Beispiel nach "
                "Versand, Rücksendungen, Zahlung oder Datenschutz."
            ),
            "en": (
                "Hello! I am this shop's AI assistant. You can ask me about shipping, returns, "
                "payment or data protection, for example."
            ),
        },
    },
]

DEFAULT_FALLBACK: dict[str, str] = {
    "de": (
        "Ich bin ein KI-Assistent und kann hier nur häufige Fragen beantworten: zu Versand, "
        "Rücksendungen, Zahlung, Kontakt, Öffnungszeiten und Datenschutz. Bei allen anderen "
        "Anliegen wenden Sie sich bitte an unseren Kundenservice; die Kontaktdaten finden Sie "
        "auf unserer Kontaktseite."
    ),
    "en": (
        "I am an AI assistant and can only answer common questions here: about shipping, returns, "
        "payment, contact, opening hours and data protection. For anything else, please get in "
        "touch with our customer service; you will find the contact details on our contact page."
    ),
}
