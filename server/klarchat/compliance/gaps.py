"""What the documents need but the configuration does not say.

The privacy notice and the documents share their facts, so the notice's own warnings
(`notice_issues`) are the first gaps; the documents add one of their own: a provider
outside the EU/EEA with no transfer safeguard stated, which the record of processing
(Art. 30(1)(e)) and the processor checklist must name. `klarchat check-config` warns about
each gap, and every document marks it where the fact would stand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from klarchat.consent.policy import LOCAL_ADAPTERS, NoticeIssue, localized, notice_issues

if TYPE_CHECKING:
    from klarchat.config import Settings

# EU and EEA states as a site owner is likely to write them (ISO 3166 alpha-2 and
# alpha-3 codes, names in German and English), lower case.
EEA = frozenset(
    (
        "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie", "it",
        "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se", "is", "li", "no",
        "aut", "bel", "bgr", "hrv", "cyp", "cze", "dnk", "est", "fin", "fra", "deu", "grc", "hun",
        "irl", "ita", "lva", "ltu", "lux", "mlt", "nld", "pol", "prt", "rou", "svk", "svn", "esp",
        "swe", "isl", "lie", "nor", "österreich", "austria", "belgien", "belgium", "bulgarien",
        "bulgaria", "kroatien", "croatia", "zypern", "cyprus", "tschechien", "czechia",
        "czech republic", "dänemark", "denmark", "estland", "estonia", "finnland", "finland",
        "frankreich", "france", "deutschland", "germany", "griechenland", "greece", "ungarn",
        "hungary", "irland", "ireland", "italien", "italy", "lettland", "latvia", "litauen",
        "lithuania", "luxemburg", "luxembourg", "malta", "niederlande", "netherlands",
        "the netherlands", "polen", "poland", "portugal", "rumänien", "romania", "slowakei",
        "slovakia", "slowenien", "slovenia", "spanien", "spain", "schweden", "sweden", "island",
        "iceland", "liechtenstein", "norwegen", "norway", "eu", "ewr", "eea", "eu/ewr", "eu/eea",
    )
)  # fmt: skip

# What each gap is called in the documents, by the last part of its key.
GAP_NAMES = {
    "de": {
        "name": "Name des Verantwortlichen",
        "address": "Anschrift des Verantwortlichen",
        "email": "E-Mail-Adresse für Datenschutzanfragen",
        "dpo": "Datenschutzbeauftragter (falls benannt)",
        "supervisory_authority": "zuständige Aufsichtsbehörde",
        "legal_basis": "Rechtsgrundlage",
        "data_categories": "Datenkategorien",
        "recipients": "Empfänger",
        "retention_days": "Speicherdauer",
        "third_country_transfer": "Garantie für die Übermittlung in ein Drittland",
    },
    "en": {
        "name": "controller's name",
        "address": "controller's postal address",
        "email": "email address for data-protection requests",
        "dpo": "data protection officer (if you have one)",
        "supervisory_authority": "competent supervisory authority",
        "legal_basis": "legal basis",
        "data_categories": "data categories",
        "recipients": "recipients",
        "retention_days": "retention period",
        "third_country_transfer": "safeguard for the transfer to a third country",
    },
}
MARKER = {
    "de": "⚠ fehlt: {name} — in klarchat.toml `{key}` eintragen",
    "en": "⚠ missing: {name} — set `{key}` in klarchat.toml",
}


@dataclass(frozen=True, slots=True)
class Gap:
    key: str

    def marker(self, lang: str) -> str:
        """The visible mark a document puts where the fact would stand."""
        name = GAP_NAMES[lang][self.key.rsplit(".", 1)[-1]]
        return MARKER[lang].format(name=name, key=self.key)


def in_eea(country: str) -> bool:
    return country.strip().lower() in EEA


def document_issues(settings: Settings) -> list[NoticeIssue]:
    """The warnings the documents add to the notice's: an unsafeguarded transfer."""
    ai_chat = settings.consent.purposes["ai_chat"]
    if settings.adapter in LOCAL_ADAPTERS or ai_chat.third_country_transfer is not None:
        return []
    lang = settings.default_language
    outside = sorted(
        {
            localized(recipient.country, lang)
            for recipient in ai_chat.recipients or []
            if not in_eea(localized(recipient.country, lang))
        }
    )
    if not outside:
        return []
    return [
        NoticeIssue(
            "consent.purposes.ai_chat.third_country_transfer",
            f"missing: a recipient is in {', '.join(outside)}, which is not recognisably in "
            "the EU/EEA; the record of processing (Art. 30(1)(e)) and the processor checklist "
            "need the safeguard (e.g. standard contractual clauses), or write an EU/EEA country",
        )
    ]


def gaps(settings: Settings) -> dict[str, Gap]:
    """Every gap the documents mark, by its configuration key."""
    issues = notice_issues(settings) + document_issues(settings)
    return {issue.key: Gap(issue.key) for issue in issues if not issue.error}
