"""Every word of the console's pages, in German and English, and how a page picks its language.

One table for the pages and for the console's script (`TEXTS[lang]["js"]`, handed to it as
a JSON data block), so that a missing translation is one failing unit test rather than
an English word on a German page. German is the default: the site owners are German.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

LANGUAGES = ("de", "en")
DEFAULT = "de"

TEXTS: dict[str, dict[str, Any]] = {
    "de": {
        "product": "Klarchat",
        "other_lang": "English",
        "skip": "Zum Inhalt springen",
        "nav_label": "Bereiche",
        "nav_console": "Konsole",
        "nav_records": "Aufzeichnungen",
        "signed_in_as": "Angemeldet als",
        "logout": "Abmelden",
        # login
        "login_title": "Anmelden",
        "login_intro": "Anmeldung für Mitarbeiterinnen und Mitarbeiter des Kundenservice.",
        "username": "Benutzername",
        "password": "Passwort",
        "login_submit": "Anmelden",
        "login_errors": {
            "wrong_login": "Benutzername oder Passwort ist falsch.",
            "locked": (
                "Zu viele fehlgeschlagene Anmeldungen: Dieser Name ist vorübergehend gesperrt. "
                "Bitte warten Sie und versuchen Sie es dann erneut."
            ),
            "csrf": "Das Formular war veraltet. Bitte melden Sie sich noch einmal an.",
            "expired": "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
            "other": "Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.",
        },
        # console
        "console_title": "Konsole",
        "conversations": "Unterhaltungen",
        "available": "Ich bin erreichbar",
        "notify_allow": "Benachrichtigungen erlauben",
        "transcript": "Verlauf",
        "no_selection": "Wählen Sie links eine Unterhaltung aus.",
        "js": {
            "states": {
                "ai": "KI antwortet",
                "consent": "Einwilligung wird erfragt",
                "waiting": "wartet auf eine Person",
                "human": "von einer Person betreut",
                "closed": "beendet",
            },
            "roles": {"visitor": "Besucher/in", "ai": "KI", "person": "Mitarbeiter/in"},
            "consent_states": {
                "none": "offen",
                "given": "erteilt",
                "declined": "abgelehnt",
                "withdrawn": "widerrufen",
                "expired": "abgelaufen",
            },
            "none": "keine",
            "no_conversations": "Zurzeit keine Unterhaltungen.",
            "language": "Sprache",
            "consent": "Einwilligung",
            "entities": "Entfernte Angaben",
            "waiting": "Wartezeit",
            "messages": "Nachrichten",
            "claimed_by": "übernommen von",
            "open": "Öffnen",
            "claim": "Übernehmen",
            "release": "An die KI zurückgeben",
            "close": "Beenden",
            "reply_label": "Ihre Antwort an den Besucher",
            "send": "Senden",
            "reveal": "Aufdecken",
            "reveal_reason": "Grund für das Aufdecken (wird protokolliert)",
            "reveal_submit": "Wert anzeigen",
            "reveal_cancel": "Abbrechen",
            "reveal_too_short": "Bitte nennen Sie einen Grund mit mindestens {n} Zeichen.",
            "revealed": "Wert von {placeholder}: {value}. Dieser Zugriff wurde protokolliert.",
            "placeholders": "Platzhalter",
            "operators_available": "Erreichbar: {n}",
            "new_waiting": "Neue Unterhaltung wartet auf eine Person ({lang}).",
            "notification_title": "Klarchat: jemand wartet",
            "notify_granted": "Benachrichtigungen sind erlaubt.",
            "notify_denied": "Benachrichtigungen sind im Browser blockiert.",
            "live_lost": "Live-Verbindung unterbrochen; verbinde neu …",
            "gone": "Diese Unterhaltung ist nicht mehr aktiv.",
            "seconds": "{n} s",
            "minutes": "{m} min {s} s",
            "errors": {
                "already_claimed": "Eine andere Person hat die Unterhaltung schon übernommen.",
                "no_consent": "Ohne Einwilligung des Besuchers darf niemand übernehmen.",
                "closed": "Die Unterhaltung ist beendet.",
                "not_claimed": "Sie haben die Unterhaltung nicht übernommen.",
                "reason_required": "Bitte nennen Sie einen Grund.",
                "not_live": "Der Wert wird nicht mehr aufbewahrt: die Unterhaltung ist vorbei.",
                "unknown_conversation": "Diese Unterhaltung gibt es nicht mehr.",
                "csrf": "Sicherheitsprüfung fehlgeschlagen; bitte laden Sie die Seite neu.",
                "login_required": "Ihre Sitzung ist abgelaufen; bitte melden Sie sich an.",
                "other": "Das hat nicht geklappt ({code}).",
            },
        },
        # admin
        "records_title": "Aufzeichnungen",
        "records_intro": (
            "Einwilligungen, Prüfung der Hash-Ketten, Protokoll der Einsichten und "
            "Einwilligungszahlen. Nur für die Rolle Administration."
        ),
        "verify_heading": "Ketten prüfen",
        "verify_intro": (
            "Berechnet die Hash-Ketten des Einwilligungsprotokolls und des "
            "Einsichtsprotokolls neu und meldet die erste Stelle, an der sie nicht stimmen."
        ),
        "verify_submit": "Jetzt prüfen",
        "chain_ledger": "Einwilligungsprotokoll",
        "chain_oversight": "Einsichtsprotokoll",
        "verify_ok": "in Ordnung: {checked} Einträge geprüft",
        "verify_bad": "FEHLER bei Eintrag {seq}: {reason} (davor in Ordnung: {checked})",
        "verify_reasons": {
            "missing": "der Eintrag fehlt",
            "link": "prev_hash verweist nicht auf den Eintrag davor",
            "hash": "der Hash passt nicht zum Inhalt des Eintrags",
        },
        "figures_heading": "Einwilligungszahlen",
        "figures_intro": (
            "Sitzungen je Fassung der Einwilligungstexte und Formulierungsvariante; jede "
            "Sitzung zählt je Spalte höchstens einmal. Nur Zahlen, keine Personen."
        ),
        "figures_none": "Noch keine Zahlen.",
        "figures_table": "Dieselben Zahlen als Tabelle",
        "chart_title": "Einwilligungen je Fassung und Variante",
        "chart_desc": "Balken je Zähler; die Tabelle daneben enthält dieselben Zahlen.",
        "policy_version": "Fassung",
        "variant": "Variante",
        "no_variant": "ohne",
        "counters": {
            "opened": "Chat geöffnet",
            "consented": "zugestimmt",
            "declined": "abgelehnt",
            "left_undecided": "ohne Entscheidung",
            "withdrew": "widerrufen",
        },
        "events_heading": "Einwilligungen nach Zeit",
        "filter_legend": "Filtern",
        "date_from": "Von (Datum)",
        "date_to": "Bis (Datum)",
        "purpose": "Zweck",
        "action": "Aktion",
        "any": "alle",
        "filter_submit": "Anzeigen",
        "actions": {
            "given": "erteilt",
            "declined": "abgelehnt",
            "withdrawn": "widerrufen",
            "expired": "abgelaufen",
        },
        "events_count": "{total} Einträge, Seite {page} von {pages}",
        "events_none": "Keine Einträge für diese Auswahl.",
        "seq": "Nr.",
        "at": "Zeit (UTC)",
        "subject": "Person (Pseudonym)",
        "origin": "Website",
        "pagination": "Seiten",
        "newer": "Neuere",
        "older": "Ältere",
        "audit_heading": "Protokoll der Einsichten und Aufdeckungen",
        "audit_intro": "Wer welche Unterhaltung geöffnet, übernommen oder aufgedeckt hat; nie Inhalte.",
        "audit_none": "Noch keine Einträge.",
        "audit_caption": "Die neuesten {n} Einträge",
        "operator": "Mitarbeiter/in",
        "oversight_action": "Handlung",
        "conversation": "Unterhaltung",
        "entity_type": "Art der Angabe",
        "reason": "Grund",
        "oversight_actions": {
            "view": "geöffnet",
            "reveal": "aufgedeckt",
            "claim": "übernommen",
            "release": "zurückgegeben",
            "close": "beendet",
            "message": "geschrieben",
        },
        "downloads_heading": "Herunterladen (CSV)",
        "download_ledger": "Einwilligungsprotokoll",
        "download_oversight": "Einsichtsprotokoll",
        "download_figures": "Einwilligungszahlen",
    },
    "en": {
        "product": "Klarchat",
        "other_lang": "Deutsch",
        "skip": "Skip to content",
        "nav_label": "Sections",
        "nav_console": "Console",
        "nav_records": "Records",
        "signed_in_as": "Signed in as",
        "logout": "Log out",
        "login_title": "Sign in",
        "login_intro": "Sign-in for customer service staff.",
        "username": "User name",
        "password": "Password",
        "login_submit": "Sign in",
        "login_errors": {
            "wrong_login": "The user name or password is wrong.",
            "locked": (
                "Too many failed sign-ins: this name is locked for a while. Please wait, then "
                "try again."
            ),
            "csrf": "The form was out of date. Please sign in again.",
            "expired": "Your session has expired. Please sign in again.",
            "other": "Signing in did not work. Please try again.",
        },
        "console_title": "Console",
        "conversations": "Conversations",
        "available": "Available",
        "notify_allow": "Allow notifications",
        "transcript": "Transcript",
        "no_selection": "Choose a conversation on the left.",
        "js": {
            "states": {
                "ai": "AI answering",
                "consent": "asking for consent",
                "waiting": "waiting for a person",
                "human": "answered by a person",
                "closed": "closed",
            },
            "roles": {"visitor": "Visitor", "ai": "AI", "person": "Staff"},
            "consent_states": {
                "none": "open",
                "given": "given",
                "declined": "declined",
                "withdrawn": "withdrawn",
                "expired": "expired",
            },
            "none": "none",
            "no_conversations": "No conversations right now.",
            "language": "Language",
            "consent": "Consent",
            "entities": "Details removed",
            "waiting": "Waiting",
            "messages": "Messages",
            "claimed_by": "claimed by",
            "open": "Open",
            "claim": "Claim",
            "release": "Hand back to the AI",
            "close": "Close",
            "reply_label": "Your reply to the visitor",
            "send": "Send",
            "reveal": "Reveal",
            "reveal_reason": "Reason for revealing (recorded)",
            "reveal_submit": "Show value",
            "reveal_cancel": "Cancel",
            "reveal_too_short": "Please give a reason of at least {n} characters.",
            "revealed": "Value of {placeholder}: {value}. This access has been recorded.",
            "placeholders": "Placeholders",
            "operators_available": "Available: {n}",
            "new_waiting": "A new conversation is waiting for a person ({lang}).",
            "notification_title": "Klarchat: someone is waiting",
            "notify_granted": "Notifications are allowed.",
            "notify_denied": "Notifications are blocked in the browser.",
            "live_lost": "Live connection lost; reconnecting …",
            "gone": "This conversation is no longer active.",
            "seconds": "{n} s",
            "minutes": "{m} min {s} s",
            "errors": {
                "already_claimed": "Someone else has already claimed this conversation.",
                "no_consent": "Without the visitor's consent nobody may take over.",
                "closed": "The conversation is closed.",
                "not_claimed": "You have not claimed this conversation.",
                "reason_required": "Please give a reason.",
                "not_live": "The value is no longer kept: the conversation has ended.",
                "unknown_conversation": "This conversation no longer exists.",
                "csrf": "Security check failed; please reload the page.",
                "login_required": "Your session has expired; please sign in.",
                "other": "That did not work ({code}).",
            },
        },
        "records_title": "Records",
        "records_intro": (
            "Consent events, verification of the hash chains, the log of views and reveals, "
            "and consent figures. Admin role only."
        ),
        "verify_heading": "Verify the chains",
        "verify_intro": (
            "Recomputes the hash chains of the consent ledger and of the oversight log and "
            "reports the first place where they do not hold."
        ),
        "verify_submit": "Verify now",
        "chain_ledger": "Consent ledger",
        "chain_oversight": "Oversight log",
        "verify_ok": "intact: {checked} rows checked",
        "verify_bad": "BROKEN at row {seq}: {reason} (intact before it: {checked})",
        "verify_reasons": {
            "missing": "the row is missing",
            "link": "prev_hash does not link to the row before",
            "hash": "the hash does not match the row's content",
        },
        "figures_heading": "Consent figures",
        "figures_intro": (
            "Sessions per version of the consent texts and wording variant; each session "
            "counts at most once per column. Counts only, no people."
        ),
        "figures_none": "No figures yet.",
        "figures_table": "The same figures as a table",
        "chart_title": "Consent per version and variant",
        "chart_desc": "One bar per counter; the table beside it holds the same numbers.",
        "policy_version": "Version",
        "variant": "Variant",
        "no_variant": "none",
        "counters": {
            "opened": "opened the chat",
            "consented": "consented",
            "declined": "declined",
            "left_undecided": "left undecided",
            "withdrew": "withdrew",
        },
        "events_heading": "Consent events by time",
        "filter_legend": "Filter",
        "date_from": "From (date)",
        "date_to": "To (date)",
        "purpose": "Purpose",
        "action": "Action",
        "any": "any",
        "filter_submit": "Show",
        "actions": {
            "given": "given",
            "declined": "declined",
            "withdrawn": "withdrawn",
            "expired": "expired",
        },
        "events_count": "{total} events, page {page} of {pages}",
        "events_none": "No events for this selection.",
        "seq": "No.",
        "at": "Time (UTC)",
        "subject": "Person (pseudonym)",
        "origin": "Website",
        "pagination": "Pages",
        "newer": "Newer",
        "older": "Older",
        "audit_heading": "Log of views and reveals",
        "audit_intro": "Who opened, claimed or revealed which conversation; never content.",
        "audit_none": "No entries yet.",
        "audit_caption": "The newest {n} entries",
        "operator": "Staff",
        "oversight_action": "Action",
        "conversation": "Conversation",
        "entity_type": "Kind of detail",
        "reason": "Reason",
        "oversight_actions": {
            "view": "opened",
            "reveal": "revealed",
            "claim": "claimed",
            "release": "handed back",
            "close": "closed",
            "message": "wrote",
        },
        "downloads_heading": "Download (CSV)",
        "download_ledger": "Consent ledger",
        "download_oversight": "Oversight log",
        "download_figures": "Consent figures",
    },
}


def page_language(request: Request) -> str:
    """`?lang=` first, then the browser's `Accept-Language` in its order, else German."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked
    for part in request.headers.get("accept-language", "").split(","):
        primary = part.split(";")[0].strip().lower()[:2]
        if primary in LANGUAGES:
            return primary
    return DEFAULT


def texts(lang: str) -> dict[str, Any]:
    """The page texts of a language (German for any other)."""
    return TEXTS.get(lang, TEXTS[DEFAULT])
