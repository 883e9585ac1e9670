"""The purposes a visitor can consent to, the exact texts shown, and the policy version.

The version is a hash of everything the visitor reads, so that no wording change can
slip through without asking for consent again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from klarchat.config import Consent


@dataclass(frozen=True, slots=True)
class ShownText:
    purpose: str
    lang: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Policy:
    def __init__(self, consent: Consent, languages: list[str]) -> None:
        self._consent = consent
        self.languages = list(languages)
        self.purposes = list(consent.purposes)
        self.version = self._derive_version()

    def _derive_version(self) -> str:
        content = {
            "disclosure": {lang: self._consent.disclosure.get(lang, "") for lang in self.languages},
            "purposes": {
                pid: {lang: self.shown(pid, lang).text for lang in self.languages}
                for pid in self.purposes
            },
        }
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def is_required(self, purpose: str) -> bool:
        return self._consent.purposes[purpose].required

    def disclosure(self, lang: str) -> str:
        return self._consent.disclosure[lang]

    def shown(self, purpose: str, lang: str) -> ShownText:
        """Title and text as the visitor reads them: this is what the ledger proves."""
        spec = self._consent.purposes[purpose]
        return ShownText(purpose, lang, f"{spec.title[lang]}\n\n{spec.text[lang]}")

    def describe(self, lang: str) -> list[dict[str, object]]:
        return [
            {
                "id": pid,
                "required": self.is_required(pid),
                "title": self._consent.purposes[pid].title[lang],
                "text": self._consent.purposes[pid].text[lang],
                "text_sha256": self.shown(pid, lang).sha256,
            }
            for pid in self.purposes
        ]
