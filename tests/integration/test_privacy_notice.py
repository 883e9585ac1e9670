"""`/privacy` on a real server: the full notice in German and English from the config."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.chat_client import ChatClient
from tests.support.server import RunningServer, make_server
from tests.unit.test_policy_version import full_config


@pytest.fixture(scope="module")
def full_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = make_server(tmp_path_factory.mktemp("privacy-full"), full_config()).start()
    yield server
    server.stop()


def page(server: RunningServer, lang: str | None = None) -> str:
    response = httpx.get(f"{server.origin}/privacy", params={"lang": lang} if lang else None)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def text_of(markup: str) -> str:
    """The visible text, tags removed and white space collapsed, for phrase checks."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


COMMON = [
    "Beispiel GmbH",
    "Musterstraße 1",
    "10115 Berlin",
    "datenschutz@beispiel.de",
    "+49 30 1234567",
    "https://beispiel.de",
    "Dr. Daten Schutz",
    "dsb@beispiel.de",
    "Acme AI Inc.",
    "USA",
]

GERMAN = [
    "Verantwortlicher",
    "Datenschutzbeauftragter",
    # each purpose with legal basis, categories, recipients, transfer, retention
    "KI-Chat (nötig für den Chat)",
    "Verlauf (freiwillig)",
    "Rechtsgrundlage Einwilligung, Art. 6 Abs. 1 lit. a DSGVO",
    "Chat-Nachrichten ohne persönliche Angaben",
    "Acme AI Inc. (KI-Anbieter, USA)",
    "Übermittlung in ein Drittland USA. Garantie: EU-Standardvertragsklauseln",
    "Speicherdauer 30 Tage, danach automatisch gelöscht",
    "Speicherdauer nicht über das Gespräch hinaus",
    "Keine. Nur der Betreiber dieser Website verarbeitet die Daten.",
    # AI Act and redaction
    "Art. 50 Abs. 1 der KI-Verordnung",
    "Sie chatten mit einem KI-System",
    "Persönliche Angaben werden vorher entfernt",
    "Der Anbieter des KI-Systems erhält nur diesen bereinigten Text",
    # rights
    "Auskunft",
    "Berichtigung",
    "Löschung",
    "Einschränkung der Verarbeitung",
    "Datenübertragbarkeit",
    "Widerspruch",
    "jederzeit widerrufen",
    "Rechtmäßigkeit der Verarbeitung bis zum Widerruf bleibt davon unberührt",
    "bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO)",
    "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
    # how to exercise them
    "„Einwilligung widerrufen“",
    "„Meine Daten herunterladen“",
    "„Meine Daten löschen“",
    "Für alle anderen Anliegen schreiben Sie uns: datenschutz@beispiel.de",
]

ENGLISH = [
    "Controller",
    "Data protection officer",
    "AI chat (needed for the chat)",
    "History (optional)",
    "Legal basis consent, Art. 6(1)(a) GDPR",
    "chat messages without personal details",
    "Acme AI Inc. (AI provider, USA)",
    "Transfer to a third country USA. Safeguard: EU standard contractual clauses",
    "Retention 30 days, then deleted automatically",
    "Retention not kept after the conversation",
    "None. Only the operator of this website processes the data.",
    "Art. 50(1) of the AI Act",
    "You are chatting with an AI system",
    "Personal details are removed first",
    "The provider of the AI system receives only this cleaned text",
    "access your data",
    "rectification",
    "erasure",
    "restriction of processing",
    "data portability",
    "object to the processing",
    "withdraw any consent at any time",
    "does not affect the lawfulness of processing based on consent before its withdrawal",
    "lodge a complaint with a data protection supervisory authority (Art. 77 GDPR)",
    "Berlin Commissioner for Data Protection and Freedom of Information",
    "“Withdraw consent”",
    "“Download my data”",
    "“Erase my data”",
    "For anything else, write to us: datenschutz@beispiel.de",
]


@pytest.mark.parametrize(("lang", "phrases"), [("de", GERMAN), ("en", ENGLISH)])
def test_the_notice_states_every_required_item(
    full_server: RunningServer, lang: str, phrases: list[str]
) -> None:
    markup = page(full_server, lang)
    assert f'<html lang="{lang}">' in markup
    text = text_of(markup)
    missing = [phrase for phrase in [*COMMON, *phrases] if phrase not in text]
    assert not missing, missing
    assert 'href="mailto:datenschutz@beispiel.de"' in markup
    assert 'href="mailto:dsb@beispiel.de"' in markup
    assert 'href="https://www.datenschutz-berlin.de"' in markup


def test_german_is_the_default_and_links_the_other_language(full_server: RunningServer) -> None:
    markup = page(full_server)
    assert '<html lang="de">' in markup
    assert 'href="?lang=en" hreflang="en" lang="en"' in markup
    assert 'hreflang="de"' in page(full_server, "en")
    assert '<html lang="de">' in page(full_server, "fr")


def test_accessible_structure_and_no_external_resources(full_server: RunningServer) -> None:
    markup = page(full_server, "en")
    headings = re.findall(r"<h([1-6])\b", markup)
    assert headings.count("1") == 1 and headings[0] == "1"
    # no level is skipped going down
    levels = [int(h) for h in headings]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert "<dl>" in markup and "<address>" in markup
    sources = re.findall(r'(?:src|href)="([^"]+)"', markup)
    loaded = re.findall(r'<(?:link|script|img|iframe)[^>]*(?:src|href)="([^"]+)"', markup)
    assert loaded and all(
        url.startswith(full_server.origin) or url.startswith("/") for url in loaded
    )
    assert "<script" not in markup
    assert sources


async def test_the_version_matches_the_widget(full_server: RunningServer) -> None:
    client = await ChatClient.open(full_server.ws_url)
    try:
        frame = await client.hello("de")
    finally:
        await client.close()
    assert frame["policy_version"] in page(full_server)
    purposes = {p["id"]: p for p in frame["purposes"]}
    details = purposes["ai_chat"]["details"]
    assert "Rechtsgrundlage: Einwilligung, Art. 6 Abs. 1 lit. a DSGVO" in details


def test_the_default_config_renders_and_asks_for_the_controller(tmp_path: Path) -> None:
    server = make_server(tmp_path, {}).start()
    try:
        german = text_of(page(server))
        assert "Chat mit dem KI-Assistenten (nötig für den Chat)" in german
        assert "Gesprächsverlauf speichern (freiwillig)" in german
        assert "hat seine Angaben als Verantwortlicher noch nicht eingetragen" in german
        assert "Keine. Nur der Betreiber dieser Website verarbeitet die Daten." in german
        assert "Speicherdauer 30 Tage" in german
        assert "Datenschutzbeauftragter" not in german
        english = text_of(page(server, "en"))
        assert "has not yet entered their details as controller" in english
        assert "lodge a complaint" in english
    finally:
        server.stop()
