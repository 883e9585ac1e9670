"""Personal data must not reach the provider, the database file or the logs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.integration.conftest import database_bytes
from tests.support.chat_client import ChatClient, answer_text
from tests.support.fake_provider import FakeProvider
from tests.support.server import make_server

MESSAGES = {
    "de": (
        "Guten Tag, mein Name ist Katharina Weißenberger. Meine Bestellung ist nicht angekommen. "
        "Sie erreichen mich unter katharina.weissenberger@posteo.de oder 0171 4567890. "
        "Meine Adresse: Lindenstraße 27, 50674 Köln. Bitte erstatten Sie den Betrag auf "
        "DE89 3704 0044 0532 0130 00."
    ),
    "en": (
        "Hi, this is Jonathan Whitfield. I moved to 42 Elmwood Avenue, Springfield, IL 62704 "
        "last week. Please call me on +44 20 7946 0958 or write to j.whitfield@fastmail.com, "
        "and refund to GB82 WEST 1234 5698 7654 32."
    ),
}
VALUES = {
    "de": [
        "Katharina",
        "Weißenberger",
        "katharina.weissenberger@posteo.de",
        "0171 4567890",
        "4567890",
        "Lindenstraße 27",
        "DE89 3704 0044 0532 0130 00",
        "370400440532013000",
    ],
    "en": [
        "Jonathan",
        "Whitfield",
        "42 Elmwood Avenue",
        "+44 20 7946 0958",
        "7946 0958",
        "j.whitfield@fastmail.com",
        "GB82 WEST 1234 5698 7654 32",
        "GB82WEST12345698765432",
    ],
}


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_personal_data_stays_on_the_visitors_side(tmp_path: Path, lang: str) -> None:
    with FakeProvider() as provider:
        provider.reply_text = "Danke <PERSON_1>, wir melden uns unter <EMAIL_ADDRESS_1>."
        provider.chunk_chars = 3
        server = make_server(
            tmp_path,
            {
                "adapter": "openai",
                "log_level": "debug",
                "access_log": True,
                "adapters": {"openai": {"base_url": provider.base_url, "model": "m"}},
            },
        ).start()
        try:
            chat = await ChatClient.open(server.ws_url, origin=server.origin)
            await chat.hello(lang)
            await chat.consent(ai_chat=True, transcript=True)
            frames = await chat.ask(MESSAGES[lang], "pii")
            await chat.close()
        finally:
            server.stop()

        redacted = frames[0]
        assert redacted["type"] == "redacted"
        for entity in ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "LOCATION"):
            assert redacted["entities"].get(entity, 0) >= 1, (entity, redacted)
        shown = answer_text(frames)
        assert "<PERSON_1>" not in shown and "<EMAIL_ADDRESS_1>" not in shown

        stored = sqlite3.connect(server.database).execute("SELECT text FROM messages").fetchall()
        assert len(stored) == 2, (
            "the transcript was stored (redacted), else this test proves nothing"
        )
        assert "<PERSON_1>" in stored[0][0]

        bodies = b"\n".join(provider.raw_bodies)
        assert len(provider.requests) == 1
        on_disk = database_bytes(server)
        logs = server.logs()
        assert "WebSocket /ws" in logs, "debug logging was on, else the log check proves nothing"
        for value in VALUES[lang]:
            encoded = value.encode("utf-8")
            assert encoded not in bodies, f"{value!r} reached the provider"
            assert value.encode("unicode_escape") not in bodies
            assert encoded not in on_disk, f"{value!r} is in the database file"
            assert value not in logs, f"{value!r} is in the logs"
