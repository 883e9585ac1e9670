"""The purposes a visitor can consent to, the exact texts shown, and the policy version.

What a visitor consents to is more than the checkbox text: GDPR Art. 13 asks that they be
told the legal basis, the recipients, any transfer to a third country and how long the
data is kept. `shown()` is that whole text in the visitor's language, and the ledger
stores its hash. The version is a hash of everything the consent dialog and the privacy
notice state (disclosure, every purpose field, controller, DPO, supervisory authority), so
that no change can slip through without asking for consent again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from klarchat.config import (
    Consent,
    Controller,
    Dpo,
    Purpose,
    SupervisoryAuthority,
    Text,
)

if TYPE_CHECKING:
    from klarchat.config import Settings

# The labels of the facts shown under each purpose's text, per language.
LABELS: dict[str, dict[str, str]] = {
    "de": {
        "legal_basis": "Rechtsgrundlage",
        "recipients": "Empfänger",
        "transfer": "Übermittlung in ein Drittland",
        "retention": "Speicherdauer",
        "no_recipients": "keine; nur der Betreiber dieser Website verarbeitet die Daten",
        "no_transfer": "keine",
        "safeguard": "Garantie",
        "not_stored": (
            "nicht über das Gespräch hinaus; währenddessen liegen die Nachrichten verschlüsselt"
            " mit einem Schlüssel, den nur Ihr Browser hat"
        ),
        "day": "{n} Tag, danach automatisch gelöscht",
        "days": "{n} Tage, danach automatisch gelöscht",
    },
    "en": {
        "legal_basis": "Legal basis",
        "recipients": "Recipients",
        "transfer": "Transfer to a third country",
        "retention": "Retention",
        "no_recipients": "none; only the operator of this website processes the data",
        "no_transfer": "none",
        "safeguard": "safeguard",
        "not_stored": (
            "not kept after the conversation; while it lasts, messages are held encrypted"
            " with a key only your browser holds"
        ),
        "day": "{n} day, then deleted automatically",
        "days": "{n} days, then deleted automatically",
    },
}

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Adapters that never send a message off the server.
LOCAL_ADAPTERS = {"offline", "echo"}


def localized(value: Text | None, lang: str) -> str:
    """A configured text in one language; a plain string is the same in all."""
    if value is None:
        return ""
    return value if isinstance(value, str) else value.get(lang, "")


def _labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def retention_text(days: int, lang: str) -> str:
    labels = _labels(lang)
    if days == 0:
        return labels["not_stored"]
    return labels["day" if days == 1 else "days"].format(n=days)


@dataclass(frozen=True, slots=True)
class ShownText:
    purpose: str
    lang: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Policy:
    def __init__(
        self,
        consent: Consent,
        languages: Sequence[str],
        *,
        controller: Controller | None = None,
        dpo: Dpo | None = None,
        supervisory_authority: SupervisoryAuthority | None = None,
    ) -> None:
        self._consent = consent
        self.languages = list(languages)
        self.purposes = list(consent.purposes)
        self.controller = controller or Controller()
        self.dpo = dpo
        self.supervisory_authority = supervisory_authority
        self.version = self._derive_version()

    @classmethod
    def from_settings(cls, settings: Settings, consent: Consent | None = None) -> Policy:
        """The policy with everything the notice states; `consent` replaces the configured
        consent section (e.g. with a variant's wording)."""
        return cls(
            consent or settings.consent,
            settings.languages,
            controller=settings.controller,
            dpo=settings.dpo,
            supervisory_authority=settings.supervisory_authority,
        )

    def _derive_version(self) -> str:
        """Everything stated, in full (every field, every language given) plus the texts as
        shown: a change of any of it is a new version."""
        content = {
            "disclosure": {lang: self._consent.disclosure.get(lang, "") for lang in self.languages},
            "purposes": {
                pid: {
                    "spec": self._consent.purposes[pid].model_dump(mode="json"),
                    "shown": {lang: self.shown(pid, lang).text for lang in self.languages},
                }
                for pid in self.purposes
            },
            "controller": self.controller.model_dump(mode="json"),
            "dpo": self.dpo.model_dump(mode="json") if self.dpo else None,
            "supervisory_authority": (
                self.supervisory_authority.model_dump(mode="json")
                if self.supervisory_authority
                else None
            ),
        }
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def spec(self, purpose: str) -> Purpose:
        return self._consent.purposes[purpose]

    def is_required(self, purpose: str) -> bool:
        return self._consent.purposes[purpose].required

    def disclosure(self, lang: str) -> str:
        return self._consent.disclosure[lang]

    def details(self, purpose: str, lang: str) -> list[str]:
        """The facts shown under the purpose's text, one line each, as `Label: value`.
        A fact the config leaves out is left out here (and named by check-config)."""
        spec = self._consent.purposes[purpose]
        labels = _labels(lang)
        lines = []
        if spec.legal_basis is not None:
            lines.append(f"{labels['legal_basis']}: {localized(spec.legal_basis, lang)}")
        if spec.recipients is not None:
            names = "; ".join(
                f"{r.name} ({localized(r.role, lang)}, {localized(r.country, lang)})"
                for r in spec.recipients
            )
            lines.append(f"{labels['recipients']}: {names or labels['no_recipients']}")
        transfer = spec.third_country_transfer
        if transfer is None:
            lines.append(f"{labels['transfer']}: {labels['no_transfer']}")
        else:
            lines.append(
                f"{labels['transfer']}: {localized(transfer.country, lang)}, "
                f"{labels['safeguard']}: {localized(transfer.safeguard, lang)}"
            )
        if spec.retention_days is not None:
            lines.append(f"{labels['retention']}: {retention_text(spec.retention_days, lang)}")
        return lines

    def shown(self, purpose: str, lang: str) -> ShownText:
        """Title, text and the facts under it as the visitor reads them: this is what the
        ledger proves."""
        spec = self._consent.purposes[purpose]
        parts = [spec.title[lang], spec.text[lang]]
        details = self.details(purpose, lang)
        if details:
            parts.append("\n".join(details))
        return ShownText(purpose, lang, "\n\n".join(parts))

    def describe(self, lang: str) -> list[dict[str, object]]:
        """The purposes as the widget gets them in `welcome`; `text_sha256` is the hash of
        title, text and `details` together."""
        return [
            {
                "id": pid,
                "required": self.is_required(pid),
                "ask": self._consent.purposes[pid].ask,
                "title": self._consent.purposes[pid].title[lang],
                "text": self._consent.purposes[pid].text[lang],
                "details": self.details(pid, lang),
                "text_sha256": self.shown(pid, lang).sha256,
            }
            for pid in self.purposes
        ]

    def notice(self, lang: str) -> list[dict[str, Any]]:
        """Each purpose with every fact the privacy notice states, in one language."""
        out = []
        for pid in self.purposes:
            spec = self._consent.purposes[pid]
            transfer = spec.third_country_transfer
            out.append(
                {
                    "id": pid,
                    "required": spec.required,
                    "title": spec.title[lang],
                    "text": spec.text[lang],
                    "legal_basis": localized(spec.legal_basis, lang),
                    "data_categories": (spec.data_categories or {}).get(lang, []),
                    "recipients": None
                    if spec.recipients is None
                    else [
                        {
                            "name": r.name,
                            "role": localized(r.role, lang),
                            "country": localized(r.country, lang),
                        }
                        for r in spec.recipients
                    ],
                    "transfer": None
                    if transfer is None
                    else {
                        "country": localized(transfer.country, lang),
                        "safeguard": localized(transfer.safeguard, lang),
                    },
                    "retention_days": spec.retention_days,
                    "retention": None
                    if spec.retention_days is None
                    else retention_text(spec.retention_days, lang),
                }
            )
        return out


@dataclass(frozen=True, slots=True)
class NoticeIssue:
    """Something the privacy notice lacks (a warning) or would state wrongly (an error)."""

    key: str
    message: str
    error: bool = False

    def __str__(self) -> str:
        return f"{self.key} {self.message}"


def notice_issues(settings: Settings) -> list[NoticeIssue]:
    """What `klarchat check-config` names about the notice.

    Errors: the notice or a consent text would state something false (an external provider
    gets the messages but no recipient is named; an address that is not one). Warnings:
    something the notice needs is not filled in; the embedded defaults have these, because
    only the operator knows them.
    """
    issues: list[NoticeIssue] = []
    add = issues.append
    controller = settings.controller
    for field, why in (
        ("name", "the privacy notice needs the controller (GDPR Art. 13(1)(a))"),
        ("address", "the privacy notice needs the controller's postal address"),
        ("email", "the privacy notice needs a contact for data-protection requests"),
    ):
        if not getattr(controller, field).strip():
            add(NoticeIssue(f"controller.{field}", f"missing: {why}"))
    if controller.email.strip() and "@" not in controller.email:
        add(NoticeIssue("controller.email", "is not an e-mail address", error=True))
    if settings.dpo is None:
        add(
            NoticeIssue(
                "dpo",
                "missing: name your data protection officer if you have one "
                "(GDPR Art. 13(1)(b)); the notice leaves the section out",
            )
        )
    elif "@" not in settings.dpo.email:
        add(NoticeIssue("dpo.email", "is not an e-mail address", error=True))
    if settings.supervisory_authority is None:
        add(
            NoticeIssue(
                "supervisory_authority",
                "missing: the notice names the right to complain but not your authority",
            )
        )
    for pid, purpose in settings.consent.purposes.items():
        key = f"consent.purposes.{pid}"
        if purpose.legal_basis is None:
            add(NoticeIssue(f"{key}.legal_basis", "missing: the notice needs the legal basis"))
        if purpose.data_categories is None:
            add(NoticeIssue(f"{key}.data_categories", "missing: which data is processed"))
        if purpose.recipients is None:
            add(
                NoticeIssue(
                    f"{key}.recipients",
                    "missing: name who receives the data, or [] if only you process it",
                )
            )
        if purpose.retention_days is None:
            add(NoticeIssue(f"{key}.retention_days", "missing: how long the data is kept"))
    issues += _provider_named(settings)
    return issues


def provider_host(settings: Settings) -> str | None:
    """The host the `openai` adapter sends messages to; None for any other adapter."""
    if settings.adapter != "openai":
        return None
    from klarchat.adapters.openai_compatible import DEFAULT_BASE_URL

    url = settings.adapter_options().get("base_url") or DEFAULT_BASE_URL
    return urlsplit(str(url)).hostname or ""


def _provider_named(settings: Settings) -> list[NoticeIssue]:
    """Consent to chat is informed only if it names who gets the messages."""
    recipients = settings.consent.purposes["ai_chat"].recipients
    if recipients or settings.adapter in LOCAL_ADAPTERS:
        return []
    key = "consent.purposes.ai_chat.recipients"
    host = provider_host(settings)
    if host is not None:
        if host not in LOOPBACK_HOSTS:
            return [
                NoticeIssue(
                    key,
                    f"names nobody, but adapter 'openai' sends the messages to {host}: name "
                    "the provider (and third_country_transfer if it is outside the EU/EEA)",
                    error=True,
                )
            ]
        return []
    return [
        NoticeIssue(
            key,
            f"names nobody: if adapter '{settings.adapter}' sends messages to a provider you "
            "do not run yourself, name it",
        )
    ]
