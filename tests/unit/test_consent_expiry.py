"""Consent expires `consent.max_age_days` after it was given, measured with an injected
clock: no test waits, and the boundary is exact to the second."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from klarchat.clock import Clock, iso_ms, parse_iso
from klarchat.consent.expiry import expired_purposes, is_expired
from klarchat.consent.state import Action, ConsentState, PurposeConsent
from klarchat.services import Services
from tests.support.chat_client import ai_done
from tests.support.harness import DAY_S, Connection, ShiftedClock, make_services

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
YEAR = timedelta(days=365)


def given_at(moment: datetime) -> PurposeConsent:
    return PurposeConsent().apply(Action.GIVEN, "v1", iso_ms(moment))


def test_consent_expires_one_second_after_its_maximum_age() -> None:
    consent = given_at(T0)
    assert not is_expired(consent, T0 + YEAR, YEAR)
    assert is_expired(consent, T0 + YEAR + timedelta(seconds=1), YEAR)


def test_only_given_consent_expires() -> None:
    later = T0 + 2 * YEAR
    declined = PurposeConsent().apply(Action.DECLINED, "v1", iso_ms(T0))
    withdrawn = given_at(T0).apply(Action.WITHDRAWN, "v1", iso_ms(T0))
    expired = given_at(T0).apply(Action.EXPIRED, "v1", iso_ms(T0))
    assert expired.state is ConsentState.EXPIRED
    consent = {"ai_chat": given_at(T0), "transcript": declined, "a": withdrawn, "b": expired}
    assert expired_purposes(consent, later, YEAR) == ["ai_chat"]
    assert (
        expired_purposes({"ai_chat": PurposeConsent(ConsentState.GIVEN, "v1")}, later, YEAR) == []
    )


def test_giving_again_restarts_the_count() -> None:
    renewed = given_at(T0).apply(Action.GIVEN, "v1", iso_ms(T0 + YEAR))
    assert not is_expired(renewed, T0 + YEAR + timedelta(days=1), YEAR)


def test_the_clock_is_shifted_by_its_offset() -> None:
    shift = [0.0]
    clock = Clock(lambda: shift[0])
    before = clock.now()
    shift[0] = DAY_S
    assert timedelta(hours=23, minutes=59) < clock.now() - before < timedelta(hours=24, minutes=1)
    assert parse_iso(clock.now_ms()) - clock.now() < timedelta(seconds=1)


@pytest.fixture
async def clocked(tmp_path: Path) -> AsyncIterator[tuple[Services, ShiftedClock]]:
    clock = ShiftedClock()
    services = await make_services(tmp_path, clock)
    yield services, clock
    await services.store.close()


async def actions(services: Services, subject: str) -> list[tuple[str, str]]:
    return [(row.purpose, row.action) for row in await services.store.consent_events_of(subject)]


async def test_expired_consent_is_recorded_and_must_be_given_again(
    clocked: tuple[Services, ShiftedClock],
) -> None:
    services, clock = clocked
    max_age = services.settings.consent.max_age_days * DAY_S
    assert max_age == 365 * DAY_S  # the default
    chat = Connection(services)
    welcome = await chat.hello()
    given = await chat.consent(ai_chat=True, transcript=True)
    assert given["persist"] is True
    subject = given["receipt"]["subject"]
    t0 = parse_iso(given["at"])
    assert (await chat.ask("hello", "m1"))[-1]["type"] == "done"

    clock.offset = max_age - 1
    assert (await chat.ask("still fine", "m2"))[-1]["type"] == "done"
    assert await actions(services, subject) == [("ai_chat", "given"), ("transcript", "given")]

    conversation = services.identities.conversation(welcome["session"])
    assert len(await services.store.messages(conversation)) == 4

    clock.offset = max_age + 1
    recorded, refused = await chat.ask("too late", "m3")
    assert recorded["type"] == "consent_recorded"
    assert [(e["purpose"], e["action"]) for e in recorded["events"]] == [
        ("ai_chat", "expired"),
        ("transcript", "expired"),
    ]
    assert parse_iso(recorded["events"][0]["at"]) - t0 >= timedelta(days=365, seconds=1)
    assert recorded["consent"]["ai_chat"] == {"state": "expired", "current": False}
    assert recorded["persist"] is False
    assert recorded["receipt"]["events"][0]["action"] == "expired"
    assert refused == {
        "type": "consent_required",
        "id": "m3",
        "purposes": ["ai_chat"],
        "policy_version": welcome["policy_version"],
    }
    # Expired storage consent is no basis for keeping the transcript.
    assert await services.store.messages(conversation) == []

    renewed = await chat.consent(ai_chat=True)
    assert renewed["consent"]["ai_chat"] == {"state": "given", "current": True}
    assert renewed["persist"] is False
    frames = await chat.ask("welcome back", "m4")
    assert frames[-1] == ai_done("m4", "complete", chat.welcome)
    assert await actions(services, subject) == [
        ("ai_chat", "given"),
        ("transcript", "given"),
        ("ai_chat", "expired"),
        ("transcript", "expired"),
        ("ai_chat", "given"),
    ]
    assert (await services.ledger.verify()).ok
    await chat.close()


async def test_expiry_is_checked_when_a_session_resumes(tmp_path: Path) -> None:
    clock = ShiftedClock()
    services = await make_services(
        tmp_path,
        clock,
        consent={"max_age_days": 1},
        limits={"session_idle_minutes": 3 * 24 * 60, "resume_hours": 72},
    )
    first = Connection(services)
    welcome = await first.hello()
    await first.consent(ai_chat=True)
    await first.close()

    clock.offset = DAY_S + 1
    again = Connection(services)
    resumed = await again.hello(resume=welcome["session"])
    assert resumed["resumed"] is True
    assert resumed["consent"]["ai_chat"] == {"state": "expired", "current": False}
    recorded = await again.expect("consent_recorded")
    assert [(e["purpose"], e["action"]) for e in recorded["events"]] == [("ai_chat", "expired")]
    assert (await again.ask("hi", "m1"))[-1]["type"] == "consent_required"
    await again.close()
    await services.store.close()
