"""The compliance file's logic on its own: the DPIA indication, the Markdown escaping,
and the legal bases it shares with the privacy notice."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from klarchat.compliance.documents import DOCUMENTS, render_markdown
from klarchat.compliance.dpia import screen
from klarchat.compliance.facts import gather
from klarchat.compliance.gaps import in_eea
from klarchat.compliance.markdown import escape, parser, prose
from klarchat.config import Settings
from klarchat.defaults import LEGAL_BASIS_AUDIT, LEGAL_BASIS_PROOF
from klarchat.web.privacy import TEXTS
from tests.unit.test_policy_version import full_config


def screening(**config: Any):
    return screen(gather(Settings(**config), "en", date(2026, 1, 1)))


def rendered(lang: str, **config: Any) -> dict[str, str]:
    """Every document in one language, as Markdown, by its slug."""
    facts = gather(Settings(**config), lang, date(2026, 1, 1))
    return {d.slug: render_markdown(d, facts) for d in DOCUMENTS}


# What the documents said while sessions lived in the process only; none of it is true now.
STALE = (
    "nur im Arbeitsspeicher", "Nachrichten im Arbeitsspeicher", "Verlauf und Platzhalter-Zuordnung",
    "bei jedem Neustart", "Nach einem Neustart ist nichts", "nie auf die Festplatte",
    "in memory only", "only in the server's memory", "messages in memory", "Messages in memory",
    "at every restart", "after a restart none", "never written to disk",
)  # fmt: skip


def test_the_offline_faq_with_everything_redacted_indicates_no_dpia() -> None:
    result = screening()
    assert not result.likely_required
    assert result.edpb_yes == 1, "new technology only"


def test_an_ai_model_is_on_the_german_authorities_list_even_on_this_machine() -> None:
    local = {"adapter": "openai", "adapters": {"openai": {"model": "llama3.1"}}}
    result = screening(**local)
    assert result.likely_required
    assert [c.id for c in result.reasons] == ["ai_interaction", "innovative"]
    assert result.edpb_yes == 1, "the list item decides alone"


def test_special_categories_passed_through_make_two_edpb_criteria() -> None:
    result = screening(privacy={"special_categories": {"health": "note"}})
    assert result.likely_required
    assert {c.id for c in result.reasons} == {"sensitive_data", "innovative"}
    answers = {c.id: c.answer for c in result.criteria}
    assert answers["special_large_scale"] == "open", "the scale is the operator's to judge"


def test_a_stated_transfer_is_a_further_risk() -> None:
    assert {c.id: c.answer for c in screening(**full_config()).criteria}["third_country"] == "yes"
    assert {c.id: c.answer for c in screening().criteria}["third_country"] == "no"


@pytest.mark.parametrize(
    "value",
    ["*bold* _x_", "a | b", "<script>x</script>", "[link](http://x)", "1. first", "- item",
     "# heading", "&amp; `code`", "back\\slash", "> quote", "line\nbreak", "![img](x)"],
)  # fmt: skip
def test_a_configuration_value_stays_literal_text(value: str) -> None:
    html = parser().render(f"| a |\n| --- |\n| {escape(value)} |\n")
    cell = re.search(r"<td>(.*)</td>", html, re.S)
    assert cell, html
    literal = " ".join(value.split())
    expected = literal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert cell.group(1) == expected.replace('"', "&quot;")


def test_reading_ease_is_measured_on_running_text_only() -> None:
    text = "# Title\n\nOne sentence here\n\n| a | b |\n| --- | --- |\n| cell | cell |\n\n- item\n"
    assert prose(text) == "One sentence here.\nitem."


@pytest.mark.parametrize(
    ("country", "inside"),
    [("Deutschland", True), ("IE", True), ("Norway", True), ("USA", False), ("Schweiz", False)],
)
def test_eu_and_eea_countries_are_recognised(country: str, inside: bool) -> None:
    assert in_eea(country) is inside


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_notice_states_the_same_legal_bases_as_the_documents(lang: str) -> None:
    article = re.compile(r"Art\. 6[^,;]*?(?:lit\. [cf]|\([cf]\))")
    for basis, notice in ((LEGAL_BASIS_PROOF, "proof"), (LEGAL_BASIS_AUDIT, "audit")):
        cited = article.search(basis[lang])
        assert cited, basis[lang]
        assert cited.group(0) in TEXTS[lang][notice], (cited.group(0), TEXTS[lang][notice])


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("handoff", [True, False])
def test_no_document_says_sessions_live_in_memory_only(lang: str, handoff: bool) -> None:
    for slug, text in rendered(lang, handoff={"enabled": handoff}).items():
        for stale in STALE:
            assert stale not in text, (slug, stale)


LIVE = {
    "de": {
        "section": "## Laufende Gespräche\n",
        "place": "- Ort: Tabellen `live_sessions` und `live_lines` in "
        "`klarchat-data/klarchat.sqlite3`. Verlauf (bereinigt) und Zuordnung der Platzhalter "
        "liegen dort verschlüsselt (AES-256-GCM).",
        "period": "- Frist: 15 Minuten nach der letzten Aktivität, spätestens 6 Stunden nach "
        "Beginn des Gesprächs",
        "expiry": "Der Server prüft alle 5 Sekunden und löscht abgelaufene Gespräche ganz.",
        "withdrawal": "Widerruft der Besucher „Chat mit dem KI-Assistenten“, werden Verlauf und "
        "Zuordnung sofort gelöscht.",
        "staff": "Nur solange der Besucher in „Chat mit einem Menschen“ einwilligt",
        "row": "| laufendes Gespräch (verschlüsselt) | 15 Minuten nach der letzten Aktivität, "
        "spätestens 6 Stunden nach Beginn |",
    },
    "en": {
        "section": "## Running conversations\n",
        "place": "- Place: tables `live_sessions` and `live_lines` in "
        "`klarchat-data/klarchat.sqlite3`. The history (cleaned) and the placeholder mapping are "
        "kept there encrypted (AES-256-GCM).",
        "period": "- Time limit: 15 minutes after the last activity, at the latest 6 hours after "
        "the conversation began",
        "expiry": "The server checks every 5 seconds and deletes expired conversations entirely.",
        "withdrawal": "If the visitor withdraws “Chat with the AI assistant”, history and mapping "
        "are deleted at once.",
        "staff": "only while the visitor consents to “Chat with a person”",
        "row": "| running conversation (encrypted) | 15 minutes after the last activity, at the "
        "latest 6 hours after it began |",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_deletion_concept_names_the_encrypted_live_sessions_and_their_periods(
    lang: str,
) -> None:
    docs = rendered(lang, limits={"session_idle_minutes": 15, "resume_hours": 6})
    live = docs["deletion-concept"].split(LIVE[lang]["section"], 1)[1].split("\n## ", 1)[0]
    for fact in ("place", "period", "expiry", "withdrawal", "staff"):
        assert LIVE[lang][fact] in live, fact
    assert "HKDF-SHA256" in live
    assert LIVE[lang]["row"] in docs["record-of-processing"]


TOMS = {
    "de": {
        "database_alone": "Wer nur die Datenbank hat, erfährt also nicht, wer hinter einem "
        "Platzhalter steht, und kann kein laufendes Gespräch lesen.",
        "staff_key": "verschlüsselt mit dem Mitarbeiterschlüssel",
        "consent_ends": "Endet die Einwilligung, wird der abgelegte Schlüssel sofort gelöscht.",
        "no_handoff": "Der Schlüssel eines Gesprächs wird nie für Mitarbeiter abgelegt.",
    },
    "en": {
        "database_alone": "So whoever has only the database cannot learn who is behind a "
        "placeholder, nor read a running conversation.",
        "staff_key": "encrypted with the staff key",
        "consent_ends": "When that consent ends, the kept key is deleted at once.",
        "no_handoff": "the key of a conversation is never kept for staff.",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_toms_describe_the_session_encryption_and_the_staff_key_only_with_a_handoff(
    lang: str,
) -> None:
    on = rendered(lang)["technical-organisational-measures"]
    assert "AES-256-GCM" in on and "HKDF-SHA256" in on
    for fact in ("database_alone", "staff_key", "consent_ends"):
        assert TOMS[lang][fact] in on, fact
    assert TOMS[lang]["no_handoff"] not in on
    off = rendered(lang, handoff={"enabled": False})["technical-organisational-measures"]
    assert TOMS[lang]["database_alone"] in off and TOMS[lang]["no_handoff"] in off
    assert TOMS[lang]["staff_key"] not in off


URL = "postgresql://klarchat:pa55word@db.internal.example:6543/chat?sslmode=require"


def test_the_store_is_a_fact_named_by_its_kind() -> None:
    sqlite = gather(Settings(), "en", date(2026, 1, 1))
    assert sqlite.database.engine == "sqlite" and not sqlite.database.shared
    assert sqlite.database.file == sqlite.files["database"] == "klarchat-data/klarchat.sqlite3"
    postgres = gather(Settings(database_url=URL), "en", date(2026, 1, 1))
    assert postgres.database.engine == "postgresql" and postgres.database.shared
    assert postgres.database.file is None and "database" not in postgres.files
    assert "pa55word" not in repr(postgres)


POSTGRES = {
    "de": {
        "database": "der PostgreSQL-Datenbank (Einstellung `database_url`)",
        "live": "- Ort: Tabellen `live_sessions` und `live_lines` in der PostgreSQL-Datenbank "
        "(Einstellung `database_url`). Verlauf",
        "row": "| PostgreSQL-Datenbank (Einstellung `database_url`) | laufende Gespräche (",
        "bus": "nur Kennungen, nie Text",
    },
    "en": {
        "database": "the PostgreSQL database (setting `database_url`)",
        "live": "- Place: tables `live_sessions` and `live_lines` in the PostgreSQL database "
        "(setting `database_url`). The history",
        "row": "| PostgreSQL database (setting `database_url`) | running conversations (",
        "bus": "only identifiers, never text",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_with_a_database_url_the_place_is_postgresql_and_the_url_is_not_printed(
    lang: str,
) -> None:
    docs = rendered(lang, database_url=URL)
    for slug, text in docs.items():
        for part in ("pa55word", "db.internal", "6543", "postgresql://", "sslmode=require"):
            assert part not in text, (slug, part)
        assert "sqlite" not in text.lower(), slug
    expected = POSTGRES[lang]
    deletion = docs["deletion-concept"]
    assert expected["live"] in deletion
    assert deletion.count(expected["database"]) >= 8, "every table's place"
    assert "VACUUM" in deletion
    toms = docs["technical-organisational-measures"]
    assert expected["row"] in toms
    assert "LISTEN/NOTIFY" in toms and expected["bus"] in toms and "VACUUM" in toms
    encryption = toms.split("## 2.", 1)[1].split("## 3.", 1)[0]
    assert "PostgreSQL" in encryption and encryption.count("✎") == 3, "TLS to PostgreSQL asked"
