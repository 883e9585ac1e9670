"""The operations metrics count what the events say, per app, and never see text."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from klarchat.consent.state import Action
from klarchat.events import (
    AnswerFinished,
    AnswerStarted,
    ConsentDecided,
    HandoffChanged,
    MessageRedacted,
)
from klarchat.web.metrics_endpoint import OperationsMetrics, authorized


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def samples(ops: OperationsMetrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = (await ops.exposition()).decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def no_states() -> dict[str, int]:
    return {}


def finished(outcome: str, error_code: str = "") -> AnswerFinished:
    return AnswerFinished(
        "c1", "m1", "offline", "m", "t0", "t1", {}, outcome=outcome, error_code=error_code
    )


async def test_events_feed_the_counters_and_histograms() -> None:
    ticks = Ticks()

    async def states() -> dict[str, int]:
        return {"waiting": 2, "human": 1}

    ops = OperationsMetrics(lambda: 3, states, monotonic=ticks)
    await ops(MessageRedacted("c1", "m1", {"PERSON": 1}, False, seconds=0.004))
    await ops(MessageRedacted("c1", "m2", {}, True, seconds=0.03))
    await ops(AnswerStarted("c1", "m1", "offline"))
    ticks.now += 1.5
    await ops(finished("complete"))
    await ops(AnswerStarted("c1", "m1", "offline"))
    await ops(finished("error", "provider_timeout"))
    await ops(ConsentDecided("c1", None, {"ai_chat": Action.GIVEN, "transcript": Action.DECLINED}))
    got = await samples(ops)
    assert got[("klarchat_connections_open", ())] == 3
    assert got[("klarchat_conversations", (("state", "waiting"),))] == 2
    assert got[("klarchat_conversations", (("state", "ai"),))] == 0
    assert got[("klarchat_messages_total", ())] == 2
    assert got[("klarchat_messages_blocked_total", ())] == 1
    assert got[("klarchat_redaction_seconds_count", ())] == 2
    assert got[("klarchat_redaction_seconds_bucket", (("le", "0.005"),))] == 1
    assert got[("klarchat_answer_seconds_count", (("responder", "offline"),))] == 2
    assert got[("klarchat_answer_seconds_bucket", (("le", "1.0"), ("responder", "offline")))] == 1
    assert got[("klarchat_answers_total", (("outcome", "error"),))] == 1
    assert got[("klarchat_answer_errors_total", (("code", "provider_timeout"),))] == 1
    assert (
        got[("klarchat_consent_events_total", (("action", "given"), ("purpose", "ai_chat")))] == 1
    )
    assert (
        got[("klarchat_consent_events_total", (("action", "declined"), ("purpose", "transcript")))]
        == 1
    )


async def test_handoff_steps_are_changes_of_state() -> None:
    ops = OperationsMetrics(lambda: 0, no_states)
    for state, operator in [
        ("consent", None),
        ("waiting", None),
        ("waiting", None),
        ("human", "anna"),
        ("ai", None),
        ("waiting", None),
        ("human", "ben"),
        ("closed", "ben"),
    ]:
        await ops(HandoffChanged("c1", state, operator))
    await ops(HandoffChanged("c2", "ai", None, outcome="nobody_online"))
    got = await samples(ops)
    steps = {
        s: got[("klarchat_handoffs_total", (("step", s),))]
        for s in ("requested", "claimed", "released", "closed")
    }
    assert steps == {"requested": 2, "claimed": 2, "released": 1, "closed": 1}
    assert got[("klarchat_handoffs_unavailable_total", (("reason", "nobody_online"),))] == 1


async def test_each_app_counts_on_its_own() -> None:
    first = OperationsMetrics(lambda: 0, no_states)
    second = OperationsMetrics(lambda: 0, no_states)
    await first(MessageRedacted("c1", "m1", {}, False, seconds=0.001))
    assert (await samples(first))[("klarchat_messages_total", ())] == 1
    assert (await samples(second))[("klarchat_messages_total", ())] == 0


def test_the_token_must_be_a_bearer_token_and_match() -> None:
    assert authorized("Bearer s3cret", "s3cret")
    assert authorized("bearer s3cret", "s3cret")
    assert not authorized("Bearer s3cre", "s3cret")
    assert not authorized("Basic s3cret", "s3cret")
    assert not authorized("", "s3cret")
    assert not authorized("Bearer ", "s3cret")
