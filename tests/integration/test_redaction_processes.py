"""Redaction in worker processes (`privacy.redaction_processes`) gives what the thread
gives: the same placeholders across a conversation, later mentions of a name, nothing
personal reaching the provider; several visitors are served at once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest

from tests.support.chat_client import ChatClient
from tests.support.configs import with_provider
from tests.support.fake_provider import FakeProvider
from tests.support.server import RunningServer, make_server


@pytest.fixture(scope="module")
def pooled(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider
) -> Iterator[RunningServer]:
    server = make_server(
        tmp_path_factory.mktemp("pool"),
        with_provider(provider, privacy={"redaction_processes": 2}),
    ).start()
    yield server
    server.stop()


PEOPLE = [
    ("Erika", "Mustermann", "Frau"),
    ("Jonas", "Becker", "Herr"),
    ("Leonie", "Schäfer", "Frau"),
    ("Murat", "Yılmaz", "Herr"),
]


async def converse(server: RunningServer, n: int) -> list[dict]:
    first_name, surname, title = PEOPLE[n]
    chat = await ChatClient.open(server.ws_url)
    await chat.hello("de")
    await chat.consent(ai_chat=True)
    first = await chat.ask(
        f"Ich bin {first_name} {surname}, {first_name.lower()}@example.org, Tel. 0171 234567{n}",
        "a",
    )
    second = await chat.ask(f"{title} {surname} wartet noch auf das Paket.", "b")
    await chat.close()
    return [first[0], second[0]]


async def test_worker_processes_redact_consistently(
    pooled: RunningServer, provider: FakeProvider
) -> None:
    before = len(provider.requests)
    results = await asyncio.gather(*(converse(pooled, n) for n in range(len(PEOPLE))))
    for first, second in results:
        assert first["type"] == "redacted"
        assert first["entities"] == {"PERSON": 1, "EMAIL_ADDRESS": 1, "PHONE_NUMBER": 1}
        assert second["entities"] == {"PERSON": 1}
    sent = json.dumps(provider.requests[before:])
    assert not [surname for _, surname, _ in PEOPLE if surname in sent]
    assert "example.org" not in sent
    assert sent.count("<PERSON_1>") >= 8, "the later mention shares the first placeholder"
    assert "Traceback" not in pooled.logs()
