"""The long-lived parts one server process shares between all connections: the one
composition root, for the server and for the tests alike.

Built once in the app's lifespan: loading the redactor and opening the store are
slow, and an adapter keeps a pooled HTTP client. Tests pass overrides (a clock they
move, a redactor that does not load Presidio) instead of rebuilding the parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from klarchat.adapters.base import Adapter
from klarchat.adapters.registry import load_adapter
from klarchat.audit import AuditLog
from klarchat.bus.base import Bus, Leadership
from klarchat.bus.factory import open_bus
from klarchat.clock import Clock, clock_from_environment
from klarchat.config import Settings
from klarchat.consent.ledger import Ledger
from klarchat.consent.policy import Policy
from klarchat.consent.signing import SigningKey, load_or_create_signing_key
from klarchat.consent.variants import Variants
from klarchat.conversation.handoff import HandoffDesk
from klarchat.conversation.presence import Presence
from klarchat.conversation.redaction import (
    RedactionPool,
    RedactionWorker,
    Redacts,
    RedactsAsync,
)
from klarchat.conversation.registry import LiveConversations
from klarchat.conversation.relay import Relay
from klarchat.conversation.responders import AdapterResponder, Responder
from klarchat.events import Events
from klarchat.identity import Identities, load_or_create_secret
from klarchat.metrics import ConsentMetrics
from klarchat.oversight import OversightLog
from klarchat.privacy.redactor import Redactor
from klarchat.provider_health import ProviderHealth
from klarchat.sessions import LiveSessions
from klarchat.store.base import Store
from klarchat.store.factory import open_store


@dataclass(slots=True)
class Services:
    settings: Settings
    store: Store
    ledger: Ledger
    policy: Policy
    redactor: RedactsAsync
    adapter: Adapter
    responder: Responder
    """The responder a new conversation starts with: the AI adapter."""
    identities: Identities
    signing_key: SigningKey
    sessions: LiveSessions
    clock: Clock
    variants: Variants
    events: Events
    live: LiveConversations
    oversight: OversightLog
    presence: Presence
    provider_health: ProviderHealth
    bus: Bus
    leadership: Leadership
    handoffs: HandoffDesk = field(init=False)
    """Built on the finished `Services`: it acts through the registry, store and redactor."""
    relay: Relay = field(init=False)

    @classmethod
    async def start(
        cls,
        settings: Settings,
        *,
        clock: Clock | None = None,
        redactor: Redacts | None = None,
        adapter: Adapter | None = None,
        identities: Identities | None = None,
    ) -> Services:
        clock = clock or clock_from_environment()
        redaction = await _redaction(settings, redactor)
        if adapter is None:
            adapter = load_adapter(settings.adapter, settings.adapter_options())
        if identities is None:
            secret = settings.secret.get_secret_value() if settings.secret else None
            identities = Identities(load_or_create_secret(settings.data_dir, secret))
        store = await open_store(settings)
        bus, leadership = open_bus(settings)
        await bus.start()
        await leadership.start()
        variants = Variants(settings)
        events = Events()
        events.subscribe(ConsentMetrics(store, variants))
        events.subscribe(AuditLog(store))
        provider_health = ProviderHealth(adapter.name)
        events.subscribe(provider_health)
        services = cls(
            settings=settings,
            store=store,
            ledger=Ledger(store, clock),
            policy=variants.base,
            redactor=redaction,
            adapter=adapter,
            responder=AdapterResponder(adapter, settings.assistant.name),
            identities=identities,
            signing_key=load_or_create_signing_key(settings.data_dir),
            sessions=LiveSessions(
                store,
                identities,
                clock,
                idle_seconds=settings.limits.session_idle_minutes * 60,
                resume_seconds=settings.limits.resume_hours * 3600,
                staff_key=identities.staff_key(),
            ),
            clock=clock,
            variants=variants,
            events=events,
            live=LiveConversations(events),
            oversight=OversightLog(store, clock),
            presence=Presence(store, clock, bus.instance),
            provider_health=provider_health,
            bus=bus,
            leadership=leadership,
        )
        services.handoffs = HandoffDesk(services)
        services.relay = Relay(services)
        return services

    async def stop(self) -> None:
        """Sessions outlive the process (they are in the database): another instance, or
        this one restarted, continues them."""
        try:
            await self.relay.close()
            self.redactor.close()
            await self.adapter.aclose()
        finally:
            await self.leadership.close()
            await self.bus.close()
            await self.store.close()


async def _redaction(settings: Settings, override: Redacts | None) -> RedactsAsync:
    """A test's redactor in the worker thread; else the configured one: worker processes
    (`privacy.redaction_processes`), or one worker thread in this process."""
    privacy = settings.privacy
    if override is None and privacy.redaction_processes > 0:
        pool = RedactionPool(
            privacy.redaction_processes,
            settings.languages,
            privacy.score_threshold,
            pass_through=privacy.pass_through,
            category_actions=privacy.special_categories,
        )
        await pool.start()
        return pool
    return RedactionWorker(
        override
        or Redactor(
            settings.languages,
            privacy.score_threshold,
            pass_through=privacy.pass_through,
            category_actions=privacy.special_categories,
        )
    )
