"""The texts a site owner gets without writing any: plain language, German first.

The consent texts are checked for reading ease by `klarchat check-config` (see
`readability.py`); keep them at or above its thresholds when editing.

They live apart from `config.py` so that wording changes (which change the policy
version, and so ask every visitor for consent again) are easy to review on their own.

The privacy-notice defaults fit the embedded offline mode: the offline adapter answers on
the operator's own server, so no purpose names a recipient or a transfer to a third
country. The controller (`[controller]`) cannot have a default: until the operator fills
it, the notice says so and `klarchat check-config` warns.
"""

LEGAL_BASIS_CONSENT = {
    "de": "Einwilligung, Art. 6 Abs. 1 lit. a DSGVO",
    "en": "consent, Art. 6(1)(a) GDPR",
}

# The legal bases of the two records Klarchat keeps on its own account: the proof of
# consent and the technical log. The privacy notice states the same (a test checks it).
LEGAL_BASIS_PROOF = {
    "de": "rechtliche Verpflichtung zum Nachweis, Art. 6 Abs. 1 lit. c DSGVO mit Art. 7 Abs. 1 DSGVO",
    "en": "legal obligation to prove consent, Art. 6(1)(c) GDPR with Art. 7(1) GDPR",
}
LEGAL_BASIS_AUDIT = {
    "de": "berechtigtes Interesse an einem sicheren Betrieb, Art. 6 Abs. 1 lit. f DSGVO",
    "en": "legitimate interest in secure operation, Art. 6(1)(f) GDPR",
}

DEFAULT_DISCLOSURE = {
    "de": (
        "Sie chatten mit einem KI-System, nicht mit einem Menschen. "
        "Die Antworten werden automatisch erzeugt und können Fehler enthalten."
    ),
    "en": (
        "You are chatting with an AI system, not a human. "
        "The answers are generated automatically and may contain mistakes."
    ),
}

# Shown as the assistant's first message once the visitor has consented, so the chat
# does not open onto an empty log; the suggestions are questions the built-in FAQ answers.
DEFAULT_GREETING = {
    "de": "Hallo! Ich bin ein KI-Assistent. Wobei kann ich Ihnen helfen?",
    "en": "Hello! I am an AI assistant. How can I help you?",
}
DEFAULT_SUGGESTIONS = {
    "de": [
        "Meine Bestellung ist noch nicht angekommen.",
        "Wie kann ich etwas zurückschicken?",
        "Welche Zahlungsarten gibt es?",
    ],
    "en": [
        "My order has not arrived yet.",
        "How do I return something?",
        "Which payment methods do you accept?",
    ],
}

DEFAULT_SYSTEM_PROMPT = {
    "de": (
        "Du bist ein hilfsbereiter KI-Assistent im Kundenservice. Antworte kurz, freundlich "
        "und auf Deutsch. Platzhalter wie <PERSON_1> stehen für persönliche Daten, die vor dem "
        "Senden entfernt wurden: übernimm sie unverändert, wenn du dich auf sie beziehst."
    ),
    "en": (
        "You are a helpful AI customer-service assistant. Answer briefly and kindly, in English. "
        "Placeholders such as <PERSON_1> stand for personal data removed before sending: "
        "repeat them unchanged when you refer to them."
    ),
}

DEFAULT_BLOCK_NOTICE = {
    "de": (
        "Ihre Nachricht enthält besonders geschützte Angaben (etwa zu Gesundheit oder Religion). "
        "Solche Angaben gibt dieser Assistent nicht weiter, deshalb wurde die Nachricht nicht "
        "verarbeitet. Bitte stellen Sie Ihre Frage ohne diese Angaben oder wenden Sie sich "
        "direkt an uns."
    ),
    "en": (
        "Your message contains specially protected information (such as about health or "
        "religion). This assistant does not pass such information on, so the message was not "
        "processed. Please ask without it, or contact us directly."
    ),
}

DEFAULT_PURPOSES = {
    "ai_chat": {
        "required": True,
        "title": {"de": "Chat mit dem KI-Assistenten", "en": "Chat with the AI assistant"},
        "text": {
            "de": (
                "Ich willige ein, dass ein KI-System meine Nachrichten liest und beantwortet. "
                "Vorher entfernt der Chat Namen, Adressen und andere Angaben zu meiner Person. "
                "Ich kann jederzeit mit einem Klick widerrufen."
            ),
            "en": (
                "I agree that my messages are processed by an AI system to answer my questions. "
                "Names, contact details and other personal data are removed automatically "
                "beforehand. I can withdraw this consent at any time with one click."
            ),
        },
        "legal_basis": LEGAL_BASIS_CONSENT,
        "data_categories": {
            "de": [
                "Ihre Chat-Nachrichten, aus denen persönliche Angaben vorher entfernt werden",
                "die Sprache des Chats",
                "Zeitpunkt und Inhalt Ihrer Einwilligung (ohne IP-Adresse)",
            ],
            "en": [
                "your chat messages, with personal details removed beforehand",
                "the language of the chat",
                "the time and content of your consent (without IP address)",
            ],
        },
        # The embedded offline adapter answers on the operator's own server: no recipient.
        # A site owner who uses an external AI provider must name it here.
        "recipients": [],
        # 0: not kept after the conversation. While it lasts, its redacted lines and pseudonym
        # map are in the database, sealed with a key derived from the visitor's token, which
        # the server never stores (sessions.py, session_keys.py); deleted when the session ends.
        "retention_days": 0,
    },
    "transcript": {
        "required": False,
        "title": {"de": "Gesprächsverlauf speichern", "en": "Keep the conversation"},
        "text": {
            "de": (
                "Freiwillig: Ich willige ein, dass der Chat ohne persönliche Angaben gespeichert "
                "wird. So kann ich ihn später fortsetzen, und der Service wird besser. Ich kann "
                "jederzeit widerrufen. Dann wird der Chat sofort gelöscht."
            ),
            "en": (
                "Optional: I agree that the conversation is stored without personal details so "
                "that I can continue it later and the service can be improved. I can withdraw at "
                "any time; the conversation is then deleted at once."
            ),
        },
        "legal_basis": LEGAL_BASIS_CONSENT,
        "data_categories": {
            "de": ["der Gesprächsverlauf ohne persönliche Angaben"],
            "en": ["the conversation, without personal details"],
        },
        "recipients": [],
        # Kept equal to `retention.transcript_days`, which the purge enforces (see config.py).
        "retention_days": 30,
    },
    "human_support": {
        "required": False,
        # Asked when the visitor asks for a person, not in the consent step before the chat.
        "ask": "handoff",
        "title": {"de": "Chat mit einem Menschen", "en": "Chat with a person"},
        "text": {
            "de": (
                "Ich willige ein, dass eine Mitarbeiterin oder ein Mitarbeiter dieser Website "
                "den Chat liest und mir antwortet. Angaben zu meiner Person sind dabei "
                "verdeckt. Ich kann jederzeit widerrufen."
            ),
            "en": (
                "I agree that a member of staff of this website reads the conversation and "
                "answers me. My personal details stay hidden from them. I can withdraw at "
                "any time."
            ),
        },
        "legal_basis": LEGAL_BASIS_CONSENT,
        "data_categories": {
            "de": ["der Gesprächsverlauf ohne persönliche Angaben"],
            "en": ["the conversation, without personal details"],
        },
        # Staff of the operator are not recipients in the sense of Art. 4(9) GDPR.
        "recipients": [],
        # Nothing is kept for this purpose after the conversation (only the transcript, if that
        # was agreed to). While it lasts, staff read the sealed lines through a copy of the
        # session key sealed with the staff key, deleted the moment this consent ends.
        "retention_days": 0,
    },
}
