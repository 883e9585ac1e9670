"""`/privacy`: the privacy notice (GDPR Art. 13) for the chat, rendered from the config.

Controller, DPO, every purpose with its legal basis, data categories, recipients,
third-country transfer and retention come from the configuration, the purpose texts are
exactly those the widget shows (and the ledger proves), and the page says that an AI
system answers (EU AI Act Art. 50(1)), what is removed before a message leaves, and how to
exercise each right. German and English; `?lang=en` chooses.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from klarchat.consent.policy import Policy, localized
from klarchat.services import Services
from klarchat.web.pages import templates

TEXTS = {
    "de": {
        "title": "Datenschutzhinweise zum KI-Chat",
        "other": "English version",
        "intro": (
            "Diese Hinweise erklären, welche Daten der Chat auf dieser Website verarbeitet, "
            "wozu, auf welcher Rechtsgrundlage, wer sie erhält, wie lange sie gespeichert "
            "werden und welche Rechte Sie haben (Art. 13 DSGVO)."
        ),
        "controller_heading": "Verantwortlicher",
        "controller_missing": (
            "Der Betreiber dieser Website hat seine Angaben als Verantwortlicher noch nicht "
            "eingetragen. Bis dahin sind diese Hinweise unvollständig."
        ),
        "email": "E-Mail",
        "phone": "Telefon",
        "website": "Website",
        "dpo_heading": "Datenschutzbeauftragter",
        "ai_heading": "Sie chatten mit einem KI-System",
        "ai_act": (
            "Die Antworten im Chat schreibt ein KI-System, kein Mensch. Darauf weisen wir nach "
            "Art. 50 Abs. 1 der KI-Verordnung (Verordnung (EU) 2024/1689) hin, bevor und "
            "während Sie chatten. Jede Antwort des Assistenten ist im Chat als KI-Antwort "
            "gekennzeichnet."
        ),
        "redaction_heading": "Persönliche Angaben werden vorher entfernt",
        "redaction": (
            "Bevor eine Nachricht an das KI-System geht, ersetzen wir Namen, E-Mail-Adressen, "
            "Telefonnummern, Bankverbindungen, Adressen und ähnliche Angaben durch Platzhalter. "
            "Der Anbieter des KI-Systems erhält nur diesen bereinigten Text. Unter jeder "
            "Nachricht sehen Sie, was entfernt wurde. Gespeichert wird nur der bereinigte Text, "
            "und nur, wenn Sie dem Speichern zugestimmt haben."
        ),
        "purposes_heading": "Zwecke, Rechtsgrundlagen, Empfänger und Speicherdauer",
        "purposes_intro": (
            "Für jeden Zweck fragen wir Sie einzeln. Ohne Ihre Einwilligung wird nichts "
            "verarbeitet."
        ),
        "required": "nötig für den Chat",
        "optional": "freiwillig",
        "legal_basis": "Rechtsgrundlage",
        "data_categories": "Verarbeitete Daten",
        "recipients": "Empfänger",
        "no_recipients": "Keine. Nur der Betreiber dieser Website verarbeitet die Daten.",
        "transfer": "Übermittlung in ein Drittland",
        "no_transfer": "Keine.",
        "safeguard": "Garantie",
        "retention": "Speicherdauer",
        "not_stated": "Noch nicht angegeben.",
        "proof_heading": "Nachweis Ihrer Einwilligung und technische Protokolle",
        "proof": (
            "Ihre Entscheidungen (Einwilligung, Ablehnung, Widerruf) speichern wir mit "
            "Zeitpunkt und dem Wortlaut, den Sie gesehen haben, unter einem Pseudonym, ohne "
            "IP-Adresse und ohne Nachrichtentext. Wir müssen nachweisen können, dass Sie "
            "eingewilligt haben (Art. 7 Abs. 1 DSGVO); Rechtsgrundlage ist Art. 6 Abs. 1 "
            "lit. c DSGVO. Diese Nachweise bleiben auch nach einer Löschung Ihrer Daten "
            "erhalten (Art. 17 Abs. 3 lit. b DSGVO)."
        ),
        "audit": (
            "Für den sicheren Betrieb protokollieren wir zu jeder Antwort das verwendete "
            "KI-System, Zeiten und die Anzahl entfernter Angaben, nie den Text. Diese "
            "Protokolle werden nach {days} Tagen gelöscht (Rechtsgrundlage: berechtigtes "
            "Interesse an einem sicheren Betrieb, Art. 6 Abs. 1 lit. f DSGVO)."
        ),
        "rights_heading": "Ihre Rechte",
        "rights_intro": "Sie haben das Recht auf",
        "rights": [
            "Auskunft über Ihre Daten (Art. 15 DSGVO),",
            "Berichtigung unrichtiger Daten (Art. 16 DSGVO),",
            "Löschung Ihrer Daten (Art. 17 DSGVO),",
            "Einschränkung der Verarbeitung (Art. 18 DSGVO),",
            "Datenübertragbarkeit: Ihre Daten in einem gängigen Format (Art. 20 DSGVO),",
            "Widerspruch gegen die Verarbeitung (Art. 21 DSGVO).",
        ],
        "withdrawal": (
            "Sie können jede Einwilligung jederzeit widerrufen, ohne Angabe von Gründen. Der "
            "Widerruf gilt für die Zukunft: Die Rechtmäßigkeit der Verarbeitung bis zum "
            "Widerruf bleibt davon unberührt (Art. 7 Abs. 3 DSGVO). Nach dem Widerruf wird "
            "nichts mehr verarbeitet, und ein gespeicherter Verlauf wird sofort gelöscht."
        ),
        "complaint": (
            "Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), "
            "insbesondere in dem EU-Staat, in dem Sie wohnen oder arbeiten oder in dem der "
            "Verstoß stattfand."
        ),
        "authority": "Für uns zuständig ist:",
        "exercise_heading": "So nutzen Sie Ihre Rechte",
        "exercise": [
            "Im Chat: „Einwilligung widerrufen“ widerruft alle Einwilligungen mit einem Klick. "
            "Unter „Ihre Rechte“ laden Sie mit „Meine Daten herunterladen“ alles herunter, "
            "was zu Ihrem Chat gespeichert ist, und löschen es mit „Meine Daten löschen“.",
            "Für alle anderen Anliegen schreiben Sie uns:",
        ],
        "version": "Version der Einwilligungstexte:",
    },
    "en": {
        "title": "Privacy notice for the AI chat",
        "other": "Deutsche Fassung",
        "intro": (
            "This notice explains which data the chat on this website processes, for what, on "
            "which legal basis, who receives it, how long it is kept and what rights you have "
            "(Art. 13 GDPR)."
        ),
        "controller_heading": "Controller",
        "controller_missing": (
            "The operator of this website has not yet entered their details as controller. "
            "Until they do, this notice is incomplete."
        ),
        "email": "Email",
        "phone": "Phone",
        "website": "Website",
        "dpo_heading": "Data protection officer",
        "ai_heading": "You are chatting with an AI system",
        "ai_act": (
            "The answers in the chat are written by an AI system, not by a person. We tell you "
            "so before and while you chat, as Art. 50(1) of the AI Act (Regulation (EU) "
            "2024/1689) requires. Every answer of the assistant is labelled as an AI answer in "
            "the chat."
        ),
        "redaction_heading": "Personal details are removed first",
        "redaction": (
            "Before a message goes to the AI system, we replace names, email addresses, phone "
            "numbers, bank details, addresses and similar details with placeholders. The "
            "provider of the AI system receives only this cleaned text. Under each message you "
            "see what was removed. Only the cleaned text is stored, and only if you agreed to "
            "storage."
        ),
        "purposes_heading": "Purposes, legal bases, recipients and retention",
        "purposes_intro": (
            "We ask you separately for each purpose. Nothing is processed without your consent."
        ),
        "required": "needed for the chat",
        "optional": "optional",
        "legal_basis": "Legal basis",
        "data_categories": "Data processed",
        "recipients": "Recipients",
        "no_recipients": "None. Only the operator of this website processes the data.",
        "transfer": "Transfer to a third country",
        "no_transfer": "None.",
        "safeguard": "Safeguard",
        "retention": "Retention",
        "not_stated": "Not stated yet.",
        "proof_heading": "Proof of your consent and technical logs",
        "proof": (
            "We keep your decisions (consent, refusal, withdrawal) with the time and the "
            "wording you saw, under a pseudonym, without IP address and without message text. "
            "We must be able to prove that you consented (Art. 7(1) GDPR); the legal basis is "
            "Art. 6(1)(c) GDPR. These records remain after your data is erased (Art. 17(3)(b) "
            "GDPR)."
        ),
        "audit": (
            "To run the service securely, we log for each answer the AI system used, timings "
            "and the number of details removed, never the text. These logs are deleted after "
            "{days} days (legal basis: legitimate interest in secure operation, Art. 6(1)(f) "
            "GDPR)."
        ),
        "rights_heading": "Your rights",
        "rights_intro": "You have the right to",
        "rights": [
            "access your data (Art. 15 GDPR),",
            "rectification of inaccurate data (Art. 16 GDPR),",
            "erasure of your data (Art. 17 GDPR),",
            "restriction of processing (Art. 18 GDPR),",
            "data portability: your data in a common format (Art. 20 GDPR),",
            "object to the processing (Art. 21 GDPR).",
        ],
        "withdrawal": (
            "You can withdraw any consent at any time, without giving reasons. Withdrawal "
            "applies from then on: it does not affect the lawfulness of processing based on "
            "consent before its withdrawal (Art. 7(3) GDPR). After withdrawal nothing more is "
            "processed, and a stored conversation is deleted at once."
        ),
        "complaint": (
            "You can lodge a complaint with a data protection supervisory authority (Art. 77 "
            "GDPR), in particular in the EU state where you live or work or where the "
            "infringement took place."
        ),
        "authority": "The authority responsible for us is:",
        "exercise_heading": "How to exercise your rights",
        "exercise": [
            "In the chat: “Withdraw consent” withdraws every consent with one click. Under "
            "“Your rights”, “Download my data” downloads everything stored about your chat, "
            "and “Erase my data” deletes it.",
            "For anything else, write to us:",
        ],
        "version": "Version of the consent texts:",
    },
}


async def privacy_notice(request: Request) -> Response:
    services: Services = request.app.state.services
    settings = services.settings
    languages = settings.languages
    asked = request.query_params.get("lang", "")
    lang = asked if asked in languages else settings.default_language
    others = [other for other in languages if other != lang]
    texts = TEXTS[lang]
    authority = settings.supervisory_authority
    return templates.TemplateResponse(
        request,
        "privacy.html",
        {
            "lang": lang,
            "other_lang": others[0] if others else None,
            "t": texts,
            "audit": texts["audit"].format(days=settings.retention.audit_days),
            "controller": settings.controller,
            "dpo": settings.dpo,
            "authority": None
            if authority is None
            else {"name": localized(authority.name, lang), "url": authority.url},
            "disclosure": services.policy.disclosure(lang),
            "purposes": Policy.from_settings(settings).notice(lang),
            "policy_version": services.policy.version,
        },
    )
