"""The operator console's API against a real server: accounts from the real CLI, logins,
CSRF, lockout, session expiry, the handoff from the AI to a person and back, two claims at
once, nobody online, reveals on the record and in the visitor's export."""

from __future__ import annotations

import asyncio
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.chat_client import ChatClient
from tests.support.fake_provider import FakeProvider
from tests.support.operators import PASSWORD, OperatorClient, create_user, operator
from tests.support.server import RunningServer, klarchat_command, make_server

CONTACT = {
    "email": "hilfe@shop.example",
    "phone": "+49 30 1234567",
    "url": "https://shop.example/kontakt",
}


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, provider: FakeProvider
) -> Iterator[RunningServer]:
    running = make_server(
        tmp_path_factory.mktemp("console"),
        {
            "adapter": "openai",
            "adapters": {
                "openai": {"base_url": provider.base_url, "model": "m", "api_key": "sk-test"}
            },
            "consent": {
                "purposes": {
                    "ai_chat": {
                        "required": True,
                        "title": {"de": "Chat", "en": "Chat"},
                        "text": {"de": "Ich willige ein.", "en": "I agree."},
                        "recipients": [
                            {"name": "Stand-in", "role": "Auftragsverarbeiter", "country": "DE"}
                        ],
                    },
                    "transcript": {
                        "title": {"de": "Speichern", "en": "Keep"},
                        "text": {"de": "Speichern ist freiwillig.", "en": "Keeping is optional."},
                    },
                    "human_support": {
                        "ask": "handoff",
                        "title": {"de": "Mensch", "en": "Person"},
                        "text": {"de": "Eine Mitarbeiterin liest mit.", "en": "Staff read along."},
                    },
                }
            },
            "handoff": {"contact": CONTACT},
            "operator": {"max_failed_logins": 3, "lockout_seconds": 30},
        },
    )
    running.start()
    for name, role, display in (
        ("anna", "operator", "Anna"),
        ("ben", "operator", "Ben"),
        ("lotte", "operator", "Lotte"),
    ):
        made = create_user(running, name, role=role, display_name=display)
        assert made.returncode == 0, made.stderr
    yield running
    running.stop()


async def visitor(server: RunningServer, **consent: bool) -> ChatClient:
    chat = await ChatClient.open(server.ws_url)
    await chat.hello("de")
    await chat.consent(**(consent or {"ai_chat": True}))
    return chat


async def waiting_visitor(server: RunningServer) -> ChatClient:
    """A visitor who asked for a person and agreed that one reads along."""
    chat = await visitor(server)
    await chat.send({"type": "handoff", "action": "request"})
    assert (await chat.expect("handoff"))["state"] == "consent"
    await chat.consent(human_support=True)
    waiting = await chat.expect("handoff")
    assert waiting["state"] == "waiting"
    assert waiting["available"] is True
    return chat


async def conversation_id(op: OperatorClient, state: str) -> str:
    """The newest conversation in `state` (earlier tests' visitors are still held)."""
    listed = (await op.get("/admin/api/conversations")).json()["conversations"]
    ids = [c["id"] for c in sorted(listed, key=lambda c: c["started_at"]) if c["state"] == state]
    assert ids, listed
    return ids[-1]


def test_create_user_refuses_a_short_password_and_a_taken_name(server: RunningServer) -> None:
    short = create_user(server, "dora", password="kurz")
    assert short.returncode == 2
    assert "at least 12 characters" in short.stderr
    taken = create_user(server, "anna")
    assert taken.returncode == 2
    assert "exists already" in taken.stderr


def test_the_database_keeps_only_an_argon2_hash(server: RunningServer) -> None:
    data = server.database.read_bytes() + Path(f"{server.database}-wal").read_bytes()
    assert PASSWORD.encode() not in data
    assert b"$argon2id$" in data


async def test_wrong_password_then_lockout_with_retry_after(server: RunningServer) -> None:
    async with httpx.AsyncClient(base_url=server.origin) as http:
        for _ in range(3):
            wrong = await http.post(
                "/admin/api/login", json={"username": "lotte", "password": "nope"}
            )
            assert wrong.status_code == 401
            assert wrong.json()["error"] == "wrong_login"
        locked = await http.post(
            "/admin/api/login", json={"username": "lotte", "password": PASSWORD}
        )
        assert locked.status_code == 429
        assert int(locked.headers["retry-after"]) > 0
        assert "klarchat_admin" not in http.cookies


async def test_the_session_cookie_is_httponly_and_strict(server: RunningServer) -> None:
    async with httpx.AsyncClient(base_url=server.origin) as http:
        response = await http.post(
            "/admin/api/login", json={"username": "anna", "password": PASSWORD}
        )
        cookie = response.headers["set-cookie"].lower()
        assert "klarchat_admin=" in cookie
        assert "httponly" in cookie
        assert "samesite=strict" in cookie
        assert "path=/admin" in cookie


async def test_a_change_without_the_csrf_token_or_from_another_origin_is_refused(
    server: RunningServer,
) -> None:
    async with operator(server, "anna") as op:
        bare = await op.http.post("/admin/api/me/availability", json={"available": True})
        assert bare.status_code == 403
        assert bare.json()["error"] == "csrf"
        wrong = await op.http.post(
            "/admin/api/me/availability",
            json={"available": True},
            headers={"X-CSRF-Token": "x" * 43},
        )
        assert wrong.status_code == 403
        foreign = await op.http.post(
            "/admin/api/me/availability",
            json={"available": True},
            headers={"X-CSRF-Token": op.csrf, "Origin": "https://evil.example"},
        )
        assert foreign.status_code == 403
        assert (await op.get("/admin/api/me")).json()["available"] is False
        ok = await op.post("/admin/api/me/availability", {"available": False})
        assert ok.status_code == 200


async def test_without_login_the_api_answers_401(server: RunningServer) -> None:
    async with httpx.AsyncClient(base_url=server.origin) as http:
        assert (await http.get("/admin/api/conversations")).status_code == 401


async def test_nobody_online_offers_the_contact_channels_at_once(server: RunningServer) -> None:
    chat = await visitor(server)
    await chat.send({"type": "handoff", "action": "request"})
    frame = await chat.expect("handoff")
    assert frame == {
        "type": "handoff",
        "state": "unavailable",
        "reason": "nobody_online",
        "contact": CONTACT,
    }
    await chat.close()


async def test_declining_human_support_is_recorded_and_offers_the_channels(
    server: RunningServer,
) -> None:
    async with operator(server, "anna") as op:
        await op.available()
        chat = await visitor(server)
        await chat.send({"type": "handoff", "action": "request"})
        assert (await chat.expect("handoff"))["state"] == "consent"
        recorded = await chat.consent(human_support=False)
        assert [e["action"] for e in recorded["events"]] == ["declined"]
        frame = await chat.expect("handoff")
        assert frame["state"] == "unavailable"
        assert frame["reason"] == "declined"
        await chat.close()


async def test_takeover_and_handback(server: RunningServer, provider: FakeProvider) -> None:
    async with operator(server, "anna") as op:
        await op.available()
        chat = await waiting_visitor(server)
        cid = await conversation_id(op, "waiting")
        assert (await op.wait_for_event("conversation"))["id"]

        asked = len(provider.requests)
        claimed = await op.post(f"/admin/api/conversations/{cid}/claim")
        assert claimed.status_code == 200, claimed.text
        frame = await chat.expect("handoff")
        assert frame == {
            "type": "handoff",
            "state": "human",
            "operator": "Anna",
            "team": "Kundenservice",
        }

        frames = await chat.ask("Ich bin Erika Mustermann und warte auf mein Paket.", "v1")
        assert frames[0]["type"] == "redacted"
        assert frames[-1] == {
            "type": "done",
            "id": "v1",
            "ai": False,
            "author": {"kind": "person", "name": "Anna"},
            "outcome": "handoff",
        }
        seen = (await op.get(f"/admin/api/conversations/{cid}")).json()
        texts = [line["text"] for line in seen["transcript"]]
        assert any("<PERSON_1>" in t for t in texts), texts
        assert not any("Mustermann" in t for t in texts)

        said = await op.post(
            f"/admin/api/conversations/{cid}/messages", {"text": "Hallo <PERSON_1>, ich sehe nach."}
        )
        assert said.status_code == 200
        message = await chat.expect("person_message")
        assert message["text"] == "Hallo Erika Mustermann, ich sehe nach."
        assert message["author"] == {"kind": "person", "name": "Anna"}
        assert len(provider.requests) == asked, "the provider was asked while a person answered"

        released = await op.post(f"/admin/api/conversations/{cid}/release")
        assert released.status_code == 200
        assert await chat.expect("handoff") == {
            "type": "handoff",
            "state": "ai",
            "reason": "released",
        }
        frames = await chat.ask("Und jetzt?", "v2")
        assert frames[-1]["type"] == "done"
        assert frames[-1]["ai"] is True
        assert len(provider.requests) == asked + 1
        history = json.dumps(provider.requests[-1])
        assert "ich sehe nach" in history and "Mustermann" not in history
        await chat.close()


async def test_a_streaming_ai_answer_is_cancelled_when_a_person_takes_over(
    server: RunningServer, provider: FakeProvider
) -> None:
    provider.reply_text = "Eine lange Antwort " * 40
    provider.delay_s = 0.05
    async with operator(server, "anna") as op:
        await op.available()
        chat = await waiting_visitor(server)
        await chat.send({"type": "handoff", "action": "cancel"})
        assert (await chat.expect("handoff"))["state"] == "ai"
        await chat.send({"type": "message", "id": "long", "text": "Erzähl mir etwas."})
        await chat.expect("redacted")
        await chat.expect("delta")
        cid = await conversation_id(op, "ai")
        assert (await op.post(f"/admin/api/conversations/{cid}/claim")).status_code == 200
        frames: list[dict] = []
        while {"handoff", "done"} - {f["type"] for f in frames}:
            frame = await chat.recv()
            if frame["type"] != "delta":
                frames.append(frame)
        assert [f["type"] for f in frames] == ["done", "handoff"]
        assert frames[0]["outcome"] == "cancelled"
        assert frames[1]["state"] == "human"
        await chat.close()


async def test_two_operators_claiming_at_once_exactly_one_wins(server: RunningServer) -> None:
    async with operator(server, "anna") as anna, operator(server, "ben") as ben:
        await anna.available()
        chat = await waiting_visitor(server)
        cid = await conversation_id(anna, "waiting")
        first, second = await asyncio.gather(
            anna.post(f"/admin/api/conversations/{cid}/claim"),
            ben.post(f"/admin/api/conversations/{cid}/claim"),
        )
        assert sorted([first.status_code, second.status_code]) == [200, 409]
        loser = first if first.status_code == 409 else second
        assert loser.json()["error"] == "already_claimed"
        assert (await chat.expect("handoff"))["state"] == "human"
        await chat.close()


async def test_no_claim_and_no_reading_without_human_support_consent(server: RunningServer) -> None:
    async with operator(server, "anna") as op:
        chat = await visitor(server)
        await chat.ask("Hallo", "m1")
        cid = await conversation_id(op, "ai")
        refused = await op.post(f"/admin/api/conversations/{cid}/claim")
        assert refused.status_code == 403
        assert refused.json()["error"] == "no_consent"
        assert (await op.get(f"/admin/api/conversations/{cid}")).status_code == 403
        await chat.close()


async def test_a_phrase_asks_for_a_person(server: RunningServer, provider: FakeProvider) -> None:
    async with operator(server, "anna") as op:
        await op.available()
        chat = await visitor(server)
        asked = len(provider.requests)
        frames = await chat.ask("Ich möchte bitte mit einem echten Menschen sprechen", "p1")
        assert frames[-1]["outcome"] == "handoff"
        assert (await chat.expect("handoff"))["state"] == "consent"
        assert len(provider.requests) == asked
        await chat.close()


async def test_closing_ends_the_chat_for_the_visitor(server: RunningServer) -> None:
    async with operator(server, "anna") as op:
        await op.available()
        chat = await waiting_visitor(server)
        cid = await conversation_id(op, "waiting")
        assert (await op.post(f"/admin/api/conversations/{cid}/claim")).status_code == 200
        await chat.expect("handoff")
        assert (await op.post(f"/admin/api/conversations/{cid}/close")).status_code == 200
        assert (await chat.expect("handoff"))["state"] == "closed"
        frames = await chat.ask("Hallo?", "late")
        assert frames[-1]["type"] == "error"
        assert frames[-1]["code"] == "closed"
        await chat.close()


async def test_withdrawing_human_support_hands_back_to_the_ai(server: RunningServer) -> None:
    async with operator(server, "anna") as op:
        await op.available()
        chat = await waiting_visitor(server)
        cid = await conversation_id(op, "waiting")
        assert (await op.post(f"/admin/api/conversations/{cid}/claim")).status_code == 200
        await chat.expect("handoff")
        await chat.send({"type": "withdraw", "purposes": ["human_support"]})
        assert await chat.expect("handoff") == {
            "type": "handoff",
            "state": "ai",
            "reason": "released",
        }
        await chat.expect("consent_recorded")
        assert (await op.get(f"/admin/api/conversations/{cid}")).status_code == 403
        await chat.close()


async def test_a_reveal_needs_a_reason_and_is_on_the_record_and_in_the_export(
    server: RunningServer,
) -> None:
    async with operator(server, "anna") as op:
        await op.available()
        chat = await waiting_visitor(server)
        await chat.ask("Meine E-Mail ist erika.m@example.org", "e1")
        cid = await conversation_id(op, "waiting")
        seen = (await op.get(f"/admin/api/conversations/{cid}")).json()
        assert {"placeholder": "<EMAIL_ADDRESS_1>", "entity_type": "EMAIL_ADDRESS"} in seen[
            "placeholders"
        ]
        path = f"/admin/api/conversations/{cid}/reveal"
        refused = await op.post(path, {"placeholder": "<EMAIL_ADDRESS_1>", "reason": ""})
        assert refused.status_code == 400
        assert refused.json()["error"] == "reason_required"
        reason = "Kundin bittet um Rückruf per E-Mail"
        revealed = await op.post(path, {"placeholder": "<EMAIL_ADDRESS_1>", "reason": reason})
        assert revealed.json() == {
            "placeholder": "<EMAIL_ADDRESS_1>",
            "entity_type": "EMAIL_ADDRESS",
            "value": "erika.m@example.org",
        }
        token = chat.welcome["session"]
        await chat.close()

    exported = subprocess.run(
        [*klarchat_command(), "--config", str(server.config), "export", f"--token={token}"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=server.workdir,
    )
    assert exported.returncode == 0, exported.stderr
    viewed = json.loads(exported.stdout)["viewed_by"]
    assert {
        "operator": "Anna",
        "action": "reveal",
        "entity_type": "EMAIL_ADDRESS",
        "reason": reason,
    }.items() <= next(v for v in viewed if v["action"] == "reveal").items()
    assert any(v["action"] == "view" for v in viewed)
    assert "erika.m@example.org" not in exported.stdout

    verified = subprocess.run(
        [*klarchat_command(), "--config", str(server.config), "ledger", "verify"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=server.workdir,
    )
    assert verified.returncode == 0, verified.stderr
    assert "oversight log OK" in verified.stdout


async def test_sessions_expire_after_idle_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shift = tmp_path / "clock"
    monkeypatch.setenv("KLARCHAT_TESTING_CLOCK_FILE", str(shift))
    running = make_server(tmp_path / "expiry", {"operator": {"session_idle_minutes": 5}})
    running.start()
    try:
        assert create_user(running, "anna").returncode == 0
        async with operator(running, "anna") as op:
            assert (await op.get("/admin/api/me")).status_code == 200
            shift.write_text("301")
            expired = await op.get("/admin/api/me")
            assert expired.status_code == 401
            assert expired.json()["error"] == "login_required"
    finally:
        running.stop()


async def test_a_deleted_account_is_logged_out_at_once(server: RunningServer) -> None:
    assert create_user(server, "tim", display_name="Tim").returncode == 0
    async with operator(server, "tim") as op:
        assert (await op.get("/admin/api/me")).status_code == 200
        deleted = subprocess.run(
            [*klarchat_command(), "--config", str(server.config), "admin", "delete-user", "tim"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=server.workdir,
        )
        assert deleted.returncode == 0, deleted.stderr
        assert (await op.get("/admin/api/me")).status_code == 401
        assert (await op.login("tim")).status_code == 401
