"""The policy version is a hash of everything the consent dialog and the notice state:
any change of any field is a new version, the same content is the same version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from klarchat.config import Settings
from klarchat.consent.policy import Policy

LANGS = ["de", "en"]


def full_config() -> dict[str, Any]:
    """Every notice field filled, as a site owner with an external provider writes it."""
    return {
        "adapter": "echo",
        "controller": {
            "name": "Beispiel GmbH",
            "address": "Musterstraße 1\n10115 Berlin",
            "email": "datenschutz@beispiel.de",
            "phone": "+49 30 1234567",
            "website": "https://beispiel.de",
        },
        "dpo": {"name": "Dr. Daten Schutz", "email": "dsb@beispiel.de"},
        "supervisory_authority": {
            "name": {
                "de": "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
                "en": "Berlin Commissioner for Data Protection and Freedom of Information",
            },
            "url": "https://www.datenschutz-berlin.de",
        },
        "consent": {
            "purposes": {
                "ai_chat": {
                    "required": True,
                    "title": {"de": "KI-Chat", "en": "AI chat"},
                    "text": {"de": "Ich willige ein.", "en": "I agree."},
                    "legal_basis": {
                        "de": "Einwilligung, Art. 6 Abs. 1 lit. a DSGVO",
                        "en": "consent, Art. 6(1)(a) GDPR",
                    },
                    "data_categories": {
                        "de": ["Chat-Nachrichten ohne persönliche Angaben"],
                        "en": ["chat messages without personal details"],
                    },
                    "recipients": [
                        {
                            "name": "Acme AI Inc.",
                            "role": {"de": "KI-Anbieter", "en": "AI provider"},
                            "country": "USA",
                        }
                    ],
                    "third_country_transfer": {
                        "country": "USA",
                        "safeguard": {
                            "de": "EU-Standardvertragsklauseln",
                            "en": "EU standard contractual clauses",
                        },
                    },
                    "retention_days": 0,
                },
                "transcript": {
                    "title": {"de": "Verlauf", "en": "History"},
                    "text": {"de": "Speichern.", "en": "Store."},
                    "legal_basis": {"de": "Einwilligung", "en": "consent"},
                    "data_categories": {"de": ["Verlauf"], "en": ["history"]},
                    "recipients": [],
                    "retention_days": 30,
                },
            }
        },
    }


def version(config: dict[str, Any]) -> str:
    return Policy.from_settings(Settings(**config)).version


def set_path(config: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node: Any = config
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


PURPOSE = "consent.purposes.ai_chat"
CHANGES: list[tuple[str, Any]] = [
    ("consent.disclosure", {"de": "Ein KI-System antwortet.", "en": "An AI system answers."}),
    (f"{PURPOSE}.title.de", "KI-Chat!"),
    (f"{PURPOSE}.text.en", "I agree. "),
    (f"{PURPOSE}.legal_basis.de", "Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)"),
    (f"{PURPOSE}.data_categories.en", ["chat messages", "language"]),
    (f"{PURPOSE}.recipients.0.name", "Acme AI Ireland Ltd."),
    (f"{PURPOSE}.recipients.0.role.en", "AI provider (processor)"),
    (f"{PURPOSE}.recipients.0.country", "Irland"),
    (f"{PURPOSE}.third_country_transfer.country", "Kanada"),
    (f"{PURPOSE}.third_country_transfer.safeguard.de", "Angemessenheitsbeschluss"),
    (f"{PURPOSE}.retention_days", 1),
    ("consent.purposes.transcript.required", True),
    ("controller.name", "Beispiel AG"),
    ("controller.address", "Musterstraße 2\n10115 Berlin"),
    ("controller.email", "privacy@beispiel.de"),
    ("controller.phone", "+49 30 7654321"),
    ("controller.website", "https://beispiel.example"),
    ("dpo.name", "Erika Mustermann"),
    ("dpo.email", "dpo@beispiel.de"),
    ("supervisory_authority.name.en", "Berlin DPA"),
    ("supervisory_authority.url", "https://example.org/dpa"),
]


def test_same_content_same_version() -> None:
    assert version(full_config()) == version(full_config())
    assert Policy.from_settings(Settings()).version == Policy.from_settings(Settings()).version


@pytest.mark.parametrize(("path", "value"), CHANGES, ids=[path for path, _ in CHANGES])
def test_any_change_is_a_new_version(path: str, value: Any) -> None:
    changed = full_config()
    set_path(changed, path, value)
    assert version(changed) != version(full_config())


@pytest.mark.parametrize(
    "drop",
    [
        lambda c: c.pop("dpo"),
        lambda c: c.pop("supervisory_authority"),
        lambda c: c["consent"]["purposes"]["ai_chat"].pop("third_country_transfer"),
        lambda c: c["consent"]["purposes"]["ai_chat"].pop("legal_basis"),
        lambda c: c["consent"]["purposes"]["transcript"].pop("data_categories"),
    ],
    ids=["dpo", "authority", "transfer", "legal_basis", "data_categories"],
)
def test_removing_a_field_is_a_new_version(drop: Callable[[dict[str, Any]], Any]) -> None:
    changed = full_config()
    drop(changed)
    assert version(changed) != version(full_config())


def test_the_shown_text_carries_the_facts_in_the_visitors_language() -> None:
    policy = Policy.from_settings(Settings(**full_config()))
    german = policy.shown("ai_chat", "de").text
    assert german.startswith("KI-Chat\n\nIch willige ein.\n\n")
    assert "Rechtsgrundlage: Einwilligung, Art. 6 Abs. 1 lit. a DSGVO" in german
    assert "Empfänger: Acme AI Inc. (KI-Anbieter, USA)" in german
    assert "Übermittlung in ein Drittland: USA, Garantie: EU-Standardvertragsklauseln" in german
    assert "Speicherdauer: nicht über das Gespräch hinaus" in german
    english = policy.shown("transcript", "en").text
    assert "Legal basis: consent" in english
    assert "Recipients: none; only the operator" in english
    assert "Transfer to a third country: none" in english
    assert "Retention: 30 days, then deleted automatically" in english
    described = {p["id"]: p for p in policy.describe("de")}
    assert described["ai_chat"]["text"] == "Ich willige ein."
    assert described["ai_chat"]["text_sha256"] == policy.shown("ai_chat", "de").sha256
    assert "\n".join(described["ai_chat"]["details"]) in german


def test_transcript_retention_follows_the_purge_setting() -> None:
    settings = Settings(retention={"transcript_days": 90})
    assert settings.consent.purposes["transcript"].retention_days == 90
    assert "90 Tage" in Policy.from_settings(settings).shown("transcript", "de").text
    config = full_config()
    config["retention"] = {"transcript_days": 7}
    with pytest.raises(ValueError, match=r"differs from retention\.transcript_days"):
        Settings(**config)
