"""`/metrics`: operations figures in the Prometheus text format, for whoever runs the server.

Fed from two sources only, so that nothing here can see a visitor's words: the typed
events (which never carry text; see `klarchat.events`) and, at scrape time, the registry
of live conversations. Each app has its own `CollectorRegistry`, never the global one:
two apps in one process (the tests) must not count into each other's figures.

The endpoint is off (404) unless `operator.metrics_token` is set, and then answers only a
request with `Authorization: Bearer <token>` (compared in constant time), because the
figures show how busy the site is and when its staff are away.
"""

from __future__ import annotations

import collections
import hmac
import time
from collections.abc import Awaitable, Callable, Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from klarchat.events import (
    AnswerFinished,
    AnswerStarted,
    ConsentDecided,
    Event,
    HandoffChanged,
    MessageRedacted,
    SessionEnded,
)
from klarchat.services import Services

CONVERSATION_STATES = ("ai", "consent", "waiting", "human", "closed")
HANDOFF_STEPS = ("requested", "claimed", "released", "closed")

# Redaction takes milliseconds; an answer from a provider takes seconds.
_REDACTION_BUCKETS = (0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
_ANSWER_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)


class OperationsMetrics:
    """The counters and histograms of one app, and the event listener that feeds them.

    `live` is read at scrape time: `connections()` gives this instance's open websockets
    and `states()` the live conversations of the whole site per state (`ai`, `consent`, `waiting`, `human`,
    `closed`).
    """

    def __init__(
        self,
        connections: Callable[[], int],
        states: Callable[[], Awaitable[Mapping[str, int]]],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._monotonic = monotonic
        self._answering: dict[tuple[str, str], float] = {}
        self.connections = Gauge(
            "klarchat_connections_open", "Open chat websockets.", registry=self.registry
        )
        self.connections.set_function(lambda: float(connections()))
        self.conversations = Gauge(
            "klarchat_conversations",
            "Live conversations by state.",
            ["state"],
            registry=self.registry,
        )
        self._states = states
        self.messages = Counter(
            "klarchat_messages",
            "Visitor messages redacted (including blocked ones).",
            registry=self.registry,
        )
        self.blocked = Counter(
            "klarchat_messages_blocked",
            "Visitor messages stopped for a special category set to block.",
            registry=self.registry,
        )
        self.redaction = Histogram(
            "klarchat_redaction_seconds",
            "Time to redact one visitor message.",
            buckets=_REDACTION_BUCKETS,
            registry=self.registry,
        )
        self.answer = Histogram(
            "klarchat_answer_seconds",
            "Time from the start of an answer (after redaction) to its end.",
            ["responder"],
            buckets=_ANSWER_BUCKETS,
            registry=self.registry,
        )
        self.answers = Counter(
            "klarchat_answers",
            "Finished answers by outcome.",
            ["outcome"],
            registry=self.registry,
        )
        self.answer_errors = Counter(
            "klarchat_answer_errors",
            "Answers that failed, by error code.",
            ["code"],
            registry=self.registry,
        )
        self.consent = Counter(
            "klarchat_consent_events",
            "Consent decisions committed to the ledger, by purpose and action.",
            ["purpose", "action"],
            registry=self.registry,
        )
        self.handoffs = Counter(
            "klarchat_handoffs",
            "Handoff steps: a person requested, claimed, released to the AI, closed.",
            ["step"],
            registry=self.registry,
        )
        for step in HANDOFF_STEPS:
            self.handoffs.labels(step=step)
        self.unavailable = Counter(
            "klarchat_handoffs_unavailable",
            "Requests for a person nobody could take, by reason.",
            ["reason"],
            registry=self.registry,
        )
        self._handoff_state: dict[str, str] = {}

    async def __call__(self, event: Event) -> None:
        if isinstance(event, MessageRedacted):
            self.messages.inc()
            self.redaction.observe(event.seconds)
            if event.blocked:
                self.blocked.inc()
        elif isinstance(event, AnswerStarted):
            self._answering[(event.conversation, event.message_id)] = self._monotonic()
        elif isinstance(event, AnswerFinished):
            began = self._answering.pop((event.conversation, event.message_id), None)
            if began is not None:
                self.answer.labels(responder=event.responder).observe(self._monotonic() - began)
            self.answers.labels(outcome=event.outcome).inc()
            if event.error_code:
                self.answer_errors.labels(code=event.error_code).inc()
        elif isinstance(event, ConsentDecided):
            for purpose, action in event.decisions.items():
                self.consent.labels(purpose=purpose, action=action.value).inc()
        elif isinstance(event, HandoffChanged):
            self._handoff(event)
        elif isinstance(event, SessionEnded):
            self._handoff_state.pop(event.conversation, None)

    def _handoff(self, event: HandoffChanged) -> None:
        """A step is a change of state: `waiting` is a request, `human` a claim, `ai` after
        `human` a release, `closed` the end; a request nobody could take counts apart."""
        if event.outcome:
            self.unavailable.labels(reason=event.outcome).inc()
        before = self._handoff_state.get(event.conversation, "ai")
        step = {"waiting": "requested", "human": "claimed", "closed": "closed"}.get(event.state)
        if event.state == "ai" and before == "human":
            step = "released"
        if step is not None and event.state != before:
            self.handoffs.labels(step=step).inc()
        if event.state == "closed":
            self._handoff_state.pop(event.conversation, None)
        else:
            self._handoff_state[event.conversation] = event.state

    async def exposition(self) -> bytes:
        """The text format, with the conversation states read now."""
        counts = await self._states()
        for state in CONVERSATION_STATES:
            self.conversations.labels(state=state).set(counts.get(state, 0))
        return generate_latest(self.registry)


def attach(services: Services) -> OperationsMetrics:
    """The app's metrics, subscribed before the first connection; the open connections and
    the conversations by state are read from the live sessions when scraped."""

    def connections() -> int:
        return len(services.live.everyone())

    async def states() -> Mapping[str, int]:
        return collections.Counter(
            session.handoff.state for session in await services.sessions.all()
        )

    ops = OperationsMetrics(connections, states, services.clock.monotonic)
    services.events.subscribe(ops)
    return ops


def authorized(header: str, token: str) -> bool:
    """`Bearer <token>`, compared in constant time so the token cannot be guessed by timing."""
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8")
    )


async def metrics(request: Request) -> Response:
    configured = request.app.state.services.settings.operator.metrics_token
    token = configured.get_secret_value() if configured is not None else ""
    if not token:
        return PlainTextResponse("Not Found", status_code=404)
    if not authorized(request.headers.get("authorization", ""), token):
        return PlainTextResponse(
            "Unauthorized", status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )
    ops: OperationsMetrics = request.app.state.operations_metrics
    return Response(
        await ops.exposition(),
        media_type=CONTENT_TYPE_LATEST,
        headers={"Cache-Control": "no-store"},
    )
