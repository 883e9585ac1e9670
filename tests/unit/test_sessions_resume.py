"""Sessions in the database: a token resumes while the session is not idle, and never
longer than `limits.resume_hours` after it began, on any instance and after a restart;
what the database holds of a session opens only with the visitor's token; `persist`
follows `transcript`."""

from __future__ import annotations

from pathlib import Path

import pytest

from klarchat.conversation.session_expiry import end_expired
from klarchat.session_keys import SealBroken, session_key, unseal
from tests.support.harness import Connection, ShiftedClock, make_services

HOUR = 3600.0


async def test_an_idle_session_no_longer_resumes_and_is_ended_once(tmp_path: Path) -> None:
    clock = ShiftedClock()
    services = await make_services(tmp_path, clock, limits={"session_idle_minutes": 30})
    first = Connection(services)
    token = (await first.hello())["session"]
    await first.close()

    clock.offset = 29 * 60
    assert await services.sessions.resume(token) is not None
    clock.offset += 31 * 60
    assert await services.sessions.resume(token) is None
    assert await end_expired(services) == 1
    assert await end_expired(services) == 0
    assert await services.sessions.for_staff(services.identities.conversation(token)) is None
    await services.stop()


async def test_an_active_session_stops_resuming_after_the_resume_window(tmp_path: Path) -> None:
    clock = ShiftedClock()
    services = await make_services(
        tmp_path, clock, limits={"session_idle_minutes": 30, "resume_hours": 24}
    )
    chat = Connection(services)
    token = (await chat.hello())["session"]
    for _ in range(24 * 3 - 1):  # active every 20 minutes for almost 24 hours
        clock.offset += 20 * 60
        chat.send({"type": "ping"})
        await chat.expect("pong")
    await chat.close()
    assert await services.sessions.resume(token) is not None
    clock.offset += 40 * 60
    assert await services.sessions.resume(token) is None
    await services.stop()


async def test_a_restarted_server_resumes_with_the_same_pseudonyms(tmp_path: Path) -> None:
    services = await make_services(tmp_path, ShiftedClock())
    chat = Connection(services)
    token = (await chat.hello())["session"]
    await chat.consent(ai_chat=True)
    session = chat.connection.session
    assert session is not None
    placeholder = session.vault.placeholder_for("PERSON", "Anna Kowalski")
    assert await services.sessions.save_vault(session)
    await chat.close()
    await services.stop()

    again = await make_services(tmp_path, ShiftedClock())
    resumed = await again.sessions.resume(token)
    assert resumed is not None
    assert resumed.vault.original(placeholder) == "Anna Kowalski"
    assert resumed.consent_for("ai_chat").state.value == "given"  # read from the ledger
    await again.stop()


async def test_the_database_alone_opens_no_session(tmp_path: Path) -> None:
    services = await make_services(tmp_path, ShiftedClock())
    chat = Connection(services)
    token = (await chat.hello())["session"]
    session = chat.connection.session
    assert session is not None
    session.vault.placeholder_for("PERSON", "Anna Kowalski")
    assert await services.sessions.save_vault(session)
    await services.sessions.add_line(session, "visitor", "", "Ich bin <PERSON_1>")
    await chat.close()

    conversation = services.identities.conversation(token)
    row = await services.store.live_session(conversation)
    assert row is not None and row.staff_key is None
    lines = await services.store.lines(conversation)
    for sealed in (row.vault, *(line.sealed for line in lines)):
        assert b"Anna" not in sealed and b"PERSON" not in sealed
    other = session_key("another-token-of-the-same-length-1234567890", conversation)
    with pytest.raises(SealBroken):
        unseal(other, row.vault, conversation, "vault")
    assert b"Kowalski" in unseal(session_key(token, conversation), row.vault, conversation, "vault")
    await services.stop()


async def test_persist_only_while_transcript_consent_is_active(tmp_path: Path) -> None:
    services = await make_services(tmp_path, ShiftedClock())
    chat = Connection(services)
    assert (await chat.hello())["persist"] is False
    assert (await chat.consent(ai_chat=True, transcript=False))["persist"] is False
    assert (await chat.consent(ai_chat=True, transcript=True))["persist"] is True
    token = chat.welcome["session"]
    await chat.close()

    again = Connection(services)
    resumed = await again.hello(resume=token)
    assert resumed["resumed"] is True and resumed["persist"] is True
    again.send({"type": "withdraw", "purposes": ["transcript"]})
    assert (await again.expect("consent_recorded"))["persist"] is False
    await again.close()
    await services.stop()


async def test_a_connection_still_open_goes_on_after_its_session_was_ended(
    tmp_path: Path,
) -> None:
    clock = ShiftedClock()
    services = await make_services(tmp_path, clock, limits={"session_idle_minutes": 30})
    chat = Connection(services)
    token = (await chat.hello())["session"]
    await chat.consent(ai_chat=True)
    assert (await chat.ask("erste Frage", "m1"))[-1]["type"] == "done"
    clock.offset = 31 * 60
    assert await end_expired(services) == 1  # the leader saw no activity for 31 minutes
    frames = await chat.ask("zweite Frage", "m2")
    assert frames[-1]["type"] == "done", frames
    assert frames[0]["seq"] == 3  # the numbering goes on
    assert await services.sessions.resume(token) is not None  # written back
    await chat.close()
    await services.stop()
