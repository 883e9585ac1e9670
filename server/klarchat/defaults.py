"""The texts a site owner gets without writing any: plain language, German first.

They live apart from `config.py` so that wording changes (which change the policy
version, and so ask every visitor for consent again) are easy to review on their own.
"""

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
                "Ich willige ein, dass meine Nachrichten von einem KI-System verarbeitet werden, "
                "um meine Fragen zu beantworten. Namen, Kontaktdaten und andere persönliche Angaben "
                "werden vorher automatisch entfernt. Ich kann die Einwilligung jederzeit mit einem "
                "Klick widerrufen."
            ),
            "en": (
                "I agree that my messages are processed by an AI system to answer my questions. "
                "Names, contact details and other personal data are removed automatically "
                "beforehand. I can withdraw this consent at any time with one click."
            ),
        },
    },
    "transcript": {
        "required": False,
        "title": {"de": "Gesprächsverlauf speichern", "en": "Keep the conversation"},
        "text": {
            "de": (
                "Freiwillig: Ich willige ein, dass der Gesprächsverlauf ohne persönliche Angaben "
                "gespeichert wird, damit ich das Gespräch später fortsetzen kann und der Service "
                "verbessert wird. Widerruf jederzeit; der Verlauf wird dann sofort gelöscht."
            ),
            "en": (
                "Optional: I agree that the conversation is stored without personal details so "
                "that I can continue it later and the service can be improved. I can withdraw at "
                "any time; the conversation is then deleted at once."
            ),
        },
    },
}
