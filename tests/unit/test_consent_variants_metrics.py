"""Wording variants (their own policy versions, a weighted draw kept on resume) and the
consent counters (each session counted at most once per counter)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from klarchat.config import ConfigError, Settings, load_settings
from klarchat.consent.variants import Variants
from klarchat.conversation.session_expiry import end_expired
from tests.support.harness import Connection, ShiftedClock, make_services

VARIANTS = {
    "plain": {},
    "short": {
        "weight": 3,
        "disclosure": {"en": "This is an AI."},
        "purposes": {"ai_chat": {"title": {"en": "Chat with the AI"}}},
    },
}


def test_each_variant_has_the_version_of_its_own_words() -> None:
    variants = Variants(Settings(consent={"variants": VARIANTS}))
    plain, short = variants.policy("plain"), variants.policy("short")
    assert plain.version == variants.base.version == variants.policy(None).version
    assert short.version != plain.version
    assert short.disclosure("en") == "This is an AI."
    assert short.disclosure("de") == plain.disclosure("de")  # left out: the base wording
    assert short.describe("en")[0]["title"] == "Chat with the AI"
    assert short.describe("en")[0]["text"] == plain.describe("en")[0]["text"]
    assert short.shown("ai_chat", "en").sha256 != plain.shown("ai_chat", "en").sha256


def test_the_draw_follows_the_weights() -> None:
    variants = Variants(Settings(consent={"variants": VARIANTS}), random.Random(7))
    drawn = Counter(variants.pick() for _ in range(4000))
    assert set(drawn) == {"plain", "short"}
    assert 0.70 < drawn["short"] / 4000 < 0.80
    assert Variants(Settings()).pick() is None


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('[consent.variants.x.purposes.nope]\ntitle = {en = "T"}\n', "unknown purpose"),
        ('[consent.variants."a b"]\nweight = 1\n', "an id is 1-32"),
        ('[consent.variants.x]\ndisclosure = {en = " "}\n', "empty text"),
        ("[consent.variants.x]\nweight = 0\n", "consent.variants.x.weight"),
        ("[consent]\nmax_age_days = 0\n", "consent.max_age_days"),
        ("[limits]\nresume_hours = 0\n", "limits.resume_hours"),
    ],
)
def test_bad_settings_are_named(tmp_path: Path, toml: str, problem: str) -> None:
    path = tmp_path / "klarchat.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        load_settings(path)


async def test_counters_count_sessions_once(tmp_path: Path) -> None:
    clock = ShiftedClock()
    services = await make_services(tmp_path, clock, consent={"variants": VARIANTS})
    undecided = Connection(services)
    await undecided.hello()
    await undecided.close()

    chat = Connection(services)
    welcome = await chat.hello()
    subject = (await chat.consent(ai_chat=False))["receipt"]["subject"]
    await chat.consent(ai_chat=True, transcript=True)
    await chat.consent(ai_chat=True, transcript=False)  # consented again: still one session
    chat.send({"type": "withdraw", "purposes": "all"})
    await chat.expect("consent_recorded")
    await chat.close()

    resumed = Connection(services)
    again = await resumed.hello(resume=welcome["session"])
    assert again["resumed"] is True
    assert again["policy_version"] == welcome["policy_version"]  # the variant is kept
    await resumed.close()

    clock.offset = services.settings.limits.session_idle_minutes * 60 + 1
    assert await end_expired(services) == 2
    rows = await services.store.metrics()
    totals = Counter[str]()
    for row in rows:
        assert row.variant in ("plain", "short")
        assert row.policy_version == services.variants.policy(row.variant).version
        totals.update(
            opened=row.opened,
            consented=row.consented,
            declined=row.declined,
            withdrew=row.withdrew,
            left_undecided=row.left_undecided,
        )
    assert totals == Counter(opened=2, consented=1, declined=1, withdrew=1, left_undecided=1)
    events = await services.store.consent_events_of(subject)
    assert len(events) == 6
    (variant,) = {row.variant for row in events}
    assert variant in ("plain", "short")
    assert {row.policy_version for row in events} == {welcome["policy_version"]}
    assert services.variants.policy(variant).version == welcome["policy_version"]
    await services.store.close()
