"""Consent expiry, resume windows, `persist` and consent metrics through the real server.

Time is moved with the test-only `KLARCHAT_TESTING_CLOCK_FILE`: the server adds the
number of seconds in that file to every clock it reads, so a test jumps a day ahead by
writing to the file, without restarting the server or sleeping.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest

from klarchat.clock import TESTING_CLOCK_ENV
from klarchat.config import load_settings
from klarchat.consent.variants import Variants
from klarchat.identity import Identities, load_or_create_secret
from tests.support.chat_client import ChatClient
from tests.support.server import RunningServer, klarchat_command, make_server

HOUR = 3600
DAY = 24 * HOUR


class ClockedServer:
    """A running server and the file that sets how far its clock is shifted."""

    def __init__(self, workdir: Path, config: dict[str, Any]) -> None:
        self.clock_file = workdir / "clock-offset-seconds"
        self.clock_file.write_text("0", encoding="ascii")
        self.server = make_server(workdir, {"adapter": "echo", **config})

    def start(self) -> ClockedServer:
        with patch.dict(os.environ, {TESTING_CLOCK_ENV: str(self.clock_file)}):
            self.server.start()
        return self

    def shift(self, seconds: float) -> None:
        self.clock_file.write_text(str(seconds), encoding="ascii")

    async def client(self) -> ChatClient:
        return await ChatClient.open(self.server.ws_url)


async def left_counted(server: RunningServer, left: int) -> list[dict[str, Any]]:
    """The metrics rows once the session-expiry job has counted `left` sessions as left."""
    for _ in range(60):
        result = cli(server, "metrics", "--json")
        assert result.returncode == 0, result.stderr
        rows: list[dict[str, Any]] = json.loads(result.stdout)["metrics"]
        if sum(row["left_undecided"] for row in rows) >= left:
            return rows
        await asyncio.sleep(0.5)
    raise AssertionError(f"fewer than {left} sessions counted as left: {rows}")


def cli(server: RunningServer, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*klarchat_command(), *args, "--data-dir", str(server.data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=server.workdir,
    )


def ledger_rows(server: RunningServer, subject: str) -> list[tuple[str, str, str | None]]:
    db = sqlite3.connect(server.database)
    try:
        return db.execute(
            "SELECT purpose, action, variant FROM consent_events WHERE subject = ? ORDER BY seq",
            (subject,),
        ).fetchall()
    finally:
        db.close()


@pytest.fixture(scope="module")
def clocked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClockedServer]:
    """Consent lasts a day; a session idles out after 30 hours; a token resumes for 48."""
    server = ClockedServer(
        tmp_path_factory.mktemp("clocked"),
        {
            "consent": {"max_age_days": 1},
            "limits": {"session_idle_minutes": 30 * 60, "resume_hours": 48},
        },
    ).start()
    yield server
    server.server.stop()


def test_the_test_clock_is_announced(clocked: ClockedServer) -> None:
    assert f"{TESTING_CLOCK_ENV} is set" in clocked.server.logs()


async def test_expired_consent_is_recorded_and_asked_for_again(clocked: ClockedServer) -> None:
    clocked.shift(0)
    chat = await clocked.client()
    await chat.hello()
    given = await chat.consent(ai_chat=True, transcript=True)
    subject = given["receipt"]["subject"]
    assert (await chat.ask("Hallo", "m1"))[-1]["type"] == "done"

    clocked.shift(DAY + 1)
    recorded, refused = await chat.ask("Noch da?", "m2")
    assert recorded["type"] == "consent_recorded"
    assert [(e["purpose"], e["action"]) for e in recorded["events"]] == [
        ("ai_chat", "expired"),
        ("transcript", "expired"),
    ]
    assert recorded["persist"] is False
    assert refused["type"] == "consent_required" and refused["id"] == "m2"
    # The expired rows were committed before the refusal was sent.
    assert ledger_rows(clocked.server, subject)[-2:] == [
        ("ai_chat", "expired", None),
        ("transcript", "expired", None),
    ]

    await chat.consent(ai_chat=True)
    assert (await chat.ask("Wieder da", "m3"))[-1]["type"] == "done"
    await chat.close()
    assert [action for _, action, _ in ledger_rows(clocked.server, subject)] == [
        "given",
        "given",
        "expired",
        "expired",
        "given",
    ]
    verify = cli(clocked.server, "ledger", "verify")
    assert verify.returncode == 0, verify.stderr


async def test_expiry_is_checked_on_resume(clocked: ClockedServer) -> None:
    clocked.shift(0)
    chat = await clocked.client()
    token = (await chat.hello())["session"]
    await chat.consent(ai_chat=True)
    await chat.close()

    clocked.shift(25 * HOUR)
    again = await clocked.client()
    welcome = await again.hello(resume=token)
    assert welcome["resumed"] is True
    assert welcome["consent"]["ai_chat"] == {"state": "expired", "current": False}
    recorded = await again.expect("consent_recorded")
    assert [e["action"] for e in recorded["events"]] == ["expired"]
    await again.close()


async def test_persist_only_with_transcript_consent(clocked: ClockedServer) -> None:
    clocked.shift(0)
    chat = await clocked.client()
    welcome = await chat.hello()
    assert welcome["persist"] is False
    assert (await chat.consent(ai_chat=True))["persist"] is False
    assert (await chat.consent(ai_chat=True, transcript=True))["persist"] is True
    await chat.close()

    again = await clocked.client()
    resumed = await again.hello(resume=welcome["session"])
    assert (resumed["resumed"], resumed["persist"]) == (True, True)
    await again.send({"type": "withdraw", "purposes": ["transcript"]})
    assert (await again.expect("consent_recorded"))["persist"] is False
    await again.close()

    last = await clocked.client()
    resumed = await last.hello(resume=welcome["session"])
    assert (resumed["resumed"], resumed["persist"]) == (True, False)
    await last.close()


async def test_an_idle_session_is_not_resumed(clocked: ClockedServer) -> None:
    clocked.shift(0)
    chat = await clocked.client()
    token = (await chat.hello())["session"]
    await chat.close()

    clocked.shift(30 * HOUR + 60)
    again = await clocked.client()
    welcome = await again.hello(resume=token)
    assert welcome["resumed"] is False
    assert welcome["session"] != token
    await again.close()


async def test_a_token_stops_resuming_after_resume_hours(clocked: ClockedServer) -> None:
    """Kept alive by resuming within the idle time, the session still ends at 48 hours."""
    clocked.shift(0)
    chat = await clocked.client()
    token = (await chat.hello())["session"]
    await chat.close()
    for hours in (25, 47):
        clocked.shift(hours * HOUR)
        again = await clocked.client()
        assert (await again.hello(resume=token))["resumed"] is True
        await again.close()

    clocked.shift(48 * HOUR + 60)
    late = await clocked.client()
    welcome = await late.hello(resume=token)
    assert welcome["resumed"] is False
    assert welcome["session"] != token
    await late.close()


VARIANTS = {
    "plain": {},
    "short": {
        "disclosure": {"de": "Hier antwortet eine KI.", "en": "An AI answers here."},
        "purposes": {"ai_chat": {"title": {"de": "Mit der KI chatten"}}},
    },
}


async def test_metrics_count_decisions_per_variant(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    clocked = ClockedServer(
        tmp_path_factory.mktemp("metrics"), {"consent": {"variants": VARIANTS}}
    ).start()
    server = clocked.server
    expected: dict[str, Counter[str]] = {}
    tokens: list[str] = []
    subjects: list[str] = []
    try:
        plan = ["consent"] * 3 + ["decline"] * 2 + ["withdraw"] + ["leave"] * 3
        for what in plan:
            chat = await clocked.client()
            welcome = await chat.hello()
            tokens.append(welcome["session"])
            counts = expected.setdefault(welcome["policy_version"], Counter())
            counts["opened"] += 1
            if what == "leave":
                counts["left_undecided"] += 1
            else:
                recorded = await chat.consent(ai_chat=what != "decline")
                subjects.append(recorded["receipt"]["subject"])
                counts["declined" if what == "decline" else "consented"] += 1
            if what == "withdraw":
                await chat.send({"type": "withdraw", "purposes": "all"})
                await chat.expect("consent_recorded")
                counts["withdrew"] += 1
            await chat.close()
        # The sessions outlive their sockets (and the server); once idle past
        # `limits.session_idle_minutes` the leader ends them: the undecided ones left.
        clocked.shift(31 * 60)
        rows = await left_counted(server, sum(c["left_undecided"] for c in expected.values()))
    finally:
        server.stop()

    settings = load_settings(server.config)
    variants = Variants(settings)
    version_of = {vid: variants.policy(vid).version for vid in VARIANTS}
    assert len(set(version_of.values())) == 2
    counters = ("opened", "consented", "declined", "left_undecided", "withdrew")
    got = {row["policy_version"]: Counter({c: row[c] for c in counters if row[c]}) for row in rows}
    assert got == expected
    for row in rows:
        assert version_of[row["variant"]] == row["policy_version"]
    assert sum(row["opened"] for row in rows) == 9

    # The variant is in every ledger row, matching the version shown.
    db = sqlite3.connect(server.database)
    try:
        ledger = db.execute("SELECT policy_version, variant FROM consent_events").fetchall()
        columns = [c[1] for c in db.execute("PRAGMA table_info(consent_metrics)")]
        metrics_dump = json.dumps(db.execute("SELECT * FROM consent_metrics").fetchall())
    finally:
        db.close()
    assert len(ledger) == 3 + 2 + 2
    assert all(version_of[variant] == version for version, variant in ledger)
    verify = cli(server, "ledger", "verify")
    assert verify.returncode == 0, verify.stderr
    assert "ledger OK: 7 events" in verify.stdout

    # Counts only: nothing that could single out a visitor.
    assert columns == ["policy_version", "variant", *counters]
    identities = Identities(load_or_create_secret(server.data_dir, None))
    for token in tokens:
        for value in (token, identities.subject(token), identities.conversation(token)):
            assert value not in metrics_dump
    assert subjects and all(subject not in metrics_dump for subject in subjects)

    table = cli(server, "metrics")
    assert table.returncode == 0
    assert table.stdout.splitlines()[0].split()[:3] == ["policy", "version", "variant"]
