"""`/privacy`: the consent texts a visitor agrees to, rendered from the configuration.

The widget links here from every purpose, so the page shows exactly the texts (and the
policy version) the ledger proves; the full notice with controller and retention details
is built on top of this.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from klarchat.services import Services
from klarchat.web.pages import templates

TEXTS = {
    "de": {
        "title": "Datenschutzhinweise zum KI-Chat",
        "other": "English version",
        "ai_heading": "Sie chatten mit einem KI-System",
        "purposes_heading": "Wofür wir um Ihre Einwilligung bitten",
        "required": "nötig für den Chat",
        "optional": "freiwillig",
        "redaction_heading": "Persönliche Angaben werden vorher entfernt",
        "redaction": (
            "Bevor eine Nachricht an das KI-System geht, ersetzen wir Namen, E-Mail-Adressen, "
            "Telefonnummern, Bankverbindungen, Adressen und ähnliche Angaben durch Platzhalter. "
            "Gespeichert wird nur dieser bereinigte Text, und nur, wenn Sie dem Speichern "
            "zugestimmt haben."
        ),
        "rights_heading": "Ihre Rechte",
        "rights": (
            "Die Einwilligung ist freiwillig. Sie können sie jederzeit mit einem Klick im Chat "
            "widerrufen; danach wird nichts mehr verarbeitet, und ein gespeicherter Verlauf wird "
            "sofort gelöscht. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)."
        ),
        "version": "Version der Einwilligungstexte:",
    },
    "en": {
        "title": "Privacy information for the AI chat",
        "other": "Deutsche Fassung",
        "ai_heading": "You are chatting with an AI system",
        "purposes_heading": "What we ask your consent for",
        "required": "needed for the chat",
        "optional": "optional",
        "redaction_heading": "Personal details are removed first",
        "redaction": (
            "Before a message goes to the AI system, we replace names, email addresses, phone "
            "numbers, bank details, addresses and similar details with placeholders. Only this "
            "cleaned text is stored, and only if you agreed to storage."
        ),
        "rights_heading": "Your rights",
        "rights": (
            "Consent is voluntary. You can withdraw it at any time with one click in the chat; "
            "nothing is processed after that, and a stored conversation is deleted at once. The "
            "legal basis is your consent (Art. 6(1)(a) GDPR)."
        ),
        "version": "Version of the consent texts:",
    },
}


async def privacy_notice(request: Request) -> Response:
    services: Services = request.app.state.services
    languages = services.settings.languages
    asked = request.query_params.get("lang", "")
    lang = asked if asked in languages else services.settings.default_language
    others = [other for other in languages if other != lang]
    return templates.TemplateResponse(
        request,
        "privacy.html",
        {
            "lang": lang,
            "other_lang": others[0] if others else lang,
            "t": TEXTS[lang],
            "disclosure": services.policy.disclosure(lang),
            "purposes": services.policy.describe(lang),
            "policy_version": services.policy.version,
        },
    )
