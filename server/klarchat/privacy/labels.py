"""What each kind of personal data the redactor removes is called, in German and English.

The compliance documents (`klarchat docs`) list what is removed before a provider sees a
message; they must not load Presidio to find out, so the list lives here, importing
nothing. Two tests keep it true: its entity types are exactly those the redactor can emit
(`tests/unit/test_entity_labels.py`), and each name is the widget's own plural label, so
the site owner's documents and the visitor's chat use the same words.
"""

from __future__ import annotations

from klarchat.privacy.categories import Category

ENTITY_LABELS: dict[str, dict[str, str]] = {
    "PERSON": {"de": "Namen", "en": "names"},
    "EMAIL_ADDRESS": {"de": "E-Mail-Adressen", "en": "email addresses"},
    "PHONE_NUMBER": {"de": "Telefonnummern", "en": "phone numbers"},
    "IBAN_CODE": {"de": "IBANs", "en": "IBANs"},
    "CREDIT_CARD": {"de": "Kreditkartennummern", "en": "credit card numbers"},
    "LOCATION": {"de": "Adressen", "en": "addresses"},
    "IP_ADDRESS": {"de": "IP-Adressen", "en": "IP addresses"},
    "URL": {"de": "Links", "en": "links"},
    "DATE_OF_BIRTH": {"de": "Geburtsdaten", "en": "dates of birth"},
    "ORDER_NUMBER": {"de": "Bestellnummern", "en": "order numbers"},
    "CUSTOMER_NUMBER": {"de": "Kundennummern", "en": "customer numbers"},
    "DE_TAX_ID": {"de": "Steuer-IDs", "en": "German tax IDs"},
    "DE_TAX_NUMBER": {"de": "Steuernummern", "en": "German tax numbers"},
    "DE_VAT_ID": {"de": "Umsatzsteuer-IDs", "en": "VAT IDs"},
    "DE_SOCIAL_SECURITY": {
        "de": "Rentenversicherungsnummern",
        "en": "pension insurance numbers",
    },
    "DE_HEALTH_INSURANCE": {
        "de": "Krankenversichertennummern",
        "en": "health insurance numbers",
    },
    "DE_ID_CARD": {"de": "Personalausweisnummern", "en": "ID card numbers"},
    "DE_PASSPORT": {"de": "Reisepassnummern", "en": "passport numbers"},
    "DE_FUEHRERSCHEIN": {"de": "Führerscheinnummern", "en": "driving licence numbers"},
    "DE_KFZ": {"de": "Kfz-Kennzeichen", "en": "licence plates"},
    "DE_LANR": {"de": "Arztnummern", "en": "doctor's numbers"},
    "DE_BSNR": {"de": "Praxisnummern", "en": "practice numbers"},
    "US_SSN": {"de": "US-Sozialversicherungsnummern", "en": "social security numbers"},
    "UK_NINO": {
        "de": "britische Versicherungsnummern",
        "en": "National Insurance numbers",
    },
    "UK_NHS": {"de": "NHS-Nummern", "en": "NHS numbers"},
}

CATEGORY_LABELS: dict[Category, dict[str, str]] = {
    Category.HEALTH: {"de": "Gesundheit", "en": "health"},
    Category.RELIGION: {"de": "Religion oder Weltanschauung", "en": "religion or belief"},
    Category.ETHNIC_ORIGIN: {"de": "ethnische Herkunft", "en": "ethnic origin"},
    Category.POLITICAL_OPINION: {"de": "politische Meinung", "en": "political opinion"},
    Category.SEXUAL_ORIENTATION: {
        "de": "Sexualleben oder sexuelle Orientierung",
        "en": "sex life or sexual orientation",
    },
    Category.TRADE_UNION: {"de": "Gewerkschaftszugehörigkeit", "en": "trade-union membership"},
    Category.BIOMETRIC: {"de": "biometrische Daten", "en": "biometric data"},
    Category.GENETIC: {"de": "genetische Daten", "en": "genetic data"},
}
