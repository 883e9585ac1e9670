"""`klarchat docs` writes the compliance file from the real configuration: run as a
subprocess with real config files, its Markdown parsed with markdown-it-py."""

from __future__ import annotations

import copy
import itertools
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import tomli_w
from markdown_it import MarkdownIt

from klarchat.compliance.documents import DOCUMENTS
from klarchat.privacy.labels import CATEGORY_LABELS, ENTITY_LABELS
from tests.integration.test_cli_config import run
from tests.unit.test_policy_version import full_config

LANGS = ("de", "en")
PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")


def remote_config() -> dict[str, Any]:
    """A remote provider in the USA under standard contractual clauses; health passes."""
    config = full_config()
    config["adapter"] = "openai"
    config["adapters"] = {"openai": {"base_url": "https://api.acme.example/v1", "model": "m-1"}}
    config["privacy"] = {"special_categories": {"health": "note"}}
    return config


class Generated(NamedTuple):
    docs: dict[str, str]
    stdout: str
    stderr: str


def generate(tmp_path: Path, config: dict[str, Any] | None, *args: str) -> Generated:
    """Run `klarchat docs` in `tmp_path` (writing `config` first, if given)."""
    if config is not None:
        (tmp_path / "klarchat.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
    result = run("docs", "--out", "out", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    docs = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()}
    return Generated(docs, result.stdout, result.stderr)


def policy_version(tmp_path: Path) -> str:
    result = run("check-config", cwd=tmp_path)
    found = re.search(r"policy version: ([0-9a-f]{16})", result.stdout)
    assert found, result.stdout
    return found.group(1)


def doc(docs: dict[str, str], slug: str, lang: str) -> str:
    return docs[f"{slug}.{lang}.md"]


def assert_valid_markdown(text: str) -> None:
    """Parses, no template syntax is left, and every `|` line is a row of a real table."""
    assert "{{" not in text and "{%" not in text
    tokens = PARSER.parse(text)
    lines = text.splitlines()
    in_tables = set()
    for token in tokens:
        if token.type == "table_open" and token.map:
            in_tables.update(range(*token.map))
    pipes = {i for i, line in enumerate(lines) if line.startswith("|")}
    assert pipes <= in_tables, [lines[i] for i in sorted(pipes - in_tables)]
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings[0] == "h1" and headings.count("h1") == 1
    for before, after in itertools.pairwise(headings):
        assert int(after[1]) <= int(before[1]) + 1, "a heading level is skipped"


def shape(text: str) -> list[str]:
    """The structure of a document without its words: which blocks, in which order."""
    return [t.type for t in PARSER.parse(text) if t.type != "inline"]


@pytest.fixture(scope="module")
def default_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Generated, str]:
    where = tmp_path_factory.mktemp("docs-default")
    return generate(where, None), policy_version(where)


POSTGRES_URL = "postgresql://klarchat:pa55word@db.internal.example:6543/chat"


@pytest.fixture(scope="module")
def postgres_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Generated, str]:
    """Several instances on one PostgreSQL database: `klarchat docs` needs no connection."""
    where = tmp_path_factory.mktemp("docs-postgres")
    return generate(where, {"database_url": POSTGRES_URL}), policy_version(where)


@pytest.fixture(scope="module")
def remote_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Generated, str]:
    where = tmp_path_factory.mktemp("docs-remote")
    return generate(where, remote_config()), policy_version(where)


def test_every_document_in_every_language_is_written(default_docs) -> None:
    (docs, _, _), version = default_docs
    expected = {d.filename(lang, "md") for d in DOCUMENTS for lang in LANGS}
    assert set(docs) == expected
    for name, text in docs.items():
        assert_valid_markdown(text)
        assert "Klarchat `0.1.0`" in text, name
        assert f"`{version}`" in text, f"{name} does not name the policy version"
        assert ("keine Rechtsberatung" if ".de." in name else "not legal advice") in text


@pytest.mark.parametrize("which", ["default_docs", "remote_docs", "postgres_docs"])
def test_german_and_english_say_the_same_things(which, request) -> None:
    (docs, _, _), _ = request.getfixturevalue(which)
    for document in DOCUMENTS:
        de, en = (doc(docs, document.slug, lang) for lang in LANGS)
        assert shape(de) == shape(en), document.slug
        assert de.count("✎") == en.count("✎"), document.slug
        assert de.count("☐") == en.count("☐"), document.slug


def test_the_default_configuration_states_every_required_item(default_docs) -> None:
    (docs, _, stderr), _ = default_docs
    record = doc(docs, "record-of-processing", "de")
    for item in (
        "⚠ fehlt: Name des Verantwortlichen — in klarchat.toml `controller.name` eintragen",
        "Chat mit dem KI-Assistenten",
        "Gesprächsverlauf speichern",
        "Einwilligung, Art. 6 Abs. 1 lit. a DSGVO",
        "Art. 6 Abs. 1 lit. c DSGVO",
        "Art. 6 Abs. 1 lit. f DSGVO",
        "## 4. Betroffene Personen",
        "## 5. Übermittlungen in Drittländer\n\nKeine.",
        "| gespeicherter Gesprächsverlauf | 30 Tage, nur mit Einwilligung |",
        "| technisches Protokoll | 180 Tage |",
        "## 7. Technische und organisatorische Maßnahmen",
        "Adapter „offline“ auf Ihrem eigenen Server",
    ):
        assert item in record, item
    assert "⚠ missing: controller's name — set `controller.name` in klarchat.toml" in doc(
        docs, "record-of-processing", "en"
    )
    for lang in LANGS:
        toms = doc(docs, "technical-organisational-measures", lang)
        for names in ENTITY_LABELS.values():
            assert names[lang] in toms
        for names in CATEGORY_LABELS.values():
            assert f"| {names[lang]} |" in toms
        assert toms.count("✎") >= 6, "the operator's items are marked"
    deletion = doc(docs, "deletion-concept", "de")
    assert "## Laufende Gespräche" in deletion and "Arbeitsspeicher" not in deletion
    assert (
        "- Frist: 30 Minuten nach der letzten Aktivität, spätestens 24 Stunden nach Beginn des"
        " Gesprächs (Einstellungen `limits.session_idle_minutes` und `limits.resume_hours`)."
        in deletion
    )
    assert "| laufendes Gespräch (verschlüsselt) | 30 Minuten nach der letzten Aktivität" in record
    dpia = doc(docs, "dpia-screening", "de")
    assert "Nach diesen Kriterien ist eine DSFA nicht angezeigt" in dpia
    assert "| DSK-Liste Nr. 11" in dpia and "ohne KI-Modell" in dpia
    processor = doc(docs, "processor-checklist", "en")
    assert "Not for the AI system: it runs inside Klarchat on your server." in processor
    assert "(point h)" in processor
    assert "warning: controller.name missing" in stderr


def test_a_remote_provider_in_a_third_country_appears_everywhere(remote_docs) -> None:
    (docs, _, stderr), _ = remote_docs
    assert "⚠" not in "".join(docs.values()), "a full configuration leaves no gap"
    assert stderr == ""
    record = doc(docs, "record-of-processing", "de")
    assert "| KI-Chat | USA | EU-Standardvertragsklauseln |" in record
    assert "Acme AI Inc. (KI-Anbieter, USA)" in record
    assert "Beispiel GmbH" in record and "Musterstraße 1, 10115 Berlin" in record
    assert "Dr. Daten Schutz dsb@beispiel.de" in record
    toms = doc(docs, "technical-organisational-measures", "en")
    assert "encrypted (HTTPS) to `api.acme.example`" in toms
    assert (
        "Transfer to a third country (AI chat): USA; safeguard: EU standard contractual clauses."
        in toms
    )
    processor = doc(docs, "processor-checklist", "de")
    assert (
        "| Übermittlung in ein Drittland | USA; Garantie: EU-Standardvertragsklauseln |"
        in processor
    )
    assert "In aller Regel ja: Der Anbieter unter `api.acme.example`" in processor
    assert "Unverändert gehen diese besonderen Kategorien weiter: Gesundheit." in processor
    assert processor.count("☐") == 8 + 4, "Art. 28(3) a-h, three AI points, the transfer"
    dpia = doc(docs, "dpia-screening", "en")
    assert "**Indication: a DPIA is likely required.**" in dpia
    assert "- German authorities' list (DSK), item 11" in dpia
    assert "Here 2 apply." in dpia
    deletion = doc(docs, "deletion-concept", "en")
    assert "## At the AI provider" in deletion


def test_with_postgresql_the_documents_name_it_and_never_its_url(postgres_docs) -> None:
    (docs, stdout, stderr), _ = postgres_docs
    for name, text in docs.items():
        assert_valid_markdown(text)
        assert "sqlite3" not in text, name
    for secret in ("pa55word", "db.internal.example", ":6543", "postgresql://"):
        assert secret not in "".join(docs.values()) + stdout + stderr, secret
    toms = doc(docs, "technical-organisational-measures", "de")
    assert "| PostgreSQL-Datenbank (Einstellung `database_url`) | laufende Gespräche" in toms
    assert "Ereignisse zwischen ihnen laufen über PostgreSQL (LISTEN/NOTIFY)" in toms
    deletion = doc(docs, "deletion-concept", "en")
    assert (
        "- Place: tables `live_sessions` and `live_lines` in the PostgreSQL database"
        " (setting `database_url`)." in deletion
    )
    assert "One of the instances (the leader) checks every 5 seconds" in deletion


def test_a_change_of_retention_changes_the_deletion_concept(tmp_path: Path) -> None:
    before = generate(tmp_path, {}, "--lang", "de").docs
    retention = {"retention": {"transcript_days": 14, "audit_days": 90}}
    after = generate(tmp_path, retention, "--lang", "de").docs
    assert set(after) == {d.filename("de", "md") for d in DOCUMENTS}
    old, new = (doc(docs, "deletion-concept", "de") for docs in (before, after))
    assert "- Frist: 30 Tage (Einstellung `retention.transcript_days`)." in old
    assert "- Frist: 14 Tage (Einstellung `retention.transcript_days`)." in new
    assert "- Frist: 90 Tage (Einstellung `retention.audit_days`)." in new
    assert "30 Tage (Einstellung" not in new and "180 Tage" not in new
    assert "| 14 Tage, danach automatisch gelöscht |" in doc(after, "record-of-processing", "de")


def test_a_missing_controller_is_warned_and_marked(tmp_path: Path) -> None:
    config = full_config()
    del config["controller"]["name"]
    (tmp_path / "klarchat.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
    checked = run("check-config", cwd=tmp_path)
    assert checked.returncode == 0
    assert "warning: controller.name missing" in checked.stderr
    docs, _, stderr = generate(tmp_path, None)
    assert "warning: controller.name missing" in stderr
    for document in DOCUMENTS:
        assert "⚠ fehlt: Name des Verantwortlichen" in doc(docs, document.slug, "de")
        assert "⚠ missing: controller's name" in doc(docs, document.slug, "en")
    assert "| Verantwortlicher | ⚠ fehlt: Name des Verantwortlichen" in doc(
        docs, "record-of-processing", "de"
    )


def test_a_provider_abroad_without_safeguard_is_warned_and_marked(tmp_path: Path) -> None:
    config = remote_config()
    del config["consent"]["purposes"]["ai_chat"]["third_country_transfer"]
    (tmp_path / "klarchat.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
    checked = run("check-config", cwd=tmp_path)
    assert checked.returncode == 0
    assert "warning: consent.purposes.ai_chat.third_country_transfer missing" in checked.stderr
    docs = generate(tmp_path, None, "--lang", "en").docs
    marker = "⚠ missing: safeguard for the transfer to a third country"
    assert f"None. {marker}" in doc(docs, "record-of-processing", "en")
    assert f"| Transfer to a third country | none {marker}" in doc(
        docs, "processor-checklist", "en"
    )
    # a provider in the EU needs no safeguard
    config["consent"]["purposes"]["ai_chat"]["recipients"][0]["country"] = "Deutschland"
    (tmp_path / "klarchat.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
    assert "third_country_transfer" not in run("check-config", cwd=tmp_path).stderr


def test_configuration_text_cannot_change_the_markup(tmp_path: Path) -> None:
    config = copy.deepcopy(full_config())
    config["controller"]["name"] = "*Acme* | <b>GmbH</b> & [Co](x)"
    docs = generate(tmp_path, config, "--lang", "de", "--format", "html").docs
    html = docs["record-of-processing.de.html"]
    assert "<td>*Acme* | &lt;b&gt;GmbH&lt;/b&gt; &amp; [Co](x)</td>" in html
    assert '<html lang="de">' in html and "<main>" in html and "@media print" in html
    assert "<title>Verzeichnis von Verarbeitungstätigkeiten: KI-Chat</title>" in html


def test_docs_refuse_what_check_config_refuses(tmp_path: Path) -> None:
    config = remote_config()
    config["consent"]["purposes"]["ai_chat"]["recipients"] = []
    (tmp_path / "klarchat.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
    result = run("docs", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert "consent.purposes.ai_chat.recipients names nobody" in result.stderr
    assert not (tmp_path / "out").exists()


def test_reading_ease_is_reported_per_document(default_docs) -> None:
    (_, stdout, _), _ = default_docs
    for lang, formula in (("de", "Amstad"), ("en", "Flesch")):
        for document in DOCUMENTS:
            line = re.search(
                rf"^  out/{document.slug}\.{lang}\.md: {formula} (\d+\.\d)", stdout, re.M
            )
            assert line and 20 < float(line.group(1)) <= 121, stdout


def test_wording_variants_are_named_with_their_versions(tmp_path: Path) -> None:
    variants = {"short": {"disclosure": {"de": "Hier chattet eine KI.", "en": "An AI chats here."}}}
    (tmp_path / "klarchat.toml").write_text(
        tomli_w.dumps({"consent": {"variants": variants}}), encoding="utf-8"
    )
    base = policy_version(tmp_path)
    docs = generate(tmp_path, None, "--lang", "en").docs
    header = re.search(
        r"each with its own version: `short` `([0-9a-f]{16})`\.", doc(docs, "dpia-screening", "en")
    )
    assert header and header.group(1) != base
    assert f"(policy version): `{base}`" in doc(docs, "dpia-screening", "en")


def test_a_language_that_is_not_configured_is_refused(tmp_path: Path) -> None:
    (tmp_path / "klarchat.toml").write_text('languages = ["de"]\n', encoding="utf-8")
    result = run("docs", "--lang", "en", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert "--lang en: not among the configured languages" in result.stderr
    written = generate(tmp_path, None).docs
    assert set(written) == {d.filename("de", "md") for d in DOCUMENTS}
