"""Resume windows: a token resumes while the session is not idle, and never longer than
`limits.resume_hours` after the session was created; `persist` follows `transcript`."""

from __future__ import annotations

from pathlib import Path

from klarchat.sessions import Session, SessionRegistry
from tests.support.harness import Connection, ShiftedClock, make_services

HOUR = 3600.0


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def session(subject: str) -> Session:
    return Session(token="t" * 43, subject=subject, conversation_id="c", lang="de", consent={})


def test_an_idle_session_no_longer_resumes() -> None:
    ticks = Ticks()
    registry = SessionRegistry(30 * 60, ticks, resume_seconds=24 * HOUR)
    registry.add(session("a"))
    ticks.now += 29 * 60
    assert registry.resume("a") is not None
    ticks.now += 31 * 60
    assert registry.resume("a") is None
    assert [s.subject for s in registry.take_ended()] == ["a"]
    assert registry.take_ended() == []


def test_a_conversation_is_found_by_its_id_until_its_session_is_idle() -> None:
    ticks = Ticks()
    registry = SessionRegistry(30 * 60, ticks)
    registry.add(session("a"))
    found = registry.by_conversation("c")
    assert found is not None and found.subject == "a"
    assert registry.by_conversation("other") is None
    ticks.now += 31 * 60
    assert registry.by_conversation("c") is None
    assert [s.subject for s in registry.take_ended()] == ["a"]
    assert len(registry) == 0


def test_an_active_session_stops_resuming_after_the_resume_window() -> None:
    ticks = Ticks()
    registry = SessionRegistry(30 * 60, ticks, resume_seconds=24 * HOUR)
    kept = session("a")
    registry.add(kept)
    kept.history.append("x")  # type: ignore[arg-type]
    for _ in range(24 * 3):  # active every 20 minutes for 24 hours
        ticks.now += 20 * 60
        registry.touch(kept)
    assert registry.resume("a") is kept
    ticks.now += 20 * 60
    assert registry.resume("a") is None
    assert kept.history == []  # forgotten, not only refused
    assert registry.get("a") is None
    assert registry.take_ended() == [kept]


def test_close_ends_every_session() -> None:
    registry = SessionRegistry(60, Ticks())
    registry.add(session("a"))
    registry.add(session("b"))
    assert sorted(s.subject for s in registry.close()) == ["a", "b"]
    assert len(registry) == 0


async def test_resume_hours_refuse_a_token_of_a_kept_session(tmp_path: Path) -> None:
    clock = ShiftedClock()
    services = await make_services(
        tmp_path, clock, limits={"session_idle_minutes": 48 * 60, "resume_hours": 24}
    )
    first = Connection(services)
    token = (await first.hello())["session"]
    await first.close()

    clock.offset = 23 * HOUR
    again = Connection(services)
    assert (await again.hello(resume=token))["resumed"] is True
    await again.close()

    clock.offset = 24 * HOUR + 1
    late = Connection(services)
    welcome = await late.hello(resume=token)
    assert welcome["resumed"] is False
    assert welcome["session"] != token
    await late.close()
    await services.store.close()


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
    await services.store.close()
