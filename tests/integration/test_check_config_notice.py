"""`klarchat check-config` names what the privacy notice lacks and scores the consent texts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomli_w

from tests.integration.test_cli_config import run
from tests.unit.test_policy_version import full_config

HARD_GERMAN = (
    "Die Einwilligungserklärung bezüglich sämtlicher Datenverarbeitungsvorgänge umfasst die "
    "personenbezogenen Kommunikationsinhalte einschließlich der Übermittlung an "
    "Auftragsverarbeiter gemäß den datenschutzrechtlichen Rahmenbedingungen."
)


def check(tmp_path: Path, config: dict[str, Any]):
    (tmp_path / "klarchat.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
    return run("check-config", cwd=tmp_path)


def test_a_full_config_passes_without_warnings(tmp_path: Path) -> None:
    result = check(tmp_path, full_config())
    assert result.returncode == 0, result.stderr
    assert "configuration OK" in result.stdout
    assert "warning" not in result.stderr, result.stderr


def test_defaults_warn_about_the_controller_and_print_reading_ease(tmp_path: Path) -> None:
    result = run("check-config", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for expected in (
        "warning: controller.name missing: the privacy notice needs the controller",
        "warning: controller.address missing",
        "warning: controller.email missing",
        "warning: dpo missing",
        "warning: supervisory_authority missing",
    ):
        assert expected in result.stderr, result.stderr
    assert "consent.purposes" not in result.stderr, "the default purposes are complete"
    for key, formula in (
        ("consent.disclosure.de", "Amstad"),
        ("consent.purposes.ai_chat.text.de", "Amstad"),
        ("consent.purposes.transcript.text.de", "Amstad"),
        ("consent.disclosure.en", "Flesch"),
        ("consent.purposes.ai_chat.text.en", "Flesch"),
        ("consent.purposes.transcript.text.en", "Flesch"),
    ):
        line = re.search(rf"^  {re.escape(key)}: {formula} (-?\d+\.\d)(.*)$", result.stdout, re.M)
        assert line, result.stdout
        assert 0 < float(line.group(1)) <= 121 and "ok" in line.group(2)
    assert "Wiener Sachtextformel" in result.stdout
    assert "nltk" not in result.stderr, "nothing may be downloaded"


def test_missing_purpose_items_are_named(tmp_path: Path) -> None:
    config = full_config()
    config["consent"]["purposes"]["newsletter"] = {
        "title": {"de": "Neuigkeiten", "en": "News"},
        "text": {"de": "Ich will Neuigkeiten.", "en": "I want news."},
    }
    del config["controller"]["name"]
    result = check(tmp_path, config)
    assert result.returncode == 0, result.stderr
    for expected in (
        "warning: controller.name missing: the privacy notice needs the controller",
        "warning: consent.purposes.newsletter.legal_basis missing",
        "warning: consent.purposes.newsletter.data_categories missing",
        "warning: consent.purposes.newsletter.recipients missing",
        "warning: consent.purposes.newsletter.retention_days missing",
    ):
        assert expected in result.stderr, result.stderr
    assert "consent.purposes.ai_chat" not in result.stderr


def test_a_hard_text_is_warned(tmp_path: Path) -> None:
    config = full_config()
    config["consent"]["purposes"]["ai_chat"]["text"]["de"] = HARD_GERMAN
    result = check(tmp_path, config)
    assert result.returncode == 0, result.stderr
    line = re.search(
        r"^  consent.purposes.ai_chat.text.de: Amstad (-?\d+\.\d).*HARD TO READ",
        result.stdout,
        re.M,
    )
    assert line and float(line.group(1)) < 50, result.stdout
    assert "warning: consent.purposes.ai_chat.text.de is hard to read (Amstad" in result.stderr


def test_an_unnamed_remote_provider_is_an_error(tmp_path: Path) -> None:
    config = full_config()
    config["adapter"] = "openai"
    config["adapters"] = {"openai": {"base_url": "https://api.example.com/v1", "model": "m"}}
    config["consent"]["purposes"]["ai_chat"]["recipients"] = []
    result = check(tmp_path, config)
    assert result.returncode == 2, result.stdout
    assert "consent.purposes.ai_chat.recipients names nobody" in result.stderr
    assert "api.example.com" in result.stderr
    # a local Ollama is no recipient
    config["adapters"]["openai"]["base_url"] = "http://127.0.0.1:11434/v1"
    assert check(tmp_path, config).returncode == 0


def test_untranslated_or_contradictory_notice_items_are_errors(tmp_path: Path) -> None:
    config = full_config()
    config["consent"]["purposes"]["ai_chat"]["legal_basis"] = {"de": "Einwilligung"}
    config["supervisory_authority"]["name"] = {"de": "Behörde"}
    result = check(tmp_path, config)
    assert result.returncode == 2
    assert "consent.purposes.ai_chat.legal_basis.en" in result.stderr
    assert "supervisory_authority.name.en" in result.stderr

    config = full_config()
    config["retention"] = {"transcript_days": 14}
    result = check(tmp_path, config)
    assert result.returncode == 2
    assert "consent.purposes.transcript.retention_days (30) differs from" in result.stderr

    config = full_config()
    config["controller"]["email"] = "not-an-address"
    result = check(tmp_path, config)
    assert result.returncode == 2
    assert "controller.email is not an e-mail address" in result.stderr
